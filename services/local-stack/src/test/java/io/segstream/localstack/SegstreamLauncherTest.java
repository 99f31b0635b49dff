package io.segstream.localstack;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;

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
