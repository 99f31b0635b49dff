package io.segstream.localstack.replay;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine.ParameterException;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReplayOptionsTest {
    @TempDir
    Path dir;

    private String file() throws IOException {
        return Files.writeString(dir.resolve("history.txt"), "x").toString();
    }

    @Test
    void defaults() throws IOException {
        ReplayOptions options = ReplayCommand.parse(new String[] {"--format", "cdnow", file()});
        assertThat(options.format()).isEqualTo(ReplayFormat.CDNOW);
        assertThat(options.url()).isEqualTo(URI.create("http://localhost:8081"));
        assertThat(options.batchSize()).isEqualTo(1000);
        assertThat(options.until()).isNull();
    }

    @Test
    void everyOption() throws IOException {
        ReplayOptions options = ReplayCommand.parse(new String[] {file(), "--format", "online-retail", "--until",
                "2011-06-30", "--url", "http://127.0.0.1:9999/", "--batch-size", "250"});
        assertThat(options.format()).isEqualTo(ReplayFormat.ONLINE_RETAIL);
        assertThat(options.until()).isEqualTo(LocalDate.of(2011, 6, 30));
        assertThat(options.url()).isEqualTo(URI.create("http://127.0.0.1:9999"));
        assertThat(options.batchSize()).isEqualTo(250);
    }

    @Test
    void wrongCommandLinesSayWhy() throws IOException {
        String file = file();
        assertUsage("Missing required option: '--format", file);
        assertUsage("Missing required parameter: 'FILE'", "--format", "cdnow");
        assertUsage("unknown format", "--format", "csv", file);
        assertUsage("--until must be a date", "--format", "cdnow", "--until", "1997/09/30", file);
        assertUsage("--batch-size must be", "--format", "cdnow", "--batch-size", "1001", file);
        assertUsage("--batch-size must be", "--format", "cdnow", "--batch-size", "0", file);
        assertUsage("--url must be", "--format", "cdnow", "--url", "localhost:8081", file);
        assertUsage("Unknown option: '--fast'", "--format", "cdnow", "--fast", file);
        assertUsage("Missing required parameter for option '--format'", "--format");
        assertUsage("cannot read", "--format", "cdnow", dir.resolve("missing.txt").toString());
        assertUsage("Unmatched argument", "--format", "cdnow", file, file);
    }

    private static void assertUsage(String message, String... args) {
        assertThatThrownBy(() -> ReplayCommand.parse(args)).isInstanceOf(ParameterException.class)
                .hasMessageContaining(message);
    }
}
