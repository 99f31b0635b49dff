package io.segstream.runtime.security;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ServletRequestPathUtils;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Applies {@link ClientRateLimiter} to the configured paths, after authentication (the client is the token's
 * {@code azp}, {@code client_id} or subject): over the limit, 429 problem+json with Retry-After in whole seconds.
 */
public final class RateLimitFilter extends OncePerRequestFilter {
    public static final String RATE_LIMITED = "RATE_LIMITED";
    private final ClientRateLimiter limiter;
    private final List<PathPattern> paths;
    private final JsonMapper mapper;
    private final Counter refused;

    public RateLimitFilter(ClientRateLimiter limiter, List<String> paths, JsonMapper mapper, MeterRegistry meters) {
        this.limiter = limiter;
        this.paths = paths.stream().map(PathPatternParser.defaultInstance::parse).toList();
        this.mapper = mapper;
        this.refused = Counter.builder("segstream.http.rate.limited")
                .description("Requests refused with 429 because their client exceeded its rate limit")
                .register(meters);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        var path = ServletRequestPathUtils.hasParsedRequestPath(request)
                ? ServletRequestPathUtils.getParsedRequestPath(request).pathWithinApplication()
                : org.springframework.http.server.PathContainer.parsePath(request.getRequestURI()
                        .substring(request.getContextPath().length()));
        return paths.stream().noneMatch(p -> p.matches(path));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ClientRateLimiter.Decision decision = limiter.tryAcquire(client(SecurityContextHolder.getContext()
                .getAuthentication()));
        if (decision.admitted()) {
            chain.doFilter(request, response);
            return;
        }
        refused.increment();
        long seconds = Math.max(1, (decision.retryAfter().toMillis() + 999) / 1000);
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", HttpStatus.TOO_MANY_REQUESTS.getReasonPhrase());
        problem.put("status", HttpStatus.TOO_MANY_REQUESTS.value());
        problem.put("detail", "this client sent more requests than its rate limit allows; retry after " + seconds
                + " s");
        problem.put("instance", request.getRequestURI());
        problem.put("code", RATE_LIMITED);
        response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(seconds));
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        mapper.writeValue(response.getOutputStream(), problem);
    }

    static String client(Authentication authentication) {
        if (authentication instanceof JwtAuthenticationToken jwt) {
            for (String claim : List.of("azp", "client_id")) {
                String value = jwt.getToken().getClaimAsString(claim);
                if (value != null && !value.isBlank()) {
                    return value;
                }
            }
        }
        return authentication == null ? "anonymous" : authentication.getName();
    }
}
