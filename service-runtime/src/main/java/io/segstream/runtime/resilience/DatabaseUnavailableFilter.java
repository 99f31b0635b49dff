package io.segstream.runtime.resilience;

import io.segstream.runtime.web.ProblemCodes;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * While the MongoDB circuit is open, every API request (after authentication) gets 503 problem+json with
 * Retry-After at once: nothing is accepted that could not be stored, and nobody waits for a driver timeout.
 */
public final class DatabaseUnavailableFilter extends OncePerRequestFilter {
    private final DatabaseCircuit circuit;
    private final JsonMapper mapper;

    public DatabaseUnavailableFilter(DatabaseCircuit circuit, JsonMapper mapper) {
        this.circuit = circuit;
        this.mapper = mapper;
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
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", HttpStatus.SERVICE_UNAVAILABLE.getReasonPhrase());
        problem.put("status", HttpStatus.SERVICE_UNAVAILABLE.value());
        problem.put("detail", "the database is not available; nothing was accepted, retry after " + seconds + " s");
        problem.put("instance", request.getRequestURI());
        problem.put("code", ProblemCodes.SERVICE_UNAVAILABLE);
        response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
        response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(seconds));
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        mapper.writeValue(response.getOutputStream(), problem);
    }
}
