package io.segstream.segmentation.stream;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.segstream.contracts.Topics;
import io.segstream.contracts.segment.SegmentChanged;
import io.segstream.segmentation.PurchaseEvents;
import io.segstream.segmentation.domain.ClassRule;
import io.segstream.segmentation.domain.Recomputation;
import io.segstream.segmentation.domain.SegmentDefinition;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two instances of the stream share the partitions: each sweeps and re-evaluates only its own customers, so every
 * customer is moved exactly once, and both do part of the work. Their clocks move together, by hand.
 */
class TwoInstancesIT {
    private static final int CUSTOMERS = 30;
    private final List<KafkaStreams> instances = new ArrayList<>();

    @AfterEach
    void stop() {
        instances.forEach(streams -> streams.close(Duration.ofSeconds(30)));
    }

    @Test
    void eachCustomerIsSweptAndReevaluatedOnceByTheInstanceThatOwnsIt(@TempDir Path dir) {
        String run = UUID.randomUUID().toString().substring(0, 8);
        MovableClock clock = new MovableClock(Instant.now());
        SimpleMeterRegistry first = new SimpleMeterRegistry();
        SimpleMeterRegistry second = new SimpleMeterRegistry();
        instances.add(StreamCluster.start(StreamCluster.settings(clock, first),
                StreamCluster.streamsConfig(StreamCluster.bootstrapServers(), dir.resolve("first"), 100)));
        instances.add(StreamCluster.start(StreamCluster.settings(clock, second),
                StreamCluster.streamsConfig(StreamCluster.bootstrapServers(), dir.resolve("second"), 100)));
        StreamCluster.awaitRunning(instances.toArray(KafkaStreams[]::new));
        await().atMost(Duration.ofSeconds(60)).until(() -> instances.stream().allMatch(streams -> streams
                .metadataForLocalThreads().stream().mapToInt(thread -> thread.activeTasks().size()).sum() > 0));

        Instant bought = clock.instant().minus(Duration.ofDays(10)).truncatedTo(ChronoUnit.SECONDS);
        try (KafkaProducer<String, byte[]> producer = StreamCluster.producer()) {
            for (int i = 0; i < CUSTOMERS; i++) {
                String customer = "C-two-" + run + "-" + i;
                StreamCluster.send(producer, PurchaseEvents.purchase(customer, "p-" + customer, bought,
                        (100 * (i + 1)) + ".00"));
            }
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> changesOf(run, "lifecycle", "NEW").size() == CUSTOMERS);

        // A hundred days of silence: every customer becomes AT_RISK, by the sweep of the instance that owns it.
        clock.advance(Duration.ofDays(100));
        await().atMost(Duration.ofSeconds(60)).until(() -> changesOf(run, "lifecycle", "AT_RISK").size()
                >= CUSTOMERS);
        assertThat(changesOf(run, "lifecycle", "AT_RISK")).allSatisfy(change -> assertThat(change.causedBy())
                .isEqualTo("sweep")).extracting(SegmentChanged::customerId).doesNotHaveDuplicates()
                .hasSize(CUSTOMERS);
        assertThat(swept(first)).as("the first instance swept its customers").isPositive();
        assertThat(swept(second)).as("the second instance swept its customers").isPositive();

        // A redefinition: every task re-evaluates its own customers, each customer once.
        SegmentDefinition tiers = SegmentDefinition.dimension("value-tier", "two tiers", List.of(
                new ClassRule("BIG", "profile.monetary >= 1500.0"), new ClassRule("SMALL", "true")))
                .withVersion(2, clock.instant());
        String recomputation = Recomputation.idOf(tiers);
        try (KafkaProducer<String, byte[]> producer = StreamCluster.producer()) {
            DefinitionRecord record = DefinitionRecord.of(tiers, recomputation);
            producer.send(new ProducerRecord<>(Topics.SEGMENTATION_DEFINITIONS, record.topicKey(), record.toJson()));
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> progress(recomputation).size() == StreamCluster.PARTITIONS
                && progress(recomputation).values().stream().allMatch(RecomputationProgress::finished));
        List<SegmentChanged> redefined = StreamCluster.changes(true).stream()
                .filter(change -> change.customerId().contains(run) && change.key().equals("value-tier")
                        && change.definitionVersion() == 2).toList();
        assertThat(redefined).extracting(SegmentChanged::customerId).doesNotHaveDuplicates().hasSize(CUSTOMERS);
        assertThat(redefined.stream().collect(Collectors.groupingBy(SegmentChanged::to, Collectors.counting())))
                .containsEntry("BIG", 16L).containsEntry("SMALL", 14L);
        assertThat(progress(recomputation).values().stream().mapToLong(RecomputationProgress::done).sum())
                .isGreaterThanOrEqualTo(CUSTOMERS);
        assertThat(reevaluated(first)).isPositive();
        assertThat(reevaluated(second)).isPositive();
    }

    private static List<SegmentChanged> changesOf(String run, String key, String to) {
        return StreamCluster.changes(true).stream().filter(change -> change.customerId().contains(run)
                && change.key().equals(key) && change.to().equals(to)).toList();
    }

    private static Map<String, RecomputationProgress> progress(String recomputationId) {
        Map<String, RecomputationProgress> byTask = new HashMap<>();
        StreamCluster.readTopic(Topics.SEGMENTATION_RECOMPUTATIONS, true, record -> {
            RecomputationProgress progress = RecomputationProgress.fromJson(record.value());
            if (progress.recomputationId().equals(recomputationId)) {
                byTask.put(progress.task(), progress);
            }
        });
        return byTask;
    }

    private static double swept(SimpleMeterRegistry meters) {
        return meters.get("segstream.segmentation.sweep.customers").counter().count();
    }

    private static double reevaluated(SimpleMeterRegistry meters) {
        return meters.find("segstream.segmentation.reevaluation.profiles").tag("cause", "redefinition").counters()
                .stream().mapToDouble(counter -> counter.count()).sum();
    }
}
