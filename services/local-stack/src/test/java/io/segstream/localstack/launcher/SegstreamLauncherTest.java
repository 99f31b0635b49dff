package io.segstream.localstack.launcher;

import io.segstream.localstack.LocalCredentials;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class SegstreamLauncherTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int launch(String... args) {
        return SegstreamLauncher.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private static String free() {
        return String.valueOf(io.segstream.embedded.Ports.freePort());
    }

    @Test
    void helpListsTheCommands() {
        assertThat(launch("help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("run --no-demo", "replay", "--kafka-port");
    }

    @Test
    void helpNamesTheTokenCommand() {
        assertThat(launch("help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("token <ROLE>", "INGEST, MARKETING, OPS",
                "Authorization: Bearer $TOKEN");
    }

    @Test
    void theTokenCommandRefusesAnUnknownRoleWithExitCode2() {
        assertThat(launch("token", "ROOT")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown role 'ROOT'",
                "INGEST, MARKETING, OPS, ADMIN, METRICS");
    }

    @Test
    void freshDeletesTheDataButKeepsTheCheckoutsKey(@TempDir Path home) throws Exception {
        Path data = home.resolve(".segstream");
        Path key = LocalCredentials.keyFile(home);
        Files.createDirectories(data.resolve("kafka"));
        Files.writeString(data.resolve("kafka").resolve("segment.log"), "x");
        Files.writeString(data.resolve("demo-history-sent"), "1");
        String signingKey = LocalCredentials.ofCheckout(home).signingKey();

        SegstreamLauncher.deleteRecursively(data, key);

        try (var left = Files.walk(data)) {
            assertThat(left).containsExactlyInAnyOrder(data, key);
        }
        assertThat(LocalCredentials.ofCheckout(home).signingKey()).isEqualTo(signingKey);
    }

    @Test
    void anUnknownCommandIsAUsageError() {
        assertThat(launch("launch")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown command 'launch'");
    }

    @Test
    void aPortInUseIsAClearMessageNotAStackTrace() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getByName("localhost"))) {
            int port = taken.getLocalPort();
            assertThat(launch("run", "--no-demo", "--health-port", String.valueOf(port),
                    "--kafka-port", free(), "--kafka-controller-port", free(), "--mongo-port", free(),
                    "--purchase-port", free(), "--feedback-port", free(), "--segmentation-port", free(),
                    "--churn-port", free())).isEqualTo(1);
            String message = err.toString(StandardCharsets.UTF_8);
            assertThat(message).contains(":" + port, "already in use", "--health-port").doesNotContain("Exception");
        }
    }
}
