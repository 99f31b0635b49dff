package io.segstream.localstack;

import io.segstream.runtime.security.LocalTokens;
import io.segstream.runtime.security.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.security.oauth2.jwt.Jwt;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TokenCommandTest {
    @TempDir
    Path home;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int token(String... args) {
        return TokenCommand.run(args, LocalCredentials.ofCheckout(home), new PrintStream(out, true,
                StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), Clock.systemUTC());
    }

    private Jwt printedToken() {
        String[] lines = out.toString(StandardCharsets.UTF_8).split("\n");
        String last = lines[lines.length - 1];
        return LocalTokens.decoder(LocalCredentials.ofCheckout(home).signingKey(), LocalTokens.ISSUER,
                LocalTokens.AUDIENCE).decode(last);
    }

    @Test
    void printsATokenTheServicesAcceptAsTheOnlyLineOfStdout() {
        assertThat(token("MARKETING")).isZero();

        assertThat(out.toString(StandardCharsets.UTF_8)).matches("[A-Za-z0-9_.-]+\n");
        Jwt jwt = printedToken();
        assertThat(jwt.getClaimAsStringList("roles")).containsExactly("MARKETING");
        assertThat(jwt.getSubject()).isEqualTo(TokenCommand.DEFAULT_SUBJECT);
        assertThat(Duration.between(jwt.getIssuedAt(), jwt.getExpiresAt())).isEqualTo(Duration.ofHours(1));
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("MARKETING", "local-signing.key");
    }

    @Test
    void severalRolesInAnyCaseASubjectAndATtl() {
        assertThat(token("ops", "Metrics", "--subject", "grafana", "--ttl", "30m")).isZero();

        Jwt jwt = printedToken();
        assertThat(jwt.getClaimAsStringList("roles")).containsExactly("METRICS", "OPS");
        assertThat(jwt.getSubject()).isEqualTo("grafana");
        assertThat(jwt.getClaimAsString("azp")).isEqualTo("grafana");
        assertThat(Duration.between(jwt.getIssuedAt(), jwt.getExpiresAt())).isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void anUnknownRoleIsAUsageErrorListingTheRoles() {
        assertThat(token("INGEST", "SUPERUSER")).isEqualTo(2);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown role 'SUPERUSER'",
                "INGEST, MARKETING, OPS, ADMIN, METRICS");
        assertThat(LocalCredentials.keyFile(home)).as("no key made for a refused command line").doesNotExist();
    }

    @Test
    void noRoleABadSubjectOrAnUnknownOptionAreUsageErrors() {
        assertThat(token()).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Missing required parameter", "ROLE");
        assertThat(token("OPS", "--subject", "with space")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--subject must be");
        assertThat(token("OPS", "--roles", "ADMIN")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("'--roles'");
        assertThat(token("OPS", "--ttl")).isEqualTo(2);
        assertThat(token("OPS", "--ttl", "31d")).isEqualTo(2);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(LocalCredentials.keyFile(home)).as("no key made for a refused command line").doesNotExist();
    }

    @Test
    void ttlsAreShortOrIsoAndBounded() {
        assertThat(TokenCommand.ttl(null)).isEqualTo(Duration.ofHours(1));
        assertThat(TokenCommand.ttl("90s")).isEqualTo(Duration.ofSeconds(90));
        assertThat(TokenCommand.ttl("7d")).isEqualTo(Duration.ofDays(7));
        assertThat(TokenCommand.ttl("PT2H")).isEqualTo(Duration.ofHours(2));
        assertThatThrownBy(() -> TokenCommand.ttl("31d")).hasMessageContaining("between 1s and 30d");
        assertThatThrownBy(() -> TokenCommand.ttl("0s")).hasMessageContaining("between 1s and 30d");
        assertThatThrownBy(() -> TokenCommand.ttl("an hour")).hasMessageContaining("like 90s");
    }

    @Test
    void helpNamesEveryRole() {
        assertThat(token("--help")).isZero();
        for (Role role : Role.values()) {
            assertThat(out.toString(StandardCharsets.UTF_8)).contains(role.name());
        }
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("tail -1", "Authorization: Bearer",
                "Usage: ./segstream token", "--subject", "--ttl");
        assertThat(out.toString(StandardCharsets.UTF_8).replaceAll("\\s+", " "))
                .contains("(default: local-cli)", "(default: 1h)");
        assertThat(LocalCredentials.keyFile(home)).as("help makes no key").doesNotExist();
    }
}
