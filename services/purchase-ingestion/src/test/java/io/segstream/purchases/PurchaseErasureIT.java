package io.segstream.purchases;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import io.segstream.contracts.ContractJson;
import io.segstream.contracts.Topics;
import io.segstream.contracts.purchase.PurchaseSubmitted;
import io.segstream.embedded.TestInfrastructure;
import io.segstream.runtime.audit.AuditTrail;
import io.segstream.runtime.erasure.ErasedCustomers;
import io.segstream.runtime.security.Role;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.segstream.purchases.ServiceClient.assertProblem;
import static io.segstream.purchases.ServiceClient.body;
import static io.segstream.purchases.TopicRecorder.withEventId;
import static io.segstream.purchases.domain.PurchaseMother.purchase;
import static io.segstream.purchases.domain.PurchaseMother.refundOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Erasure end to end in this service, against the real broker and the MongoDB wire server: a customer's purchases and
 * refunds recorded over HTTP (single and batch) and Kafka, then {@code DELETE /api/v1/customers/{id}} (ADMIN), then
 * nothing of the customer left in any collection of the service's database (scanned generically, so a collection
 * added later is covered too), an empty history, the audit entry, and the policy for the customer's later events.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class PurchaseErasureIT {
    private static final String DATABASE = "purchase-erasure-it";
    private static final Duration AWAIT = Duration.ofSeconds(60);
    /** service-runtime's collections that keep the pseudonymous id by design: the tombstone and the audit log. */
    private static final List<String> KEPT_BY_DESIGN = List.of(ErasedCustomers.COLLECTION, AuditTrail.COLLECTION);

    private static TopicRecorder recorded;
    private static TopicRecorder deadLetters;
    private static KafkaProducer<String, byte[]> producer;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", TestInfrastructure::bootstrapServers);
        registry.add("spring.mongodb.uri", () -> TestInfrastructure.mongoUri(DATABASE));
    }

    @LocalServerPort
    int port;

    @Autowired
    MongoClient mongo;

    @BeforeAll
    static void watchTopics() {
        recorded = new TopicRecorder(TestInfrastructure.bootstrapServers(), Topics.PURCHASES_RECORDED);
        deadLetters = new TopicRecorder(TestInfrastructure.bootstrapServers(),
                Topics.deadLetterOf(Topics.PURCHASES_INCOMING));
        producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class));
    }

    @AfterAll
    static void stopWatching() {
        recorded.close();
        deadLetters.close();
        producer.close();
    }

    @Test
    void anErasedCustomerLeavesNothingBehindAndOnlyLaterEventsAreTakenIn() throws Exception {
        ServiceClient http = new ServiceClient(port);
        String customer = "C-erase-" + UUID.randomUUID().toString().substring(0, 8);
        Instant before = Instant.now().minus(Duration.ofDays(2));
        PurchaseSubmitted single = purchase().customerId(customer).occurredAt(before).build();
        PurchaseSubmitted refund = refundOf(single.orderId(), "40.00").customerId(customer)
                .occurredAt(before.plusSeconds(60)).build();
        PurchaseSubmitted inBatch = purchase().customerId(customer).occurredAt(before.plusSeconds(120)).build();
        PurchaseSubmitted viaKafka = purchase().customerId(customer).occurredAt(before.plusSeconds(180)).build();
        PurchaseSubmitted bystander = purchase().customerId("C-keep-" + UUID.randomUUID().toString().substring(0, 8))
                .occurredAt(before).build();

        assertThat(http.post("/api/v1/purchases", json(single), Role.INGEST).statusCode()).isEqualTo(201);
        assertThat(http.post("/api/v1/purchases", json(refund), Role.INGEST).statusCode()).isEqualTo(201);
        assertThat(body(http.post("/api/v1/purchases/batch", json(List.of(inBatch, bystander)), Role.INGEST))
                .get("accepted").asInt()).isEqualTo(2);
        produce(customer, json(viaKafka));
        for (PurchaseSubmitted p : List.of(single, refund, inBatch, viaKafka, bystander)) {
            recorded.awaitOne(withEventId(p.eventId()));
        }
        assertThat(placesHolding(customer)).as("the customer's data before the erasure")
                .contains("purchases", "orders");

        HttpResponse<String> erasure = http.delete("/api/v1/customers/" + customer, Role.ADMIN);

        assertThat(erasure.statusCode()).as(erasure.body()).isEqualTo(202);
        String requestId = body(erasure).get("eventId").asString();
        JsonNode entry = await().atMost(AWAIT).pollInSameThread().until(() -> erasedEntry(http, customer),
                java.util.Objects::nonNull);
        assertThat(entry.get("actor").asString()).as("who asked").isEqualTo("test-client");
        assertThat(entry.get("at").asString()).as("when").isNotBlank();
        assertThat(entry.get("detail").get("requestEventId").asString()).isEqualTo(requestId);
        assertThat(entry.get("detail").get("removed").get("purchases").asLong()).isEqualTo(4);
        assertThat(entry.get("detail").get("removed").get("orders").asLong()).isEqualTo(3);
        assertThat(entry.toString()).as("the audit says who and when, not what")
                .doesNotContain(single.orderId()).doesNotContain("458.00").doesNotContain("SH-017");

        assertThat(placesHolding(customer)).as("collections still holding the customer (only the tombstone and "
                + "the audit log may)").isSubsetOf(KEPT_BY_DESIGN);
        assertThat(collectionsWithCustomerIdField(customer)).isEmpty();
        JsonNode history = body(http.get("/api/v1/customers/" + customer + "/purchases", Role.MARKETING));
        assertThat(history.get("totalElements").asLong()).isZero();
        assertThat(history.get("purchases")).isEmpty();
        assertThat(body(http.get("/api/v1/customers/" + bystander.customerId() + "/purchases", Role.MARKETING))
                .get("totalElements").asLong()).as("another customer keeps their data").isEqualTo(1);

        // The policy: an old event again (a retry, a redelivery, a replay) is refused over HTTP, dropped from Kafka;
        // an event after the erasure is a new relationship and is taken in.
        assertProblem(http.post("/api/v1/purchases", json(single), Role.INGEST), 422, "CUSTOMER_ERASED");
        PurchaseSubmitted newer = purchase().customerId(customer).occurredAt(Instant.now()).build();
        JsonNode batch = body(http.post("/api/v1/purchases/batch", json(List.of(inBatch, newer)), Role.INGEST));
        assertThat(batch.get("results").get(0).get("code").asString()).isEqualTo("CUSTOMER_ERASED");
        assertThat(batch.get("results").get(1).get("status").asString()).isEqualTo("ACCEPTED");
        PurchaseSubmitted newerViaKafka = purchase().customerId(customer).occurredAt(Instant.now()).build();
        produce(customer, json(viaKafka));
        produce(customer, json(newerViaKafka)); // same key, same partition: consumed after the redelivery
        recorded.awaitOne(withEventId(newerViaKafka.eventId()));

        assertThat(recorded.matching(withEventId(viaKafka.eventId()))).as("the redelivery is not published again")
                .hasSize(1);
        assertThat(deadLetters.matching(record -> customer.equals(record.key())))
                .as("dropped, never dead-lettered (the dead-letter topic would keep the data)").isEmpty();
        List<String> kept = new ArrayList<>();
        ledger().find(new Document("customerId", customer)).forEach(d -> kept.add(d.getString("_id")));
        assertThat(kept).containsExactlyInAnyOrder(newer.eventId(), newerViaKafka.eventId());
        assertThat(http.get("/actuator/prometheus", Role.METRICS).body())
                .containsPattern("segstream_erasure_suppressed_total\\{[^}]*} [1-9]")
                .containsPattern("segstream_purchases_rejected_total\\{[^}]*code=\"CUSTOMER_ERASED\"[^}]*"
                        + "path=\"kafka\"");
    }

    @Test
    void erasingTwiceOrACustomerWithoutDataIsHarmless() throws Exception {
        ServiceClient http = new ServiceClient(port);
        String customer = "C-never-" + UUID.randomUUID().toString().substring(0, 8);

        assertThat(http.delete("/api/v1/customers/" + customer, Role.ADMIN).statusCode()).isEqualTo(202);
        assertThat(http.delete("/api/v1/customers/" + customer, Role.ADMIN).statusCode()).isEqualTo(202);

        await().atMost(AWAIT).pollInSameThread().until(() -> erasedEntries(http, customer).size() == 2);
        for (JsonNode entry : erasedEntries(http, customer)) {
            assertThat(entry.get("detail").get("removed").get("purchases").asLong()).isZero();
            assertThat(entry.get("detail").get("removed").get("orders").asLong()).isZero();
        }
        assertProblem(http.delete("/api/v1/customers/" + customer, Role.OPS), 403, "FORBIDDEN");
    }

    // ---------------------------------------------------------------------------------------------------------

    private static JsonNode erasedEntry(ServiceClient http, String customer) throws Exception {
        List<JsonNode> entries = erasedEntries(http, customer);
        return entries.isEmpty() ? null : entries.get(0);
    }

    private static List<JsonNode> erasedEntries(ServiceClient http, String customer) throws Exception {
        JsonNode page = body(http.get("/api/v1/audit?action=CUSTOMER_ERASED&subject=" + customer, Role.ADMIN));
        List<JsonNode> entries = new ArrayList<>();
        page.get("entries").forEach(entries::add);
        return entries;
    }

    /** Every collection of the service's database in which some document holds the id anywhere, at any depth. */
    private List<String> placesHolding(String customerId) {
        MongoDatabase database = mongo.getDatabase(DATABASE);
        List<String> places = new ArrayList<>();
        for (String name : database.listCollectionNames()) {
            for (Document document : database.getCollection(name).find()) {
                if (holds(document, customerId)) {
                    places.add(name);
                    break;
                }
            }
        }
        return places;
    }

    /** Every collection in which some document has a customerId field (at any depth) with that value. */
    private List<String> collectionsWithCustomerIdField(String customerId) {
        MongoDatabase database = mongo.getDatabase(DATABASE);
        List<String> places = new ArrayList<>();
        for (String name : database.listCollectionNames()) {
            Document filter = new Document("customerId", customerId);
            if (database.getCollection(name).countDocuments(filter) > 0
                    || database.getCollection(name).find().into(new ArrayList<>()).stream()
                    .anyMatch(d -> d.toJson().contains("\"customerId\": \"" + customerId + "\""))) {
                places.add(name);
            }
        }
        return places;
    }

    private static boolean holds(Object value, String customerId) {
        if (value instanceof String text) {
            return text.contains(customerId);
        }
        if (value instanceof Map<?, ?> map) {
            return map.values().stream().anyMatch(v -> holds(v, customerId));
        }
        if (value instanceof Iterable<?> values) {
            for (Object v : values) {
                if (holds(v, customerId)) {
                    return true;
                }
            }
            return false;
        }
        if (value instanceof Object[] array) {
            return Arrays.stream(array).anyMatch(v -> holds(v, customerId));
        }
        return value instanceof org.bson.types.Binary binary
                && new String(binary.getData(), java.nio.charset.StandardCharsets.UTF_8).contains(customerId);
    }

    private com.mongodb.client.MongoCollection<Document> ledger() {
        return mongo.getDatabase(DATABASE).getCollection("purchases");
    }

    private static void produce(String key, byte[] value) {
        producer.send(new ProducerRecord<>(Topics.PURCHASES_INCOMING, key, value));
        producer.flush();
    }

    private static byte[] json(Object value) {
        return ContractJson.mapper().writeValueAsBytes(value);
    }
}
