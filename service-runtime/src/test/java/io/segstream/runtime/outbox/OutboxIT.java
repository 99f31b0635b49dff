package io.segstream.runtime.outbox;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.segstream.contracts.Channel;
import io.segstream.contracts.CloudEventHeaders;
import io.segstream.contracts.ContractJson;
import io.segstream.contracts.EventContract;
import io.segstream.contracts.Topics;
import io.segstream.contracts.purchase.LineItem;
import io.segstream.contracts.purchase.PurchaseRecorded;
import io.segstream.contracts.purchase.PurchaseType;
import io.segstream.contracts.registry.Contracts;
import io.segstream.embedded.KafkaNode;
import io.segstream.embedded.TestInfrastructure;
import io.segstream.runtime.messaging.ContractEventPublisher;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** The outbox against the real broker and the MongoDB wire server: record, de-duplicate, publish, mark, relay. */
class OutboxIT {
    private static final Duration AWAIT = Duration.ofSeconds(30);
    private static final Instant T0 = Instant.parse("2026-11-20T09:00:00Z");

    private static MongoClient mongo;
    private static KafkaTemplate<String, byte[]> template;
    private static KafkaConsumer<String, byte[]> consumer;
    private static final List<ConsumerRecord<String, byte[]>> received = new CopyOnWriteArrayList<>();

    private MongoCollection<Document> collection;
    private final MeterRegistry meters = new SimpleMeterRegistry();
    private final MovableClock clock = new MovableClock(T0);

