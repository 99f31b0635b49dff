package io.segstream.segmentation.stream;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.segstream.contracts.ContractJson;
import io.segstream.contracts.Topics;
import io.segstream.contracts.erasure.CustomerErasureRequested;
import io.segstream.contracts.feedback.FeedbackRecorded;
import io.segstream.contracts.purchase.PurchaseRecorded;
import io.segstream.contracts.registry.Contracts;
import io.segstream.contracts.segment.SegmentChanged;
import io.segstream.runtime.messaging.ContractDecoder;
import io.segstream.segmentation.domain.DefaultCatalogue;
import io.segstream.segmentation.domain.EvaluationClock;
import io.segstream.segmentation.domain.MonetaryBuckets;
import io.segstream.segmentation.domain.ProfilePolicy;
import io.segstream.segmentation.domain.Recomputation;
import io.segstream.segmentation.domain.SegmentDefinition;
import io.segstream.segmentation.expressions.CelDefinitionCompiler;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

/**
 * The segmentation topology in a TopologyTestDriver: the real processor and stores, the default catalogue on the
 * definitions topic, wall-clock punctuations driven by hand together with the evaluation clock.
 */
final class TopologyFixture implements AutoCloseable {
    static final Duration BACKGROUND = Duration.ofMillis(100);
    static final Duration SUMMARY = Duration.ofSeconds(2);

    final MovableClock clock;
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    final TopologySettings settings;
    final TopologyTestDriver driver;
    final TestInputTopic<String, byte[]> purchases;
    final TestInputTopic<String, byte[]> feedback;
    final TestInputTopic<String, byte[]> erasures;
    final TestInputTopic<String, byte[]> definitions;
    final TestInputTopic<String, byte[]> population;
    final TestOutputTopic<String, byte[]> changes;
    final TestOutputTopic<String, byte[]> summaries;
    final TestOutputTopic<String, byte[]> progress;
    private final Path stateDir;

    TopologyFixture(Instant start, int sliceSize) {
        this(start, sliceSize, true);
    }

    TopologyFixture(Instant start, int sliceSize, boolean sweep) {
        clock = new MovableClock(start);
        ProfilePolicy policy = new ProfilePolicy(ZoneOffset.UTC, 1000, Duration.ofDays(400), 20, 500, 90);
        settings = new TopologySettings(policy, new CelDefinitionCompiler(new CelDefinitionCompiler.Limits(1000, 30,
                200, 1000)), new EvaluationClock(clock, false), new SegmentationMetrics(meters),
                new ContractDecoder(256 * 1024), "/segstream/segmentation", new MonetaryBuckets(0.001), BACKGROUND,
                sliceSize, 1.0, sweep, SUMMARY, Duration.ofMinutes(5), 0.1, Duration.ZERO);
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "segmentation-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        try {
            stateDir = Files.createTempDirectory("segmentation-topology-");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        driver = new TopologyTestDriver(new SegmentationTopology(settings).build(new StreamsBuilder()).build(), props,
                start);
        purchases = input(Topics.PURCHASES_RECORDED);
        feedback = input(Topics.FEEDBACK_RECORDED);
        erasures = input(Topics.CUSTOMER_ERASURE);
        definitions = input(Topics.SEGMENTATION_DEFINITIONS);
        population = input(Topics.SEGMENTATION_POPULATION);
        changes = output(Topics.SEGMENT_CHANGES);
        summaries = output(Topics.SEGMENTATION_POPULATION);
        progress = output(Topics.SEGMENTATION_RECOMPUTATIONS);
        DefaultCatalogue.definitions(90, 180).forEach(definition -> define(definition.withVersion(1, start), false));
        // The tasks take the catalogue at their first round of background work.
        tick(BACKGROUND);
    }

    private TestInputTopic<String, byte[]> input(String topic) {
        return driver.createInputTopic(topic, new StringSerializer(), new ByteArraySerializer());
    }

    private TestOutputTopic<String, byte[]> output(String topic) {
        return driver.createOutputTopic(topic, new StringDeserializer(), new ByteArrayDeserializer());
    }

    /** Stores a definition version on the definitions topic, as the HTTP side's writer does. */
    String define(SegmentDefinition stored, boolean withRecomputation) {
        String recomputationId = withRecomputation ? Recomputation.idOf(stored) : null;
        DefinitionRecord record = DefinitionRecord.of(stored, recomputationId);
        definitions.pipeInput(record.topicKey(), record.toJson(), clock.instant());
        return recomputationId;
    }

    void send(PurchaseRecorded event) {
        purchases.pipeInput(event.customerId(), ContractJson.mapper().writeValueAsBytes(event), clock.instant());
    }

    void send(FeedbackRecorded event) {
        feedback.pipeInput(event.customerId(), ContractJson.mapper().writeValueAsBytes(event), clock.instant());
    }

    void erase(String customerId, Instant requestedAt) {
        CustomerErasureRequested request = new CustomerErasureRequested(UUID.randomUUID().toString(), customerId,
                requestedAt, "dpo@example.com", "test");
        erasures.pipeInput(customerId, ContractJson.mapper().writeValueAsBytes(request), clock.instant());
    }

    /** Moves the wall clock and the evaluation clock together, firing the punctuations that fall due. */
    void tick(Duration by) {
        clock.advance(by);
        driver.advanceWallClockTime(by);
    }

    /** Everything published on segments.changes.v1 since the last call. */
    List<SegmentChanged> changes() {
        List<SegmentChanged> read = new ArrayList<>();
        for (TestRecord<String, byte[]> record : changes.readRecordsToList()) {
            read.add(ContractJson.mapper().readValue(record.value(), SegmentChanged.class));
        }
        return read;
    }

    /** Feeds the summaries the tasks published back to the population topic (the broker would). */
    void relaySummaries() {
        for (TestRecord<String, byte[]> record : summaries.readRecordsToList()) {
            population.pipeInput(record.key(), record.value(), clock.instant());
        }
    }

    List<RecomputationProgress> progress() {
        return progress.readValuesToList().stream().map(RecomputationProgress::fromJson).toList();
    }

    KeyValueStore<String, byte[]> profiles() {
        return driver.getKeyValueStore(SegmentationStores.PROFILES);
    }

    double counter(String name) {
        return meters.find(name).counters().stream().mapToDouble(c -> c.count()).sum();
    }

    @Override
    public void close() {
        driver.close();
        try (var paths = Files.walk(stateDir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (java.io.IOException e) {
            // a temporary directory: left for the OS
        }
    }

    static String contractTopic() {
        return Contracts.SEGMENT_CHANGED.topic();
    }
}
