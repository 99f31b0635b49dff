package io.segstream.runtime.security;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.segstream.runtime.web.ProblemResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ServletRequestPathUtils;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

import java.io.IOException;
import java.util.List;

/**
 * Applies {@link ClientRateLimiter} to the configured paths, after authentication (the client is the token's
 * {@code azp}, {@code client_id} or subject): over the limit, 429 problem+json with Retry-After in whole seconds.
 */
public final class RateLimitFilter extends OncePerRequestFilter {
    public static final String RATE_LIMITED = "RATE_LIMITED";
    private final ClientRateLimiter limiter;
    private final List<PathPattern> paths;
    private final Counter refused;

    public RateLimitFilter(ClientRateLimiter limiter, List<String> paths, MeterRegistry meters) {
        this.limiter = limiter;
        this.paths = paths.stream().map(PathPatternParser.defaultInstance::parse).toList();
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
        response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(seconds));
        ProblemResponses.write(response, HttpStatus.TOO_MANY_REQUESTS, RATE_LIMITED,
                "this client sent more requests than its rate limit allows; retry after " + seconds + " s",
                request.getRequestURI());
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
