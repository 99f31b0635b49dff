package io.segstream.churn;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.segstream.contracts.Channel;
import io.segstream.contracts.CloudEventHeaders;
import io.segstream.contracts.ContractJson;
import io.segstream.contracts.Contracts;
import io.segstream.contracts.EventContract;
import io.segstream.contracts.Topics;
import io.segstream.contracts.purchase.PurchaseRecorded;
import io.segstream.contracts.purchase.PurchaseType;
import io.segstream.contracts.segment.ProfileSnapshot;
import io.segstream.contracts.segment.SegmentChanged;
import io.segstream.contracts.segment.SegmentKind;
import io.segstream.embedded.TestInfrastructure;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
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
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * churn-alerting seen from outside, against the real broker and the MongoDB wire server: recorded purchases and
 * segment changes published with a plain producer, the activity read back over HTTP.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChurnAlertingIT {
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private final HttpClient http = HttpClient.newHttpClient();
    private KafkaProducer<String, byte[]> producer;

    @LocalServerPort
    int port;

    @Autowired
    MeterRegistry meters;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", TestInfrastructure::bootstrapServers);
        registry.add("spring.mongodb.uri", () -> TestInfrastructure.mongoUri("churn-alerting-it"));
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

    @Test
    void purchasesAndSegmentChangesShowInTheChurnRiskFiguresAndRedeliveryChangesNothing() throws Exception {
        String customer = "C-" + UUID.randomUUID();
        Instant now = Instant.now();
        Instant first = now.minus(Duration.ofDays(40)).truncatedTo(ChronoUnit.SECONDS);
        Instant second = now.minus(Duration.ofDays(12)).truncatedTo(ChronoUnit.SECONDS);
        PurchaseRecorded p1 = purchase(customer, "p1", PurchaseType.PURCHASE, first, "120.00");
        PurchaseRecorded p2 = purchase(customer, "p2", PurchaseType.PURCHASE, second, "80.00");
        PurchaseRecorded r1 = purchase(customer, "r1", PurchaseType.REFUND, second.plusSeconds(60), "30.00");
        SegmentChanged s1 = lifecycle(customer, "s1", null, "NEW", first);
        SegmentChanged s2 = lifecycle(customer, "s2", "NEW", "ACTIVE", second);

        send(Contracts.PURCHASE_RECORDED, customer, p1, p2, r1);
        send(Contracts.SEGMENT_CHANGED, customer, s1, s2);

        JsonNode risk = awaitChurnRisk(customer, body -> body.get("purchaseCount").asInt() == 2
                && "ACTIVE".equals(text(body, "lifecycle")) && body.get("refundCount").asInt() == 1);
        assertThat(risk.get("purchaseDays").asInt()).isEqualTo(2);
        assertThat(risk.get("repeatPurchaseDays").asInt()).isEqualTo(1);
        assertThat(risk.get("monetary").asString()).isEqualTo("170.00");
        assertThat(risk.get("lastPurchaseAt").asString()).isEqualTo(second.toString());
        assertThat(risk.get("firstPurchaseAt").asString()).isEqualTo(first.toString());
        // A day boundary may pass between sending and asking.
        assertThat(risk.get("daysSinceLastPurchase").asInt()).isBetween(12, 13);
        assertThat(risk.has("riskScore")).isFalse();

        // Redeliver everything, then one new event per topic: once both show, the redeliveries were handled.
        double duplicatesBefore = counter("segstream.churn.events.duplicates");
        send(Contracts.PURCHASE_RECORDED, customer, p1, p2, r1,
                purchase(customer, "p3", PurchaseType.PURCHASE, now, "5.00"));
        send(Contracts.SEGMENT_CHANGED, customer, s1, s2, valueTier(customer, "s3", "HIGH", now));

        JsonNode after = awaitChurnRisk(customer, body -> body.get("purchaseCount").asInt() == 3
                && "HIGH".equals(text(body, "valueTier")));
        assertThat(after.get("lifecycle").asString()).isEqualTo("ACTIVE");
        assertThat(after.get("refundCount").asInt()).isEqualTo(1);
        assertThat(after.get("monetary").asString()).isEqualTo("175.00");
        assertThat(after.get("purchaseDays").asInt()).isEqualTo(3);
        assertThat(counter("segstream.churn.events.duplicates")).isGreaterThanOrEqualTo(duplicatesBefore + 5);
        assertThat(meters.get("segstream.churn.events.consumed").tag("topic", Topics.SEGMENT_CHANGES).counter()
                .count()).isGreaterThanOrEqualTo(5);
    }

    @Test
    void anUnusableRecordIsCountedAndSkipped() throws Exception {
        String customer = "C-" + UUID.randomUUID();
        double rejectedBefore = counter("segstream.churn.events.rejected");

        sendRaw(Contracts.SEGMENT_CHANGED, customer, "bad-" + customer, "[1,2".getBytes(StandardCharsets.UTF_8));
        send(Contracts.SEGMENT_CHANGED, customer, lifecycle(customer, "s1", null, "NEW", Instant.now()));

        JsonNode risk = awaitChurnRisk(customer, body -> "NEW".equals(text(body, "lifecycle")));
        assertThat(risk.get("daysSinceLastPurchase").isNull()).isTrue();
        assertThat(counter("segstream.churn.events.rejected")).isGreaterThanOrEqualTo(rejectedBefore + 1);
    }

    @Test
    void anUnknownCustomerIsA404ProblemWithACode() throws Exception {
        HttpResponse<String> response = get("/api/v1/customers/C-never-seen/churn-risk");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("content-type")).hasValueSatisfying(
                type -> assertThat(type).contains("application/problem+json"));
        assertThat(ContractJson.mapper().readTree(response.body()).get("code").asString())
                .isEqualTo("CUSTOMER_NOT_FOUND");
    }

    @Test
    void readinessIsUpWithKafkaAndMongo() throws Exception {
        HttpResponse<String> response = get("/actuator/health/readiness");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"mongo\"").contains("\"kafka\"").contains("UP");
    }

    private JsonNode awaitChurnRisk(String customer, Predicate<JsonNode> condition) {
        JsonNode[] last = new JsonNode[1];
        await().atMost(PATIENCE).until(() -> {
            HttpResponse<String> response = get("/api/v1/customers/" + customer + "/churn-risk");
            if (response.statusCode() != 200) {
                return false;
            }
            last[0] = ContractJson.mapper().readTree(response.body());
            return condition.test(last[0]);
        });
        return last[0];
    }

    private static String text(JsonNode body, String field) {
        JsonNode value = body.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }

    private double counter(String name) {
        return meters.find(name).counters().stream().mapToDouble(Counter::count).sum();
    }

    private static PurchaseRecorded purchase(String customer, String id, PurchaseType type, Instant at,
                                             String amount) {
        return new PurchaseRecorded(id + "-" + customer, type, customer, "SO-" + id, at, Channel.ONLINE, null,
                "CN-SH", "CNY", new BigDecimal(amount), null, List.of(), "shop", at.plusSeconds(1),
                new BigDecimal(amount), "CNY");
    }

    private static SegmentChanged lifecycle(String customer, String id, String from, String to, Instant at) {
        return new SegmentChanged(id + "-" + customer, customer, SegmentKind.DIMENSION, "lifecycle", from, to, 1,
                "cause-" + id, at, new ProfileSnapshot(0, 1, BigDecimal.TEN, null));
    }

    private static SegmentChanged valueTier(String customer, String id, String to, Instant at) {
        return new SegmentChanged(id + "-" + customer, customer, SegmentKind.DIMENSION, "value-tier", null, to, 1,
                "cause-" + id, at, new ProfileSnapshot(0, 1, BigDecimal.TEN, null));
    }

    @SafeVarargs
    private <T> void send(EventContract<T> contract, String customer, T... events) {
        for (T event : events) {
            sendRaw(contract, customer, UUID.randomUUID().toString(), ContractJson.mapper().writeValueAsBytes(event));
        }
    }

    /** Sends a record with the CloudEvents headers a Segstream producer sets. */
    private void sendRaw(EventContract<?> contract, String key, String ceId, byte[] value) {
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

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
