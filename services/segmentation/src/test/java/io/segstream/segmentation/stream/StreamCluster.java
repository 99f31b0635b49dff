package io.segstream.segmentation.stream;

import io.micrometer.core.instrument.MeterRegistry;
import io.segstream.contracts.ContractJson;
import io.segstream.contracts.Topics;
import io.segstream.contracts.purchase.PurchaseRecorded;
import io.segstream.contracts.registry.Contracts;
import io.segstream.contracts.segment.SegmentChanged;
import io.segstream.embedded.KafkaNode;
import io.segstream.embedded.TopicLayout;
import io.segstream.runtime.messaging.ContractDecoder;
import io.segstream.segmentation.domain.DefaultCatalogue;
import io.segstream.segmentation.domain.EvaluationClock;
import io.segstream.segmentation.domain.MonetaryBuckets;
import io.segstream.segmentation.domain.ProfilePolicy;
import io.segstream.segmentation.expressions.CelDefinitionCompiler;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.awaitility.Awaitility.await;

/**
 * A broker of its own (the Spring integration tests' stream reads the shared test broker's topics) for tests that
 * run the segmentation topology as the service does, exactly once, in one or more instances or processes.
 */
final class StreamCluster {
    static final String APPLICATION_ID = "segmentation-stream";
    static final int PARTITIONS = 6;
    private static KafkaNode broker;

    private StreamCluster() {
    }

    /** The broker, started and given the topic layout (and the default catalogue) on first use. */
    static synchronized String bootstrapServers() {
        if (broker == null) {
            broker = KafkaNode.forTests().start();
            broker.createTopics(TopicLayout.withPartitions(PARTITIONS), TopicLayout.configs());
            KafkaNode node = broker;
            Runtime.getRuntime().addShutdownHook(new Thread(node::close, "stream-cluster-stop"));
            try (KafkaProducer<String, byte[]> producer = producer()) {
                Instant now = Instant.now();
                DefaultCatalogue.definitions(90, 180).forEach(definition -> {
                    DefinitionRecord record = DefinitionRecord.of(definition.withVersion(1, now), null);
                    producer.send(new ProducerRecord<>(Topics.SEGMENTATION_DEFINITIONS, record.topicKey(),
                            record.toJson()));
                });
            }
        }
        return broker.bootstrapServers();
    }

    static KafkaProducer<String, byte[]> producer() {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer());
    }

    /** The settings of the service's defaults, with the given clock and meters. */
    static TopologySettings settings(Clock clock, MeterRegistry meters) {
        return new TopologySettings(new ProfilePolicy(ZoneOffset.UTC, 1000, Duration.ofDays(400), 20, 500, 90),
                new CelDefinitionCompiler(new CelDefinitionCompiler.Limits(1000, 30, 200, 1000)),
                new EvaluationClock(clock, false), new SegmentationMetrics(meters), new ContractDecoder(256 * 1024),
                "/segstream/segmentation", new MonetaryBuckets(0.001), Duration.ofMillis(100), 200, 0.5, true,
                Duration.ofSeconds(2), Duration.ofMinutes(5), 0.1, Duration.ofSeconds(10));
    }

    /** Exactly once, as application.yml configures the service. */
    static Properties streamsConfig(String bootstrapServers, Path stateDir, long commitIntervalMs) {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, APPLICATION_ID);
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, commitIntervalMs);
        props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, 1);
        props.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
        // A killed or stopped instance leaves the group after this (the broker's minimum), not Kafka's 45 s.
        props.put(StreamsConfig.consumerPrefix(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG), 6_000);
        props.put(StreamsConfig.consumerPrefix(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG), 1_500);
        return props;
    }

    static KafkaStreams start(TopologySettings settings, Properties config) {
        KafkaStreams streams = new KafkaStreams(new SegmentationTopology(settings).build(new StreamsBuilder())
                .build(), config);
        streams.start();
        return streams;
    }

    static void awaitRunning(KafkaStreams... instances) {
        await().atMost(Duration.ofSeconds(90)).until(() -> java.util.Arrays.stream(instances)
                .allMatch(streams -> streams.state() == KafkaStreams.State.RUNNING));
    }

    static void send(KafkaProducer<String, byte[]> producer, PurchaseRecorded event) {
        producer.send(new ProducerRecord<>(Contracts.PURCHASE_RECORDED.topic(), event.customerId(),
                ContractJson.mapper().writeValueAsBytes(event)));
    }

    /** Everything on segments.changes.v1 so far, read committed or not. */
    static List<SegmentChanged> changes(boolean committedOnly) {
        List<SegmentChanged> changes = new ArrayList<>();
        readTopic(Topics.SEGMENT_CHANGES, committedOnly, record -> changes.add(ContractJson.mapper()
                .readValue(record.value(), SegmentChanged.class)));
        return changes;
    }

    static void readTopic(String topic, boolean committedOnly,
                          java.util.function.Consumer<ConsumerRecord<String, byte[]>> each) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, committedOnly ? "read_committed" : "read_uncommitted",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (ends.entrySet().stream().anyMatch(end -> consumer.position(end.getKey()) < end.getValue())
                    && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(each);
            }
        }
    }
}
