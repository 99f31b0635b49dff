package io.segstream.localstack.replay;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole command on the real data slices against a stub of purchase-ingestion that de-duplicates by eventId and
 * refuses refunds of orders it has not accepted. Expected counts: see CdnowReaderTest and OnlineRetailReaderTest for
 * how the slices' figures were computed independently; the same Python script also applied the stub's two rules
 * (online retail slice: 278 accepted, 26 REFUND_UNKNOWN_ORDER: the unlinked cancellations).
 */
class ReplayCommandTest {
    private final PurchaseIngestionStub stub = new PurchaseIngestionStub();
    private final List<Duration> pauses = new ArrayList<>();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @AfterEach
    void stop() {
        stub.close();
    }

    private int replay(String... args) {
        out.reset();
        err.reset();
        List<String> all = new ArrayList<>(List.of(args));
        all.add(0, "--url");
        all.add(1, stub.url().toString());
        return ReplayCommand.run(all.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                options -> new ReplayClient(HttpClient.newHttpClient(), options.url(), 3, pauses::add,
                        () -> PurchaseIngestionStub.AUTHORIZATION));
    }

    private String summary() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private static String row(String label, long count) {
        return String.format(java.util.Locale.ROOT, "  %-36s %,12d", label, count);
    }

    @Test
    void replaysOnlineRetailAndASecondRunRecordsNothingNew() {
        int exit = replay("--format", "online-retail", "--batch-size", "100",
                ReplaySlices.onlineRetail().toString());

        assertThat(exit).isZero();
        assertThat(summary()).contains(row("rows read", 6_349), row("  without customer, not sent", 2_067),
                row("events", 304), row("  purchases", 271), row("  refunds", 33),
                row("    linked to an earlier order", 6), row("    larger than any earlier order", 1),
                row("    no earlier order of the customer", 26), row("  accepted", 278), row("  duplicate", 0),
                row("  rejected", 26), row("    REFUND_UNKNOWN_ORDER", 26));
        assertThat(stub.batchSizes()).containsExactly(100, 100, 100, 4);
        String progress = err.toString(StandardCharsets.UTF_8);
        assertThat(progress).contains("rows read").contains("304/304 events sent (100%)").contains("events/s");

        assertThat(replay("--format", "online-retail", ReplaySlices.onlineRetail().toString())).isZero();
        assertThat(summary()).contains(row("  accepted", 0), row("  duplicate", 278), row("  rejected", 26));
        assertThat(stub.recordedCount()).isEqualTo(278);
    }

    @Test
    void replaysCdnowMasterThenTheSampleFindsOnlyDuplicates() {
        assertThat(replay("--format", "cdnow", ReplaySlices.cdnowMaster().toString())).isZero();
        assertThat(summary()).contains(row("rows read", 1_766), row("  accepted", 1_766), row("  rejected", 0));

        assertThat(replay("--format", "cdnow", ReplaySlices.cdnowSample().toString())).isZero();
        assertThat(summary()).contains(row("rows read", 128), row("  accepted", 0), row("  duplicate", 128));
    }

    @Test
    void untilReplaysAPrefixAndTheRestLater() {
        assertThat(replay("--format", "cdnow", "--until", "1997-03-31", ReplaySlices.cdnowMaster().toString()))
                .isZero();
        assertThat(summary()).contains("until 1997-03-31", row("  after --until, not sent", 969),
                row("  accepted", 797));
        assertThat(replay("--format", "cdnow", ReplaySlices.cdnowMaster().toString())).isZero();
        assertThat(summary()).contains(row("  accepted", 969), row("  duplicate", 797));
    }

    @Test
    void aServiceThatStaysAwayEndsTheReplayWithExitCode1AndASummarySoFar() {
        for (int i = 0; i < 3; i++) {
            stub.answerNext(503, "1", "");
        }
        assertThat(replay("--format", "cdnow", ReplaySlices.cdnowSample().toString())).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("503").contains("Run the replay again");
        assertThat(summary()).contains(row("  accepted", 0));
    }

    @Test
    void aWrongCommandLineIsExitCode2WithUsage() {
        assertThat(replay("--format", "xml", ReplaySlices.cdnowSample().toString())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown format").contains("Usage:");
        assertThat(replay("--help")).isZero();
        assertThat(summary()).contains("Usage: ./segstream replay", "--format=cdnow|online-retail");
        assertThat(summary().replaceAll("\\s+", " ")).contains("localhost:8081", "(default: 1000)");
    }

    @Test
    void aStrayWordOrAnUnknownOptionIsRefusedBeforeAnythingIsSent() {
        assertThat(replay("--format", "cdnow", "--fast", ReplaySlices.cdnowSample().toString())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Unknown option: '--fast'");
        assertThat(replay("--format", "cdnow", ReplaySlices.cdnowSample().toString(), "again")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("'again'");
        assertThat(stub.batchSizes()).isEmpty();
    }
}
