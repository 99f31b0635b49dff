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
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SegstreamLauncherTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @TempDir
    Path home;

    private int launch(String... args) {
        out.reset();
        err.reset();
        PrintStream printed = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream errors = new PrintStream(err, true, StandardCharsets.UTF_8);
        return SegstreamLauncher.commandLine(home, Map.of(), printed, errors).execute(args);
    }

    private String printed() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String errors() {
        return err.toString(StandardCharsets.UTF_8);
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
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("token", "Authorization: Bearer $TOKEN");
        assertThat(launch("help", "token")).isZero();
        assertThat(printed()).contains("Usage: ./segstream token", "ROLE", "INGEST, MARKETING, OPS");
    }

    @Test
    void everyCommandHasHelpThatStartsNothing() {
        for (String command : List.of("run", "replay", "bench", "token", "completion")) {
            for (String help : List.of("--help", "-h")) {
                assertThat(launch(command, help)).as(command + " " + help).isZero();
                assertThat(printed()).as(command + " " + help).startsWith("Usage: ./segstream " + command);
                assertThat(errors()).isEmpty();
            }
        }
        assertThat(launch("run", "--help")).isZero();
        assertThat(printed()).contains("--no-demo", "--fresh", "--data-dir", "--kafka-port", "--kafka-controller-port",
                "--mongo-port", "--health-port", "--purchase-port", "--feedback-port", "--segmentation-port",
                "--churn-port", "--partitions", "--service-heap", "--demo-rate", "--demo-customers",
                "--demo-history-days", "--summary-every", "--ready-timeout", "SEGSTREAM_KAFKA_PORT");
        assertThat(printed().replaceAll("\\s+", " ")).contains("(default: 9092)", "(default: 27017)",
                "(default: 8080)", "(default: 384m)", "(default: .segstream)");
        try (var files = java.nio.file.Files.list(home)) {
            assertThat(files).as("nothing made, nothing started").isEmpty();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void theVersionIsPrinted() {
        assertThat(launch("--version")).isZero();
        assertThat(printed()).startsWith("segstream ");
        assertThat(launch("run", "--version")).isZero();
        assertThat(printed()).startsWith("segstream ");
    }

    @Test
    void anUnknownOptionIsRefusedWithExitCode2AndNamed() {
        Map<String, List<String>> valid = Map.of("run", List.of("--no-demo"), "replay", List.of("--format", "cdnow",
                "history.txt"), "bench", List.of("--quick"), "token", List.of("OPS"));
        valid.forEach((command, rest) -> {
            List<String> args = new java.util.ArrayList<>(List.of(command));
            args.addAll(rest);
            args.add("--colour");
            assertThat(launch(args.toArray(String[]::new))).as(command).isEqualTo(2);
            assertThat(errors()).as(command).contains("segstream " + command + ": Unknown option: '--colour'");
            assertThat(printed()).as(command).isEmpty();
        });
    }

    @Test
    void aStrayWordIsRefusedNotAReasonToStartTheStack() {
        assertThat(launch("run", "now")).isEqualTo(2);
        assertThat(errors()).contains("Unmatched argument", "'now'");
        assertThat(launch("run", "-h", "now")).as("help wins, nothing starts").isZero();
        assertThat(launch("bench", "quick")).isEqualTo(2);
        assertThat(errors()).contains("'quick'");
        assertThat(printed()).isEmpty();
    }

    @Test
    void runsHelpShowsTheEnvironmentsValueAsTheDefault() {
        PrintStream printed = new PrintStream(out, true, StandardCharsets.UTF_8);
        assertThat(SegstreamLauncher.commandLine(home, Map.of("SEGSTREAM_KAFKA_PORT", "29092"), printed, printed)
                .execute("run", "--help")).isZero();
        assertThat(printed().replaceAll("\\s+", " ")).contains("(default: 29092)");
    }

    @Test
    void theCompletionScriptNamesTheCommandsAndTheirOptions() {
        assertThat(launch("completion")).isZero();
        assertThat(printed()).contains("complete -F", "segstream", "run", "replay", "bench", "token", "jmh",
                "--no-demo", "--kafka-port", "--format", "--quick", "--output", "--subject", "--ttl");
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

        RunCommand.deleteRecursively(data, key);

        try (var left = Files.walk(data)) {
            assertThat(left).containsExactlyInAnyOrder(data, key);
        }
        assertThat(LocalCredentials.ofCheckout(home).signingKey()).isEqualTo(signingKey);
    }

    @Test
    void anUnknownCommandIsAUsageError() {
        assertThat(launch("launch")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown command 'launch'", "Commands:");
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
