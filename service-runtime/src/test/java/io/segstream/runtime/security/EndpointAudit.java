package io.segstream.runtime.security;

import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Walks every endpoint a running service maps (its controllers, service-runtime's and the actuator's) and checks
 * that none is open by accident: without a token 401, with a token that has no Segstream role 403, both as
 * problem+json. Only the liveness and readiness probes answer without credentials. Shipped in the test jar.
 */
public final class EndpointAudit {
    /** One mapped method and path, path variables filled in. */
    public record Endpoint(HttpMethod method, String path) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private EndpointAudit() {
    }

    public static List<Endpoint> endpoints(ApplicationContext context) {
        Set<String> seen = new TreeSet<>();
        List<Endpoint> endpoints = new ArrayList<>();
        for (RequestMappingInfoHandlerMapping mapping
                : context.getBeansOfType(RequestMappingInfoHandlerMapping.class).values()) {
            for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
                Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
                List<HttpMethod> verbs = methods.isEmpty() ? List.of(HttpMethod.GET)
                        : methods.stream().map(m -> HttpMethod.valueOf(m.name())).toList();
                Set<String> patterns = info.getPathPatternsCondition() != null
                        ? info.getPathPatternsCondition().getPatterns().stream().map(PathPattern::getPatternString)
                                .collect(java.util.stream.Collectors.toSet())
                        : info.getPatternValues();
                for (HttpMethod verb : verbs) {
                    for (String pattern : patterns) {
                        String path = concrete(pattern);
                        if (seen.add(verb + " " + path)) {
                            endpoints.add(new Endpoint(verb, path));
                        }
                    }
                }
            }
        }
        // The health endpoint maps its groups under one pattern; the probes are the groups that matter.
        if (seen.contains("GET /actuator/health/x")) {
            SegstreamSecurityAutoConfiguration.OPEN_PATHS.forEach(p -> endpoints.add(new Endpoint(HttpMethod.GET, p)));
        }
        return endpoints;
    }

    /** Asserts the walk above for every endpoint; returns the endpoints checked. */
    public static List<Endpoint> assertNothingOpen(ApplicationContext context, int port) throws Exception {
        List<Endpoint> endpoints = endpoints(context);
        assertThat(endpoints).as("mapped endpoints").isNotEmpty();
        String roleless = TestTokens.bearer();
        for (Endpoint endpoint : endpoints) {
            boolean open = SegstreamSecurityAutoConfiguration.OPEN_PATHS.contains(endpoint.path())
                    && endpoint.method() == HttpMethod.GET;
            HttpResponse<String> anonymous = send(port, endpoint, null);
            if (open) {
                assertThat(anonymous.statusCode()).as("%s without a token", endpoint).isLessThan(400);
                continue;
            }
            assertThat(anonymous.statusCode()).as("%s without a token", endpoint).isEqualTo(401);
            assertThat(anonymous.headers().firstValue("Content-Type")).as("%s content type", endpoint)
                    .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(anonymous.body()).as("%s body", endpoint).contains("\"code\":\"UNAUTHENTICATED\"");
            HttpResponse<String> noRole = send(port, endpoint, roleless);
            assertThat(noRole.statusCode()).as("%s with a token without roles", endpoint).isEqualTo(403);
            assertThat(noRole.body()).as("%s body", endpoint).contains("\"code\":\"FORBIDDEN\"");
        }
        return endpoints;
    }

    static HttpResponse<String> send(int port, Endpoint endpoint, String authorization)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + endpoint.path()))
                .method(endpoint.method().name(), HttpRequest.BodyPublishers.ofString("{}"))
                .header("Content-Type", "application/json");
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String concrete(String pattern) {
        return pattern.replaceAll("\\{\\*[^}]*}", "x").replaceAll("\\{[^}]*}", "x").replace("/**", "/x")
                .replace("*", "x");
    }
}
