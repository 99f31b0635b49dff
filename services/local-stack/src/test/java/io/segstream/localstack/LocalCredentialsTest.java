package io.segstream.localstack;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.segstream.runtime.security.LocalTokens;
import io.segstream.runtime.security.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.security.oauth2.jwt.Jwt;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LocalCredentialsTest {
    @TempDir
    Path home;

    @Test
    void theKeyIsCreatedOnFirstNeedPrivateToItsOwnerAndReusedAfterwards() throws Exception {
        LocalCredentials first = LocalCredentials.ofCheckout(home);
        Path file = home.resolve(".segstream").resolve("local-signing.key");
        assertThat(first.file()).isEqualTo(file);
        assertThat(file).as("nothing is written before a key is needed").doesNotExist();

        String key = first.signingKey();

        assertThat(key).hasSizeGreaterThanOrEqualTo(LocalTokens.MIN_KEY_BYTES);
        assertThat(Files.readString(file).trim()).isEqualTo(key);
        if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        }
        assertThat(LocalCredentials.ofCheckout(home).signingKey()).as("a later run reuses it").isEqualTo(key);
        try (var left = Files.list(file.getParent())) {
            assertThat(left).as("no temporary file left behind").containsExactly(file);
        }
    }

    @Test
    void anUnusableKeyFileIsAClearErrorNotANewKey() throws Exception {
        Path file = LocalCredentials.keyFile(home);
        Files.createDirectories(file.getParent());
        Files.writeString(file, "short\n");
        assertThatThrownBy(() -> LocalCredentials.ofCheckout(home).signingKey())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("delete it");
        assertThat(Files.readString(file)).isEqualTo("short\n");
    }

    @Test
    void tokensAreSignedWithTheKeyAndCarrySubjectAndRoles() {
        LocalCredentials credentials = LocalCredentials.ofCheckout(home);
        String token = credentials.token("someone", List.of(Role.MARKETING, Role.OPS), Duration.ofMinutes(5));

        Jwt jwt = LocalTokens.decoder(credentials.signingKey(), LocalTokens.ISSUER, LocalTokens.AUDIENCE)
                .decode(token);
        assertThat(jwt.getSubject()).isEqualTo("someone");
        assertThat(jwt.getClaimAsStringList("roles")).containsExactly("MARKETING", "OPS");
        assertThat(Duration.between(jwt.getIssuedAt(), jwt.getExpiresAt())).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void aClientsBearerIsReusedThenRenewedBeforeItExpires() throws Exception {
        MutableClock clock = new MutableClock(Instant.now().truncatedTo(ChronoUnit.SECONDS));
        LocalCredentials credentials = new LocalCredentials(LocalCredentials.keyFile(home), clock);
        Supplier<String> bearer = credentials.bearer("segstream-demo", Role.INGEST);

        String first = bearer.get();
        assertThat(first).startsWith("Bearer ");
        assertThat(LocalTokens.decoder(credentials.signingKey(), LocalTokens.ISSUER, LocalTokens.AUDIENCE)
                .decode(first.substring("Bearer ".length())).getClaimAsStringList("roles")).containsExactly("INGEST");
        clock.now = clock.now.plus(LocalCredentials.CLIENT_TOKEN_TTL.minus(LocalCredentials.RENEW_BEFORE))
                .minusSeconds(1);
        assertThat(bearer.get()).isSameAs(first);
        clock.now = clock.now.plusSeconds(1);
        String renewed = bearer.get();
        assertThat(renewed).isNotEqualTo(first);

        // Issued 50 minutes from the real now: read its claims without the decoder's time checks.
        JWTClaimsSet claims = SignedJWT.parse(renewed.substring("Bearer ".length())).getJWTClaimsSet();
        assertThat(claims.getStringListClaim("roles")).containsExactly("INGEST");
        assertThat(claims.getExpirationTime().toInstant())
                .isEqualTo(clock.now.plus(LocalCredentials.CLIENT_TOKEN_TTL));
    }

    private static final class MutableClock extends Clock {
        Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
