package io.segstream.deploy;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests wait for the condition they need (Awaitility), never for a fixed time: a blind sleep is either too short on a
 * busy machine (a flaky test) or too long everywhere else (a slow build). docs/development.md states the rule; this
 * keeps every module's tests to it.
 */
class TestWaitsTest {
    /** A fixed wait of the current thread: Thread.sleep or a TimeUnit's sleep. */
    static final Pattern BLIND_WAIT = Pattern.compile("\\bThread\\.sleep\\(|\\bTimeUnit\\.\\w+\\.sleep\\(");

    @Test
    void noTestWaitsAFixedTime() throws IOException {
        List<String> found = new ArrayList<>();
        for (Path file : testSources()) {
            List<String> lines = Files.readAllLines(file);
            for (int i = 0; i < lines.size(); i++) {
                if (BLIND_WAIT.matcher(lines.get(i)).find()) {
                    found.add(Repository.ROOT.relativize(file) + ":" + (i + 1) + ": " + lines.get(i).strip());
                }
            }
        }
        assertThat(found).as("fixed waits in tests (await the condition instead)").isEmpty();
    }

    @Test
    void theCheckRecognisesBothKindsOfFixedWait() {
        assertThat(BLIND_WAIT.matcher("        Thread" + ".sleep(100);").find()).isTrue();
        assertThat(BLIND_WAIT.matcher("TimeUnit.SECONDS" + ".sleep(1);").find()).isTrue();
        assertThat(BLIND_WAIT.matcher("await().during(Duration.ofMillis(300)).until(done::get);").find()).isFalse();
    }

    /** Every Java file under a src/test of any module; build output and hidden folders are not walked. */
    private static List<Path> testSources() throws IOException {
        List<Path> sources = new ArrayList<>();
        Files.walkFileTree(Repository.ROOT, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
                boolean skipped = !dir.equals(Repository.ROOT) && (name.equals("target") || name.startsWith("."));
                return skipped ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                String path = Repository.ROOT.relativize(file).toString().replace('\\', '/');
                if (path.endsWith(".java") && path.contains("src/test/")) {
                    sources.add(file);
                }
                return FileVisitResult.CONTINUE;
            }
        });
        assertThat(sources).as("test sources found").isNotEmpty();
        return sources;
    }
}
