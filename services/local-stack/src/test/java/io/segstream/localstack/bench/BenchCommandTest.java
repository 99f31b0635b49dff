package io.segstream.localstack.bench;

import io.segstream.localstack.CommandLine;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BenchCommandTest {

    @Test
    void helpListsTheOptionsWithoutStartingAnything() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = BenchCommand.run(new String[] {"--help"}, new PrintStream(out, true, StandardCharsets.UTF_8),
                System.err);
        assertThat(exit).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Usage: ./segstream bench", "--events", "--rate",
                "--quick", "--no-replay", "--keep", "--output", "--profiles");
    }

    @Test
    void aWrongOptionIsRefusedBeforeAnyStackStarts() {
        assertThatThrownBy(() -> BenchCommand.run(new String[] {"--evnets", "10"}, System.out, System.err))
                .isInstanceOf(CommandLine.UsageException.class).hasMessageContaining("--evnets");
    }
}
