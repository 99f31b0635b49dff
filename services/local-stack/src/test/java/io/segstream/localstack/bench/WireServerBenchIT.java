package io.segstream.localstack.bench;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.segstream.embedded.MongoWireServer;
import io.segstream.embedded.Ports;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** The database step against the on-disk wire server: every shape runs, is reported, and leaves nothing behind. */
class WireServerBenchIT {

    @Test
    void measuresEveryOperationShapeAndDropsItsScratchDatabase(@TempDir Path dir) {
        try (MongoWireServer server = new MongoWireServer("127.0.0.1", Ports.freePort(), dir.resolve("bench.mv"))
                .start()) {
            WireServerBench.Result result = new WireServerBench(server.connectionString() + "/admin").run(1_200);
            assertThat(result.documents()).as("whole batches").isEqualTo(1_000);
            assertThat(result.insertPerSecond()).isPositive();
            assertThat(result.replacePerSecond()).isPositive();
            assertThat(result.updatePerSecond()).isPositive();
            assertThat(result.findPerSecond()).isPositive();
            try (MongoClient client = MongoClients.create(server.connectionString())) {
                assertThat(client.listDatabaseNames().into(new ArrayList<>()))
                        .doesNotContain("segstream-bench-scratch");
            }

            ByteArrayOutputStream printed = new ByteArrayOutputStream();
            Figures figures = new Figures(new PrintStream(printed, true, StandardCharsets.UTF_8));
            WireServerBench.report(result, figures);
            assertThat(figures.all()).hasSize(4).allMatch(f -> f.step().equals(WireServerBench.STEP));
            assertThat(printed.toString(StandardCharsets.UTF_8)).contains("docs/s");
        }
    }
}
