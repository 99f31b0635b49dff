package io.segstream.segmentation.stream;

import io.segstream.embedded.KafkaNode;
import io.segstream.embedded.TestInfrastructure;
import io.segstream.segmentation.domain.ClassRule;
import io.segstream.segmentation.domain.ConcurrentDefinitionChange;
import io.segstream.segmentation.domain.DefaultCatalogue;
import io.segstream.segmentation.domain.DefinitionStoreUnavailable;
import io.segstream.segmentation.domain.MonetaryBuckets;
import io.segstream.segmentation.domain.SegmentDefinition;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Definitions on their topic, through the fenced writer and the instance's view, on the real broker. */
class DefinitionTopicIT {
    private InternalTopicsView view;

    @BeforeEach
    void startView() {
        view = new InternalTopicsView(DefinitionTopicIT::reader, new MonetaryBuckets(0.001), ZoneOffset.UTC);
        view.start();
    }

    @AfterEach
    void stop() {
        view.close();
    }

    static KafkaConsumer<String, byte[]> reader() {
        return new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.bootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), new StringDeserializer(),
                new ByteArrayDeserializer());
    }

    static DefinitionWriter writer() {
        return new DefinitionWriter(() -> new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.bootstrapServers(),
                ProducerConfig.TRANSACTIONAL_ID_CONFIG, "definitions-it-writer"), new StringSerializer(), new ByteArraySerializer()),
                DefinitionTopicIT::reader, Clock.systemUTC(), Duration.ofSeconds(10));
    }

    @Test
    void seedingStoresTheDefaultsOnceAndTheViewReadsThemBack() {
        List<SegmentDefinition> defaults = DefaultCatalogue.definitions(90, 180);
        TopicDefinitionStore store = new TopicDefinitionStore(view, writer(), List::of, Duration.ofSeconds(10));

        long started = System.nanoTime();
        store.seed(defaults);
        store.seed(defaults);

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
        // Seeded once, as version 1 of every default key, whoever seeded first (another test of this JVM may have).
        for (SegmentDefinition seeded : defaults) {
            assertThat(view.definitions().newest(seeded.key())).satisfies(record -> {
                assertThat(record.changedBy()).isEqualTo(DefinitionWriter.SEEDED_BY);
                assertThat(record.recomputationId()).isNull();
            });
        }
        assertThat(view.definitions().newestByKey().values()).filteredOn(r -> r.key().equals("lifecycle"))
                .singleElement().satisfies(record -> assertThat(record.version()).isLessThanOrEqualTo(1));
    }

    @Test
    void versionsFollowEachOtherAndAWriteIsReadBackAtOnce() {
        TopicDefinitionStore store = new TopicDefinitionStore(view, writer(), List::of, Duration.ofSeconds(10));
        SegmentDefinition tiers = SegmentDefinition.dimension("tiers-it-" + KafkaNode.uniqueSuffix(), "tiers", List.of(
                new ClassRule("ALL", "true")));

        SegmentDefinition first = store.saveNewVersion(tiers);
        SegmentDefinition second = store.saveNewVersion(tiers);

        assertThat(first.version()).isEqualTo(1);
        assertThat(second.version()).isEqualTo(2);
        assertThat(store.current(tiers.key())).hasValueSatisfying(current -> assertThat(current.version())
                .isEqualTo(2));
    }

    @Test
    void withoutABrokerAWriteFailsWithinItsTimeoutAsUnavailableAndStoresNothing() {
        DefinitionWriter unreachable = new DefinitionWriter(() -> new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:1",
                ProducerConfig.TRANSACTIONAL_ID_CONFIG, "definitions-it-unreachable",
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 1000), new StringSerializer(), new ByteArraySerializer()),
                DefinitionTopicIT::reader, Clock.systemUTC(), Duration.ofSeconds(1));
        TopicDefinitionStore store = new TopicDefinitionStore(view, unreachable, List::of, Duration.ofSeconds(1));
        SegmentDefinition tiers = SegmentDefinition.dimension("away-it-" + KafkaNode.uniqueSuffix(), "tiers", List.of(
                new ClassRule("ALL", "true")));

        long started = System.nanoTime();
        assertThatThrownBy(() -> store.saveNewVersion(tiers)).isInstanceOf(DefinitionStoreUnavailable.class);

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
        assertThat(store.current(tiers.key())).isEmpty();
    }

    @Test
    void twoWritersAtOnceNeverStoreTheSameVersionTwice() throws Exception {
        SegmentDefinition tiers = SegmentDefinition.dimension("race-it-" + KafkaNode.uniqueSuffix(), "tiers", List.of(
                new ClassRule("ALL", "true")));
        ExecutorService two = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Long>> writes = List.of(two.submit(() -> {
                start.await();
                return writer().saveNewVersion(tiers).version();
            }), two.submit(() -> {
                start.await();
                return writer().saveNewVersion(tiers).version();
            }));
            start.countDown();
            List<Object> outcomes = new java.util.ArrayList<>();
            for (Future<Long> write : writes) {
                try {
                    outcomes.add(write.get());
                } catch (java.util.concurrent.ExecutionException e) {
                    assertThat(e.getCause()).isInstanceOf(ConcurrentDefinitionChange.class);
                    outcomes.add("refused");
                }
            }
            assertThat(outcomes).doesNotHaveDuplicates();
        } finally {
            two.shutdownNow();
        }
        assertThatThrownBy(() -> {
            throw new ConcurrentDefinitionChange("x");
        }).isInstanceOf(ConcurrentDefinitionChange.class);
    }
}
