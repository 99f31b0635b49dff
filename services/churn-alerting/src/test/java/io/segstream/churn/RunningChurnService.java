package io.segstream.churn;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.segstream.churn.domain.alerts.AlertClock;
import io.segstream.contracts.Channel;
import io.segstream.contracts.CloudEventHeaders;
import io.segstream.contracts.ContractJson;
import io.segstream.contracts.EventContract;
import io.segstream.contracts.Topics;
import io.segstream.contracts.churn.ChurnAlertChanged;
import io.segstream.contracts.purchase.PurchaseRecorded;
import io.segstream.contracts.purchase.PurchaseType;
import io.segstream.contracts.registry.Contracts;
import io.segstream.contracts.segment.ProfileSnapshot;
import io.segstream.contracts.segment.SegmentChanged;
import io.segstream.contracts.segment.SegmentKind;
import io.segstream.embedded.TestInfrastructure;
import io.segstream.runtime.security.Role;
import io.segstream.runtime.security.TestTokens;
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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.awaitility.Awaitility.await;

/**
 * The running service against the real broker and the MongoDB wire server, shared by the integration tests: one
 * application context (same configuration, so Spring's test context cache starts it once for all of them), a plain
 * producer for the consumed topics, HTTP helpers that send a test token with the roles asked for.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class RunningChurnService {
    static final Duration PATIENCE = Duration.ofSeconds(30);
    /** The subject of every test token (TestTokens): the actor the audit trail must name. */
    static final String TEST_CLIENT = "test-client";
    /** One label of a Prometheus sample: name="value", the value with backslash escapes. */
    private static final Pattern LABEL = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*=\"((?:[^\"\\\\]|\\\\.)*)\"");
    final HttpClient http = HttpClient.newHttpClient();
    private KafkaProducer<String, byte[]> producer;

    @LocalServerPort
    int port;

    @Autowired
    MeterRegistry meters;

    @Autowired
    AlertClock alertClock;

    @Autowired
    MongoTemplate mongo;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", TestInfrastructure::bootstrapServers);
        registry.add("spring.mongodb.uri", () -> TestInfrastructure.mongoUri("churn-alerting-it"));
        // The sweep's clock follows event time, so a test moves it by publishing a later event (no waiting).
        registry.add("segstream.churn.alerts.clock", () -> "EVENT_TIME");
        registry.add("segstream.churn.alerts.sweep-interval", () -> "200ms");
        // Fits are requested explicitly here.
        registry.add("segstream.churn.model.auto-fit", () -> "false");
    }

    @BeforeAll
    void connect() {
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestInfrastructure.bootstrapServers(), ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(), new ByteArraySerializer());
    }

    @AfterAll
    void disconnect() {
        producer.close();
    }

    /** A base time after everything the event-time clock has seen, so each test's history is its own. */
    Instant laterThanTheAlertClock() {
        Instant clock = alertClock.now().orElse(Instant.now());
        Instant now = Instant.now();
        return (clock.isAfter(now) ? clock : now).plus(Duration.ofDays(1000)).truncatedTo(ChronoUnit.DAYS)
                .plus(Duration.ofHours(12));
    }

    /**
     * Gives the customer an open alert: purchases a week apart up to {@code lastPurchase}, then her own segment change
     * a month later, whose review finds her overdue against her rhythm. Every event occurs at or before
     * {@code lastPurchase} + 30 days. Returns the alert id.
     */
    String raiseOverdueAlert(String customer, Instant lastPurchase) {
        send(Contracts.PURCHASE_RECORDED, customer,
                purchase(customer, "h1", PurchaseType.PURCHASE, lastPurchase.minus(Duration.ofDays(14)), "50.00"),
                purchase(customer, "h2", PurchaseType.PURCHASE, lastPurchase.minus(Duration.ofDays(7)), "50.00"),
                purchase(customer, "h3", PurchaseType.PURCHASE, lastPurchase, "50.00"));
        send(Contracts.SEGMENT_CHANGED, customer,
                lifecycle(customer, "s1", null, "AT_RISK", lastPurchase.plus(Duration.ofDays(30))));
        return awaitAlertMessages(customer, 1).get(0).alertId();
    }

    /** Label values of every sample of a Prometheus scrape (the text format: name{label="value",...} number). */
    static Set<String> labelValues(String scrape) {
        Set<String> values = new HashSet<>();
        Matcher label = LABEL.matcher("");
        for (String line : scrape.split("\n")) {
            int open = line.indexOf('{');
            if (line.startsWith("#") || open < 0) {
                continue;
            }
            label.reset(line.substring(open, line.lastIndexOf('}') + 1));
            while (label.find()) {
                values.add(label.group(1));
            }
        }
        return values;
    }

    List<ChurnAlertChanged> awaitAlertMessages(String customer, int count) {
        List<ChurnAlertChanged> found = new ArrayList<>();
        await().atMost(PATIENCE).until(() -> {
            found.clear();
            found.addAll(alertMessages(customer));
            return found.size() >= count;
        });
        return found;
    }

    List<ChurnAlertChanged> alertMessages(String customer) {
        return alertRecords(customer).stream()
                .map(r -> ContractJson.mapper().readValue(r.value(), ChurnAlertChanged.class)).toList();
    }

    /** Every record on churn.alerts.v1 keyed by this customer, in order (one customer: one partition). */
    List<ConsumerRecord<String, byte[]>> alertRecords(String customer) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.bootstrapServers(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false"), new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.CHURN_ALERTS).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (customer.equals(record.key())) {
                        found.add(record);
                    }
                }
            }
            return found;
        }
    }

    static JsonNode json(HttpResponse<String> response) {
        return ContractJson.mapper().readTree(response.body());
    }

    /** GET with a test token carrying these roles (none: no Authorization header at all). */
    HttpResponse<String> get(String path, Role... roles) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).GET(), roles);
    }

    /** POST without a body, with a test token carrying these roles (none: no Authorization header at all). */
    HttpResponse<String> post(String path, Role... roles) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.noBody()), roles);
    }

    HttpResponse<String> delete(String path, Role... roles) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).DELETE(), roles);
    }

    private HttpResponse<String> send(HttpRequest.Builder request, Role... roles) throws Exception {
        if (roles.length > 0) {
            TestTokens.authorized(request, roles);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    /** Polls the customer's churn risk (as OPS) until it satisfies the condition. */
    JsonNode awaitChurnRisk(String customer, Predicate<JsonNode> condition) {
        JsonNode[] last = new JsonNode[1];
        await().atMost(PATIENCE).until(() -> {
            HttpResponse<String> response = get("/api/v1/customers/" + customer + "/churn-risk", Role.OPS);
            if (response.statusCode() != 200) {
                return false;
            }
            last[0] = ContractJson.mapper().readTree(response.body());
            return condition.test(last[0]);
        });
        return last[0];
    }

    static String text(JsonNode body, String field) {
        JsonNode value = body.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }

    double counter(String name) {
        return meters.find(name).counters().stream().mapToDouble(Counter::count).sum();
    }

    static PurchaseRecorded purchase(String customer, String id, PurchaseType type, Instant at, String amount) {
        return new PurchaseRecorded(id + "-" + customer, type, customer, "SO-" + id, at, Channel.ONLINE, null,
                "CN-SH", "CNY", new BigDecimal(amount), null, List.of(), "shop", at.plusSeconds(1),
                new BigDecimal(amount), "CNY");
    }

    static SegmentChanged lifecycle(String customer, String id, String from, String to, Instant at) {
        return new SegmentChanged(id + "-" + customer, customer, SegmentKind.DIMENSION, "lifecycle", from, to, 1,
                "cause-" + id, at, new ProfileSnapshot(0, 1, BigDecimal.TEN, null));
    }

    static SegmentChanged valueTier(String customer, String id, String to, Instant at) {
        return new SegmentChanged(id + "-" + customer, customer, SegmentKind.DIMENSION, "value-tier", null, to, 1,
                "cause-" + id, at, new ProfileSnapshot(0, 1, BigDecimal.TEN, null));
    }

    @SafeVarargs
    final <T> void send(EventContract<T> contract, String customer, T... events) {
        for (T event : events) {
            sendRaw(contract, customer, UUID.randomUUID().toString(), ContractJson.mapper().writeValueAsBytes(event));
        }
    }

    /** Sends a record with the CloudEvents headers a Segstream producer sets. */
    void sendRaw(EventContract<?> contract, String key, String ceId, byte[] value) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(contract.topic(), key, value);
        record.headers().add(CloudEventHeaders.SPEC_VERSION, bytes(CloudEventHeaders.SPEC_VERSION_VALUE));
        record.headers().add(CloudEventHeaders.ID, bytes(ceId));
        record.headers().add(CloudEventHeaders.SOURCE, bytes("/segstream/test"));
        record.headers().add(CloudEventHeaders.TYPE, bytes(contract.ceType()));
        record.headers().add(CloudEventHeaders.TIME, bytes(Instant.now().toString()));
        record.headers().add(CloudEventHeaders.CONTENT_TYPE, bytes(CloudEventHeaders.JSON));
        try {
            producer.send(record).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("the test broker refused a record", e);
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
