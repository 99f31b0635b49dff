package io.segstream.runtime.security;

import io.micrometer.core.instrument.MeterRegistry;
import io.segstream.runtime.web.ProblemCodes;
import io.segstream.runtime.web.ProblemErrorReportValve;
import io.segstream.runtime.web.ProblemResponses;
import jakarta.servlet.DispatcherType;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.http.HttpMethod;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;

import java.util.Arrays;
import java.util.List;

/**
 * Every endpoint of every service behind bearer JWTs and the roles of contracts.md. Only the liveness and readiness
 * probes are open. The rules come from each service's {@link EndpointAccess} bean plus {@link #COMMON_ACCESS}; what
 * no rule names is refused.
 */
@AutoConfiguration(before = {ServletWebSecurityAutoConfiguration.class, ManagementWebSecurityAutoConfiguration.class,
        OAuth2ResourceServerAutoConfiguration.class, UserDetailsServiceAutoConfiguration.class})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(SecurityProperties.class)
public class SegstreamSecurityAutoConfiguration {
    public static final String LOCAL_PROFILE = "local";
    /** Open to anyone: orchestrators probe without credentials, and probes show no details. */
    public static final List<String> OPEN_PATHS = List.of("/actuator/health/liveness", "/actuator/health/readiness");

    /** Endpoints every service has. */
    public static final EndpointAccess COMMON_ACCESS = EndpointAccess.builder()
            .allow(HttpMethod.DELETE, "/api/v1/customers/{customerId}", Role.ADMIN)
            .allow(HttpMethod.GET, "/api/v1/audit", Role.ADMIN)
            .allow(HttpMethod.GET, "/actuator/prometheus", Role.METRICS)
            .allow(HttpMethod.GET, "/actuator/health", Role.OPS)
            .allow(HttpMethod.GET, "/actuator/health/**", Role.OPS)
            .allow(HttpMethod.GET, "/actuator/info", Role.OPS)
            .build();

    /** ADMIN may do everything the other roles may. */
    @Bean
    static RoleHierarchy segstreamRoleHierarchy() {
        return RoleHierarchyImpl.withDefaultRolePrefix()
                .role(Role.ADMIN.name()).implies(Arrays.stream(Role.values()).filter(r -> r != Role.ADMIN)
                        .map(Role::name).toArray(String[]::new))
                .build();
    }

    /** The local stack's and the tests' tokens; never built outside the {@code local} profile. */
    @Bean
    @Profile(LOCAL_PROFILE)
    JwtDecoder localJwtDecoder(SecurityProperties props) {
        SecurityProperties.Local local = props.local();
        if (!local.enabled()) {
            throw new IllegalStateException("the local profile needs segstream.security.local.signing-key "
                    + "(./segstream run passes the one in .segstream/local-signing.key)");
        }
        return LocalTokens.decoder(local.signingKey(), local.issuer(), local.audience());
    }

    /** Requests Spring Security's firewall refuses (";", "%25", a line break in the path): 400 problem+json. */
    @Bean
    RequestRejectedHandler problemRequestRejectedHandler() {
        return (request, response, rejected) -> ProblemResponses.write(response, HttpStatus.BAD_REQUEST,
                ProblemCodes.BAD_PARAMETER, "the request path contains characters that are not allowed", null);
    }

    /** What Tomcat refuses before any filter runs gets problem+json as well. */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReports() {
        return factory -> factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
                for (Valve valve : host.getPipeline().getValves()) {
                    if (valve instanceof ErrorReportValve && !(valve instanceof ProblemErrorReportValve)) {
                        host.getPipeline().removeValve(valve);
                    }
                }
            }
        });
    }

    @Bean
    SecurityFilterChain segstreamSecurity(HttpSecurity http, ObjectProvider<EndpointAccess> serviceAccess,
                                          ObjectProvider<JwtDecoder> decoders, SecurityProperties props,
                                          Environment environment, MeterRegistry meters) throws Exception {
        JwtDecoder decoder = decoders.getIfAvailable();
        if (decoder == null) {
            throw new IllegalStateException(missingIssuer(props, environment));
        }
        SecurityProblems problems = new SecurityProblems();
        List<EndpointAccess.Rule> rules = new java.util.ArrayList<>(COMMON_ACCESS.rules());
        serviceAccess.orderedStream().forEach(access -> rules.addAll(access.rules()));
        http.csrf(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .oauth2ResourceServer(o -> o
                        .jwt(jwt -> jwt.decoder(decoder).jwtAuthenticationConverter(new JwtRoles(props.rolesClaim())))
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .authorizeHttpRequests(authorize -> {
                    authorize.requestMatchers(HttpMethod.GET, OPEN_PATHS.toArray(String[]::new)).permitAll();
                    // Errors are rendered by an error dispatch of a request that was checked already; a request for
                    // /error itself is checked like any other.
                    authorize.dispatcherTypeMatchers(DispatcherType.ERROR).permitAll();
                    for (EndpointAccess.Rule rule : rules) {
                        authorize.requestMatchers(rule.method(), rule.pattern()).hasAnyRole(rule.roleNames());
                    }
                    authorize.anyRequest().denyAll();
                });
        SecurityProperties.RateLimit limit = props.rateLimit();
        if (limit.enabled() && !limit.paths().isEmpty()) {
            ClientRateLimiter limiter = new ClientRateLimiter(limit.requestsPerSecond(), limit.burst(),
                    limit.maxClients(), limit.idleAfter(), System::nanoTime);
            http.addFilterAfter(new RateLimitFilter(limiter, limit.paths(), meters),
                    AuthorizationFilter.class);
        }
        return http.build();
    }

    private static String missingIssuer(SecurityProperties props, Environment environment) {
        if (props.local().enabled() && !environment.acceptsProfiles(Profiles.of(LOCAL_PROFILE))) {
            return "segstream.security.local.signing-key is set but the 'local' profile is not active: local tokens "
                    + "are for the local stack only. In production set spring.security.oauth2.resourceserver.jwt."
                    + "issuer-uri (or jwk-set-uri) and audiences.";
        }
        return "no token issuer is configured: set spring.security.oauth2.resourceserver.jwt.issuer-uri (or "
                + "jwk-set-uri) and audiences in production, or run with the 'local' profile and "
                + "segstream.security.local.signing-key (./segstream run does this).";
    }
}
