package io.segstream.localstack.bench;

import io.segstream.localstack.SegstreamCommandLine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class BenchCommandTest {
    @TempDir
    Path home;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int bench(String... args) {
        PrintStream printed = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream errors = new PrintStream(err, true, StandardCharsets.UTF_8);
        return SegstreamCommandLine.execute(new BenchCommand(home, printed, errors), printed, errors, args);
    }

    @Test
    void helpListsTheOptionsWithoutStartingAnything() throws Exception {
        assertThat(bench("--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Usage: ./segstream bench", "--events", "--rate",
                "--quick", "--no-replay", "--keep", "--output", "--profiles", "docs/benchmarks.md");
        assertThat(out.toString(StandardCharsets.UTF_8).replaceAll("\\s+", " ")).contains("(default: 200000;",
                "(default: 2000)", ".segstream/bench-results-<time>.md");
        try (var files = Files.list(home)) {
            assertThat(files).as("no data directory, no results file").isEmpty();
        }
    }

    @Test
    void aWrongOptionIsRefusedBeforeAnyStackStarts() {
        assertThat(bench("--evnets", "10")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Unknown option", "'--evnets'", "--events");
        assertThat(bench("--events", "0")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--events must be between 1 and");
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void theResultsRecordTheOptionsAsTyped() {
        BenchCommand command = SegstreamCommandLine.parse(new BenchCommand(home, System.out, System.err), "--quick",
                "--note", "two cores", "--events=500");
        assertThat(BenchReport.commandLine(command.givenOptions()))
                .isEqualTo("./segstream bench --quick --note 'two cores' --events 500");
    }
}
