package io.segstream.runtime.security;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns a validated JWT into an authentication whose authorities are the caller's {@link Role}s, read from the
 * configured claim. Names that are not Segstream roles are ignored (an identity provider issues many), so a token
 * with none of ours is authenticated but may call nothing.
 */
public final class JwtRoles implements Converter<Jwt, AbstractAuthenticationToken> {
    private final String claim;
    private final String[] claimPath;

    public JwtRoles(String rolesClaim) {
        this.claim = rolesClaim;
        this.claimPath = rolesClaim.split("\\.");
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        return new JwtAuthenticationToken(jwt, authorities(jwt.getClaims()), jwt.getSubject());
    }

    List<GrantedAuthority> authorities(Map<String, Object> claims) {
        // A claim named with dots (Auth0's "https://example.com/roles") first, then a path into nested claims.
        Object value = claims.get(claim);
        if (value == null) {
            value = claims;
            for (String step : claimPath) {
                if (!(value instanceof Map<?, ?> map)) {
                    return List.of();
                }
                value = map.get(step);
            }
        }
        Collection<?> names;
        if (value instanceof Collection<?> collection) {
            names = collection;
        } else if (value instanceof String text) {
            names = List.of(text.trim().split("\\s+"));
        } else {
            return List.of();
        }
        List<GrantedAuthority> authorities = new ArrayList<>();
        for (Object name : names) {
            if (name instanceof String text) {
                role(text).ifPresent(role -> authorities.add(new SimpleGrantedAuthority(role.authority())));
            }
        }
        return authorities;
    }

    private static java.util.Optional<Role> role(String name) {
        String normalised = name.strip().toUpperCase(Locale.ROOT);
        if (normalised.startsWith("ROLE_")) {
            normalised = normalised.substring("ROLE_".length());
        }
        for (Role role : Role.values()) {
            if (role.name().equals(normalised)) {
                return java.util.Optional.of(role);
            }
        }
        return java.util.Optional.empty();
    }
}
