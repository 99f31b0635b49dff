package io.segstream.runtime.security;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LocalTokensTest {
    private static final String KEY = TestTokens.SIGNING_KEY;
    private final JwtDecoder decoder = LocalTokens.decoder(KEY, LocalTokens.ISSUER, LocalTokens.AUDIENCE);

    @Test
    void aTokenCarriesSubjectRolesIssuerAndAudience() {
        Jwt jwt = decoder.decode(LocalTokens.issue(KEY, "analyst", Role.MARKETING, Role.OPS));
        assertThat(jwt.getSubject()).isEqualTo("analyst");
        assertThat(jwt.getClaimAsStringList("roles")).containsExactly("MARKETING", "OPS");
        assertThat(jwt.getAudience()).containsExactly(LocalTokens.AUDIENCE);
        assertThat(jwt.getClaimAsString("iss")).isEqualTo(LocalTokens.ISSUER);
        assertThat(new JwtRoles("roles").convert(jwt).getAuthorities()).extracting(Object::toString)
                .containsExactlyInAnyOrder("ROLE_MARKETING", "ROLE_OPS");
    }

    @Test
    void anotherKeyAnExpiredTokenOrAnotherAudienceIsRefused() {
        String other = LocalTokens.issue("x".repeat(LocalTokens.MIN_KEY_BYTES), "a", Role.ADMIN);
        assertThatThrownBy(() -> decoder.decode(other)).isInstanceOf(JwtException.class);
        String expired = LocalTokens.issue(KEY, "a", List.of(Role.ADMIN), Duration.ofMinutes(5),
                Instant.now().minus(Duration.ofHours(1)));
        assertThatThrownBy(() -> decoder.decode(expired)).isInstanceOf(JwtException.class);
        JwtDecoder elsewhere = LocalTokens.decoder(KEY, LocalTokens.ISSUER, "another-service");
        assertThatThrownBy(() -> elsewhere.decode(LocalTokens.issue(KEY, "a", Role.ADMIN)))
                .isInstanceOf(JwtException.class);
    }

    @Test
    void aShortKeyIsRefusedAndNewKeysAreLongAndDistinct() {
        assertThatThrownBy(() -> LocalTokens.issue("short", "a", Role.ADMIN))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 32 bytes");
        String key = LocalTokens.newSigningKey();
        assertThat(key).hasSize(64).isNotEqualTo(LocalTokens.newSigningKey());
        assertThat(decoder(key).decode(LocalTokens.issue(key, "a", Role.INGEST)).getSubject()).isEqualTo("a");
    }

    private static JwtDecoder decoder(String key) {
        return LocalTokens.decoder(key, LocalTokens.ISSUER, LocalTokens.AUDIENCE);
    }
}
