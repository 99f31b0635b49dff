package io.segstream.runtime.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * The local stack's own tokens: HS256 JWTs signed with a secret that exists only on the developer's machine. They
 * stand in for an identity provider in the local profile and in tests; production never accepts them (the decoder
 * is only built under the {@code local} profile).
 */
public final class LocalTokens {
    public static final String ISSUER = "segstream-local";
    public static final String AUDIENCE = "segstream";
    /** HS256 needs a key of at least 256 bits. */
    public static final int MIN_KEY_BYTES = 32;
    private static final String HMAC = "HmacSHA256";

    private LocalTokens() {
    }

    /** A fresh random signing key, 48 bytes in base64url (64 characters). */
    public static String newSigningKey() {
        byte[] bytes = new byte[48];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** A signed token for {@code subject} with {@code roles}, valid for {@code ttl} from {@code now}. */
    public static String issue(String signingKey, String subject, Collection<Role> roles, Duration ttl, Instant now) {
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .audience(AUDIENCE)
                .subject(subject)
                .claim("azp", subject)
                .claim("roles", roles.stream().map(Role::name).sorted().toList())
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plus(ttl)))
                .jwtID(UUID.randomUUID().toString())
                .build();
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
            jwt.sign(new MACSigner(key(signingKey).getEncoded()));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign a local token: " + e.getMessage(), e);
        }
    }

    /** A token valid for an hour from now. */
    public static String issue(String signingKey, String subject, Role... roles) {
        return issue(signingKey, subject, List.of(roles), Duration.ofHours(1), Instant.now());
    }

    /** Verifies signature, expiry, issuer and audience of local tokens. */
    public static JwtDecoder decoder(String signingKey, String issuer, String audience) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withSecretKey(key(signingKey)).macAlgorithm(MacAlgorithm.HS256)
                .build();
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(issuer),
                new JwtClaimValidator<List<String>>(JwtClaimNames.AUD, aud -> aud != null && aud.contains(audience))));
        return decoder;
    }

    private static SecretKeySpec key(String signingKey) {
        byte[] bytes = signingKey == null ? new byte[0] : signingKey.getBytes(StandardCharsets.UTF_8);
        if (bytes.length < MIN_KEY_BYTES) {
            throw new IllegalArgumentException("the local signing key must have at least " + MIN_KEY_BYTES
                    + " bytes (segstream.security.local.signing-key)");
        }
        return new SecretKeySpec(bytes, HMAC);
    }
}
