package io.segstream.runtime.security;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** Who is acting, for audit records: the authenticated principal of the current request, else the service itself. */
public final class Actor {
    public static final String SYSTEM = "system";
    private static final int MAX_LENGTH = 128;

    private Actor() {
    }

    public static String current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || authentication instanceof AnonymousAuthenticationToken
                || !authentication.isAuthenticated() || authentication.getName() == null
                || authentication.getName().isBlank()) {
            return SYSTEM;
        }
        String name = authentication.getName();
        return name.length() > MAX_LENGTH ? name.substring(0, MAX_LENGTH) : name;
    }
}