    @BeforeAll
    static void connect() {
        KafkaNode kafka = TestInfrastructure.kafka();
        mongo = MongoClients.create(TestInfrastructure.mongoUri("outbox-it"));
        template = new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class)));
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class));
        List<TopicPartition> partitions = consumer.partitionsFor(Topics.PURCHASES_RECORDED).stream()
                .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
    }

    @AfterAll
    static void disconnect() {
        consumer.close();
        template.destroy();
        mongo.close();
    }

    @BeforeEach
    void freshCollection(TestInfo test) {
        collection = mongo.getDatabase("outbox-it").getCollection(test.getTestMethod().orElseThrow().getName());
        collection.drop();
    }

    @Test
    void recordsPublishesWithCloudEventsHeadersAndMarksPublished() {
        Outbox<PurchaseRecorded> outbox = outbox(new CountingPublisher(), settings(Duration.ofSeconds(30), 100));
        PurchaseRecorded event = purchase();

        OutboxOutcome outcome = outbox.submit(record(event));

        assertThat(outcome).isEqualTo(OutboxOutcome.PUBLISHED);
        ConsumerRecord<String, byte[]> message = awaitMessage(event.eventId());
        assertThat(message.key()).isEqualTo(event.customerId());
        assertThat(header(message, CloudEventHeaders.TYPE)).isEqualTo(Contracts.PURCHASE_RECORDED.ceType());
        assertThat(header(message, CloudEventHeaders.TIME)).isEqualTo(event.occurredAt().toString());
        assertThat(ContractJson.mapper().readValue(message.value(), PurchaseRecorded.class)).isEqualTo(event);

        Document stored = collection.find(Filters.eq("_id", event.eventId())).first();
        assertThat(stored).isNotNull();
        assertThat(stored.getString("customerId")).isEqualTo(event.customerId());
        Document state = stored.get(Outbox.FIELD, Document.class);
        assertThat(state.getBoolean("published")).isTrue();
        assertThat(state.getDate("publishedAt")).isEqualTo(java.util.Date.from(T0));
        assertThat(state).doesNotContainKey(Outbox.PAYLOAD);
    }

    @Test
    void aSecondSubmissionOfTheSameEventIsADuplicateAndIsNotPublishedAgain() {
        CountingPublisher publisher = new CountingPublisher();
        Outbox<PurchaseRecorded> outbox = outbox(publisher, settings(Duration.ofSeconds(30), 100));
        PurchaseRecorded event = purchase();

        assertThat(outbox.submit(record(event))).isEqualTo(OutboxOutcome.PUBLISHED);
        assertThat(outbox.submit(record(event))).isEqualTo(OutboxOutcome.DUPLICATE);

        assertThat(publisher.sent).containsExactly(event.eventId());
        assertThat(collection.countDocuments()).isEqualTo(1);
    }

    @Test
    void aBatchIsInsertedInBulkAndReportsDuplicatesByPosition() {
        CountingPublisher publisher = new CountingPublisher();
        Outbox<PurchaseRecorded> outbox = outbox(publisher, settings(Duration.ofSeconds(30), 100));
        PurchaseRecorded earlier = purchase();
        outbox.submit(record(earlier));
        PurchaseRecorded first = purchase();
        PurchaseRecorded second = purchase();

        List<OutboxOutcome> outcomes = outbox.submit(List.of(record(first), record(earlier), record(second),
                record(first)));

        assertThat(outcomes).containsExactly(OutboxOutcome.PUBLISHED, OutboxOutcome.DUPLICATE,
                OutboxOutcome.PUBLISHED, OutboxOutcome.DUPLICATE);
        assertThat(publisher.sent).containsExactly(earlier.eventId(), first.eventId(), second.eventId());
        assertThat(collection.countDocuments(Filters.eq(Outbox.PUBLISHED, true))).isEqualTo(3);
        awaitMessage(second.eventId());
    }

    @Test
    void whenKafkaDoesNotAcknowledgeTheEventIsKeptPendingWithItsPayload() {
        Outbox<PurchaseRecorded> outbox = outbox(new FailingPublisher(), settings(Duration.ofSeconds(30), 100));
        PurchaseRecorded event = purchase();

        assertThat(outbox.submit(record(event))).isEqualTo(OutboxOutcome.PENDING);

        Document state = collection.find(Filters.eq("_id", event.eventId())).first().get(Outbox.FIELD, Document.class);
        assertThat(state.getBoolean("published")).isFalse();
        assertThat(state.getString(Outbox.PAYLOAD)).contains(event.eventId());
        assertThat(outbox.refreshPendingCount()).isEqualTo(1);
        assertThat(meters.get("segstream.outbox.pending").gauge().value()).isEqualTo(1.0);
        assertThat(meters.get("segstream.outbox.publish.failures").counter().count()).isEqualTo(1.0);
    }

    @Test
    void anAcknowledgementThatDoesNotComeInTimeLeavesTheEventPending() {
        Outbox<PurchaseRecorded> outbox = outbox(new SilentPublisher(),
                new OutboxProperties(Duration.ofMillis(200), true, Duration.ofSeconds(5), Duration.ofSeconds(30), 100));

        assertThat(outbox.submit(record(purchase()))).isEqualTo(OutboxOutcome.PENDING);
    }

    @Test
    void theRelayRepublishesWhatACrashLeftUnpublishedOnceTheGracePeriodHasPassed() {
        // The "crash": recorded by an instance whose publish never reached Kafka.
        PurchaseRecorded event = purchase();
        outbox(new FailingPublisher(), settings(Duration.ofSeconds(30), 100)).submit(record(event));
        CountingPublisher publisher = new CountingPublisher();
        Outbox<PurchaseRecorded> restarted = outbox(publisher, settings(Duration.ofSeconds(30), 100));

        assertThat(restarted.relayPending()).as("still within the grace period").isZero();
        clock.advance(Duration.ofSeconds(31));
        assertThat(restarted.relayPending()).isEqualTo(1);

        ConsumerRecord<String, byte[]> message = awaitMessage(event.eventId());
        assertThat(message.key()).isEqualTo(event.customerId());
        assertThat(header(message, CloudEventHeaders.TIME)).isEqualTo(event.occurredAt().toString());
        assertThat(ContractJson.mapper().readValue(message.value(), PurchaseRecorded.class)).isEqualTo(event);
        assertThat(collection.countDocuments(Filters.eq(Outbox.PUBLISHED, false))).isZero();
        assertThat(restarted.relayPending()).as("nothing left to relay").isZero();
        assertThat(publisher.sent).containsExactly(event.eventId());
        assertThat(meters.get("segstream.outbox.relayed").counter().count()).isEqualTo(1.0);
        assertThat(meters.get("segstream.outbox.pending").gauge().value()).isZero();
    }

    @Test
    void theRelayWorksOldestFirstInBoundedBatches() {
        Outbox<PurchaseRecorded> crashed = outbox(new FailingPublisher(), settings(Duration.ZERO, 2));
        List<String> recordedOrder = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            PurchaseRecorded event = purchase();
            crashed.submit(record(event));
            recordedOrder.add(event.eventId());
            clock.advance(Duration.ofSeconds(1));
        }
        // Batches of 2: the first is published, the second only half, so the pass stops there.
        LimitedPublisher failsAfterThree = new LimitedPublisher(3);

        int relayed = outbox(failsAfterThree, settings(Duration.ZERO, 2)).relayPending();

        assertThat(relayed).isEqualTo(3);
        assertThat(failsAfterThree.sent).containsExactlyElementsOf(recordedOrder.subList(0, 3));
        assertThat(collection.countDocuments(Filters.eq(Outbox.PUBLISHED, false))).isEqualTo(2);

        CountingPublisher healthy = new CountingPublisher();
        assertThat(outbox(healthy, settings(Duration.ZERO, 2)).relayPending()).isEqualTo(2);
        assertThat(healthy.sent).containsExactlyElementsOf(recordedOrder.subList(3, 5));
    }

    @Test
    void theScheduledRelayPicksUpPendingEvents() {
        PurchaseRecorded event = purchase();
        outbox(new FailingPublisher(), settings(Duration.ZERO, 100)).submit(record(event));
        OutboxProperties fast = new OutboxProperties(Duration.ofSeconds(5), true, Duration.ofMillis(100), Duration.ZERO,
                100);
        OutboxRelay relay = new OutboxRelay(List.of(outbox(new CountingPublisher(), fast)), fast);
        relay.start();
        try {
            assertThat(relay.isRunning()).isTrue();
            awaitMessage(event.eventId());
            await().atMost(AWAIT).until(() -> collection.countDocuments(Filters.eq(Outbox.PUBLISHED, false)) == 0);
        } finally {
            relay.stop();
        }
        assertThat(relay.isRunning()).isFalse();
    }

    @Test
    void aRelayPassThatFailsDoesNotStopTheOthers() {
        PurchaseRecorded event = purchase();
        outbox(new FailingPublisher(), settings(Duration.ZERO, 100)).submit(record(event));
        Outbox<PurchaseRecorded> broken = new Outbox<>(unreachableCollection(), Contracts.PURCHASE_RECORDED,
                new CountingPublisher(), settings(Duration.ZERO, 100), meters, clock);
        CountingPublisher publisher = new CountingPublisher();

        new OutboxRelay(List.of(broken, outbox(publisher, settings(Duration.ZERO, 100))), settings(Duration.ZERO, 100))
                .relayAll();

        assertThat(publisher.sent).containsExactly(event.eventId());
    }

    @Test
    void whenMongoIsUnreachableSubmittingFailsAsUnavailable() {
        Outbox<PurchaseRecorded> outbox = new Outbox<>(unreachableCollection(), Contracts.PURCHASE_RECORDED,
                new CountingPublisher(), settings(Duration.ZERO, 100), meters, clock);

        assertThatThrownBy(() -> outbox.submit(record(purchase()))).isInstanceOf(OutboxUnavailableException.class);
        assertThatThrownBy(() -> outbox.submit(List.of(record(purchase()), record(purchase()))))
                .isInstanceOf(OutboxUnavailableException.class);
    }

    @Test
    void aViewMayNotOverrideTheIdOrTheOutboxState() {
        assertThatThrownBy(() -> new OutboxRecord<>("e1", "c1", T0, purchase(), new Document("_id", "x")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new OutboxRecord<>("e1", "c1", T0, purchase(), new Document(Outbox.FIELD, 1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    // ---------------------------------------------------------------------------------------------------------

    private Outbox<PurchaseRecorded> outbox(ContractEventPublisher publisher, OutboxProperties props) {
        return new Outbox<>(collection, Contracts.PURCHASE_RECORDED, publisher, props, meters, clock);
    }

    private static OutboxProperties settings(Duration grace, int batchSize) {
        return new OutboxProperties(Duration.ofSeconds(10), true, Duration.ofSeconds(5), grace, batchSize);
    }

    private static OutboxRecord<PurchaseRecorded> record(PurchaseRecorded event) {
        return new OutboxRecord<>(event.eventId(), event.customerId(), event.occurredAt(), event,
                new Document("customerId", event.customerId()).append("orderId", event.orderId()));
    }

    private static PurchaseRecorded purchase() {
        String id = UUID.randomUUID().toString();
        return new PurchaseRecorded("e-" + id, PurchaseType.PURCHASE, "C-" + id.substring(0, 8), "SO-" + id,
                Instant.parse("2026-11-20T09:14:03.123456789Z"), Channel.STORE, "SH-017", "CN-SH", "CNY",
                new BigDecimal("458.00"), new BigDecimal("40.00"),
                List.of(new LineItem("MILK-ORG-900", "infant-formula/organic", 2, new BigDecimal("249.00"))),
                "pos-shanghai", T0, new BigDecimal("63.60"), "USD");
    }

    private static MongoCollection<Document> unreachableCollection() {
        MongoClient dead = MongoClients.create("mongodb://127.0.0.1:1/?serverSelectionTimeoutMS=200&connectTimeoutMS=200");
        return dead.getDatabase("outbox-it").getCollection("unreachable");
    }

    private static ConsumerRecord<String, byte[]> awaitMessage(String eventId) {
        AtomicReference<ConsumerRecord<String, byte[]>> found = new AtomicReference<>();
        await().atMost(AWAIT).until(() -> {
            consumer.poll(Duration.ofMillis(200)).forEach(received::add);
            received.stream().filter(r -> eventId.equals(header(r, CloudEventHeaders.ID))).findFirst()
                    .ifPresent(found::set);
            return found.get() != null;
        });
        return found.get();
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** Publishes for real and remembers what it sent, in order, and in which batches (one per call to relay). */
    private static final class CountingPublisher extends ContractEventPublisher {
        final List<String> sent = Collections.synchronizedList(new ArrayList<>());

        CountingPublisher() {
            super(template, "/segstream/outbox-it");
        }

        @Override
        public <T> CompletableFuture<SendResult<String, byte[]>> publish(EventContract<T> contract, String key,
                                                                         String eventId, Instant time, T payload) {
            sent.add(eventId);
            return super.publish(contract, key, eventId, time, payload);
        }
    }

    /** Publishes the first {@code limit} events for real, then behaves as if Kafka had gone away. */
    private static final class LimitedPublisher extends ContractEventPublisher {
        final List<String> sent = Collections.synchronizedList(new ArrayList<>());
        private final int limit;

        LimitedPublisher(int limit) {
            super(template, "/segstream/outbox-it");
            this.limit = limit;
        }

        @Override
        public <T> CompletableFuture<SendResult<String, byte[]>> publish(EventContract<T> contract, String key,
                                                                         String eventId, Instant time, T payload) {
            if (sent.size() >= limit) {
                return CompletableFuture.failedFuture(new IllegalStateException("broker went away"));
            }
            sent.add(eventId);
            return super.publish(contract, key, eventId, time, payload);
        }
    }

    /** Kafka away: every send fails at once, as KafkaTemplate does when it cannot get metadata. */
    private static final class FailingPublisher extends ContractEventPublisher {
        FailingPublisher() {
            super(template, "/segstream/outbox-it");
        }

        @Override
        public <T> CompletableFuture<SendResult<String, byte[]>> publish(EventContract<T> contract, String key,
                                                                         String eventId, Instant time, T payload) {
            throw new org.apache.kafka.common.errors.TimeoutException("broker not available");
        }
    }

    /** Kafka slow: the acknowledgement never comes. */
    private static final class SilentPublisher extends ContractEventPublisher {
        SilentPublisher() {
            super(template, "/segstream/outbox-it");
        }

        @Override
        public <T> CompletableFuture<SendResult<String, byte[]>> publish(EventContract<T> contract, String key,
                                                                         String eventId, Instant time, T payload) {
            return new CompletableFuture<>();
        }
    }

    private static final class MovableClock extends Clock {
        private volatile Instant now;

        MovableClock(Instant start) {
            this.now = start;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
