package io.segstream.segmentation.stream;

import io.segstream.contracts.Topics;
import io.segstream.contracts.segment.SegmentChanged;
import io.segstream.segmentation.PurchaseEvents;
import io.segstream.segmentation.domain.CustomerProfile;
import io.segstream.segmentation.encoding.ProfileCodec;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Exactly once across a crash: the stream runs in a process of its own, applies purchases and sends their changes in
 * a transaction it has not committed yet (a long commit interval), and is killed with SIGKILL; the instance started
 * in its place processes the same purchases again. A subscriber reading committed records sees every change once,
 * and the state (the profiles changelog) holds every purchase once; the killed instance's output is there, aborted.
 */
class StreamCrashIT {
    private static final int CUSTOMERS = 10;
    private Process instance;

    @AfterEach
    void kill() {
        if (instance != null) {
            instance.destroyForcibly();
        }
    }

    private Process startInstance(Path stateDir, long commitIntervalMs) throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(java.toString(), "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                StreamInstanceMain.class.getName(), StreamCluster.bootstrapServers(), stateDir.toString(),
                String.valueOf(commitIntervalMs)).redirectErrorStream(true).start();
        java.util.concurrent.CountDownLatch running = new java.util.concurrent.CountDownLatch(1);
        java.util.Deque<String> last = new java.util.concurrent.ConcurrentLinkedDeque<>();
        Thread reader = new Thread(() -> new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8)).lines().forEach(line -> {
                    if (line.contains("RUNNING")) {
                        running.countDown();
                    }
                    last.addLast(line);
                    if (last.size() > 40) {
                        last.removeFirst();
                    }
                }), "stream-instance-output");
        reader.setDaemon(true);
        reader.start();
        try {
            running.await(120, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        assertThat(process.isAlive()).as("the instance runs; its last output:%n%s", String.join("\n", last))
                .isTrue();
        assertThat(running.getCount()).as("the instance reached RUNNING").isZero();
        return process;
    }

    @Test
    void aKilledInstancesUncommittedWorkIsDoneAgainOnceAndPublishedOnce(@TempDir Path stateDir) throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        instance = startInstance(stateDir, Duration.ofSeconds(15).toMillis());
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        try (KafkaProducer<String, byte[]> producer = StreamCluster.producer()) {
            for (int i = 0; i < CUSTOMERS; i++) {
                String customer = "C-crash-" + run + "-" + i;
                StreamCluster.send(producer, PurchaseEvents.purchase(customer, "a-" + customer,
                        now.minus(Duration.ofDays(20)), "100.00"));
                StreamCluster.send(producer, PurchaseEvents.purchase(customer, "b-" + customer,
                        now.minus(Duration.ofDays(5)), "50.00"));
            }
        }
        // The instance has applied them and sent their changes, inside a transaction it has not committed.
        await().atMost(Duration.ofSeconds(60)).until(() -> lifecycle(StreamCluster.changes(false), run).size()
                == 2 * CUSTOMERS);
        assertThat(lifecycle(StreamCluster.changes(true), run)).isEmpty();

        instance.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        instance = startInstance(stateDir, 100);

        await().atMost(Duration.ofSeconds(90)).until(() -> lifecycle(StreamCluster.changes(true), run).size()
                >= 2 * CUSTOMERS);
        List<SegmentChanged> committed = StreamCluster.changes(true).stream()
                .filter(change -> change.customerId().contains(run)).toList();
        assertThat(committed).extracting(SegmentChanged::eventId).doesNotHaveDuplicates();
        Map<String, List<String>> lifecycles = lifecycle(committed, run).stream().collect(Collectors.groupingBy(
                SegmentChanged::customerId, Collectors.mapping(SegmentChanged::to, Collectors.toList())));
        assertThat(lifecycles).hasSize(CUSTOMERS).allSatisfy((customer, classes) ->
                assertThat(classes).containsExactly("NEW", "ACTIVE"));
        // The killed instance's changes are on the topic too, aborted: a read-uncommitted consumer sees both.
        assertThat(lifecycle(StreamCluster.changes(false), run)).hasSize(4 * CUSTOMERS);

        Map<String, CustomerProfile> profiles = new HashMap<>();
        StreamCluster.readTopic(SegmentationStores.changelogOf(StreamCluster.APPLICATION_ID,
                SegmentationStores.PROFILES), true, record -> {
            if (record.key().contains(run) && record.value() != null) {
                profiles.put(record.key(), ProfileCodec.decode(record.value()));
            }
        });
        assertThat(profiles).hasSize(CUSTOMERS).allSatisfy((customer, profile) -> {
            assertThat(profile.purchases()).extracting(fact -> fact.eventId().substring(0, 2))
                    .containsExactly("a-", "b-");
            assertThat(profile.figures(now, StreamCluster.settings(java.time.Clock.systemUTC(),
                    new io.micrometer.core.instrument.simple.SimpleMeterRegistry()).policy()).orderCount())
                    .isEqualTo(2);
        });
    }

    private static List<SegmentChanged> lifecycle(List<SegmentChanged> changes, String run) {
        return changes.stream().filter(change -> change.customerId().contains(run)
                && change.key().equals("lifecycle")).toList();
    }

    static Function<String, String> topic() {
        return name -> Topics.SEGMENT_CHANGES;
    }
}
