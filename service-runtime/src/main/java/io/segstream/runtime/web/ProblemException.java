package io.segstream.runtime.web;

import org.springframework.http.HttpStatus;

import java.time.Duration;
import java.util.Map;

/**
 * Thrown by a service to answer with a problem+json of its own: status, stable code, detail, optional extra members
 * and an optional Retry-After. Services need no exception advice of their own.
 */
public class ProblemException extends RuntimeException {
    private final HttpStatus status;
    private final String code;
    private final Map<String, Object> properties;
    private final Duration retryAfter;

    public ProblemException(HttpStatus status, String code, String detail) {
        this(status, code, detail, Map.of(), null);
    }

    public ProblemException(HttpStatus status, String code, String detail, Map<String, Object> properties,
                            Duration retryAfter) {
        super(detail, null, false, false);
        this.status = status;
        this.code = code;
        this.properties = Map.copyOf(properties);
        this.retryAfter = retryAfter;
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }

    public Map<String, Object> properties() {
        return properties;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
