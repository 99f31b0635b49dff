package io.segstream.runtime.security;

import org.springframework.http.HttpMethod;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Which roles may call which endpoints of a service. Each service declares one bean; service-runtime adds the
 * endpoints every service has (erasure, audit, actuator). A request that no rule names is refused, so an endpoint
 * added without a rule is closed, never open by accident.
 */
public final class EndpointAccess {
    /** One rule: a method and a Spring path pattern, and the roles that may call it. */
    public record Rule(HttpMethod method, String pattern, Set<Role> roles) {
        public Rule {
            if (roles.isEmpty()) {
                throw new IllegalArgumentException("a rule needs at least one role: " + method + " " + pattern);
            }
            roles = Set.copyOf(roles);
        }

        public String[] roleNames() {
            return roles.stream().map(Role::name).sorted().toArray(String[]::new);
        }
    }

    private final List<Rule> rules;

    private EndpointAccess(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    public static Builder builder() {
        return new Builder();
    }

    public List<Rule> rules() {
        return rules;
    }

    public static final class Builder {
        private final List<Rule> rules = new ArrayList<>();

        public Builder allow(HttpMethod method, String pattern, Role... roles) {
            rules.add(new Rule(method, pattern, Set.copyOf(Arrays.asList(roles))));
            return this;
        }

        public EndpointAccess build() {
            return new EndpointAccess(rules);
        }
    }
}
