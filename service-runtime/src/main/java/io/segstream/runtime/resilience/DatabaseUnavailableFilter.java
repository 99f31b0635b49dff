package io.segstream.runtime.resilience;

import io.segstream.runtime.web.ProblemCodes;
import io.segstream.runtime.web.ProblemResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * While the MongoDB circuit is open, every API request (after authentication) gets 503 problem+json with
 * Retry-After at once: nothing is accepted that could not be stored, and nobody waits for a driver timeout.
 */
public final class DatabaseUnavailableFilter extends OncePerRequestFilter {
    private final DatabaseCircuit circuit;
    public DatabaseUnavailableFilter(DatabaseCircuit circuit) {
        this.circuit = circuit;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith(request.getContextPath() + "/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!circuit.isOpen()) {
            chain.doFilter(request, response);
            return;
        }
        long seconds = Math.max(1, (circuit.untilTrial().toMillis() + 999) / 1000);
        response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(seconds));
        ProblemResponses.write(response, HttpStatus.SERVICE_UNAVAILABLE, ProblemCodes.SERVICE_UNAVAILABLE,
                "the database is not available; nothing was accepted, retry after " + seconds + " s",
                request.getRequestURI());
    }
}
