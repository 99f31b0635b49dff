package io.segstream.runtime.security;

import io.segstream.runtime.web.ProblemResponses;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

import java.io.IOException;

/**
 * 401 and 403 as problem+json with a stable code, and the RFC 6750 {@code WWW-Authenticate} challenge. The detail
 * never echoes the token or says more about why it failed than a client can act on.
 */
public final class SecurityProblems implements AuthenticationEntryPoint, AccessDeniedHandler {
    public static final String UNAUTHENTICATED = "UNAUTHENTICATED";
    public static final String INVALID_TOKEN = "INVALID_TOKEN";
    public static final String FORBIDDEN = "FORBIDDEN";

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        boolean tokenSent = e instanceof InvalidBearerTokenException
                || request.getHeader(HttpHeaders.AUTHORIZATION) != null;
        String challenge = tokenSent
                ? "Bearer error=\"invalid_token\", error_description=\"the bearer token is invalid or expired\""
                : "Bearer";
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, challenge);
        ProblemResponses.write(response, HttpStatus.UNAUTHORIZED, tokenSent ? INVALID_TOKEN : UNAUTHENTICATED, tokenSent
                ? "the bearer token is invalid, expired or not meant for this service"
                : "this endpoint needs a bearer token (Authorization: Bearer <JWT>)", request.getRequestURI());
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"insufficient_scope\"");
        ProblemResponses.write(response, HttpStatus.FORBIDDEN, FORBIDDEN,
                "the caller's roles do not allow " + request.getMethod() + " " + request.getRequestURI(),
                request.getRequestURI());
    }
}
