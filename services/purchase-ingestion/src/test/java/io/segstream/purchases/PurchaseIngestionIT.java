package io.segstream.purchases;

import com.mongodb.client.MongoClient;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.segstream.contracts.CloudEventHeaders;
import io.segstream.contracts.ContractJson;
import io.segstream.contracts.Topics;
import io.segstream.contracts.purchase.PurchaseRecorded;
import io.segstream.contracts.purchase.PurchaseSubmitted;
import io.segstream.contracts.registry.Contracts;
import io.segstream.embedded.TestInfrastructure;
import io.segstream.purchases.store.MongoPurchaseLedger;
import io.segstream.runtime.messaging.ContractEventPublisher;
import io.segstream.runtime.outbox.Outbox;
import io.segstream.runtime.outbox.OutboxOutcome;
import io.segstream.runtime.outbox.OutboxProperties;
import io.segstream.runtime.outbox.OutboxRecord;
import io.segstream.runtime.outbox.OutboxRelay;
import io.segstream.runtime.security.EndpointAudit;
import io.segstream.runtime.security.Role;
import io.segstream.runtime.security.TestTokens;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
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
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.support.SendResult;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.segstream.purchases.TopicRecorder.header;
import static io.segstream.purchases.TopicRecorder.withEventId;
import static io.segstream.purchases.domain.PurchaseMother.purchase;
import static io.segstream.purchases.domain.PurchaseMother.refundOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The service against the real broker and the MongoDB wire server: both paths to purchases.recorded.v1, duplicates
 * across paths and across a restart, the dead-letter topic, batch results, problem+json codes, refunds, history,
 * the outbox relay and metrics, access control and personal data. One application context for the class, plus one
 * short-lived "restarted" one; the context is closed after the class, so that no other test class's context shares
 * the consumer group (and takes partitions of the topics) while it runs.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class PurchaseIngestionIT {
    private static final String DATABASE = "purchase-ingestion-it";
    private static final Duration AWAIT = Duration.ofSeconds(60);
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static TopicRecorder recorded;
    private static TopicRecorder deadLetters;
    private static KafkaProducer<String, byte[]> producer;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", TestInfrastructure::bootstrapServers);
        registry.add("spring.mongodb.uri", () -> TestInfrastructure.mongoUri(DATABASE));
        // A quick relay, so the test that simulates a crash does not wait long.
        registry.add("segstream.outbox.relay-interval", () -> "200ms");
        registry.add("segstream.outbox.grace-period", () -> "1s");
    }

    @LocalServerPort
    int port;

    @Autowired
    MongoClient mongo;

    @Autowired
    ContractEventPublisher publisher;

    @Autowired
    OutboxRelay relay;

    @Autowired
    ApplicationContext context;

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

    // ----------------------------------------------------------------------------------------------- both paths

    @Test
    void anHttpPurchaseIsRecordedAndPublishedWithCloudEventsHeaders() throws Exception {
        PurchaseSubmitted p = purchase().currency("USD").singleItem(3, "19.99").build();

        HttpResponse<String> response = post("/api/v1/purchases", json(p));

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(body(response).get("status").asString()).isEqualTo("ACCEPTED");
        ConsumerRecord<String, byte[]> message = recorded.awaitOne(withEventId(p.eventId()));
        assertThat(message.key()).isEqualTo(p.customerId());
        assertThat(header(message, CloudEventHeaders.SPEC_VERSION)).isEqualTo("1.0");
        assertThat(header(message, CloudEventHeaders.TYPE)).isEqualTo(Contracts.PURCHASE_RECORDED.ceType());
        assertThat(header(message, CloudEventHeaders.SOURCE)).isEqualTo("/segstream/purchase-ingestion");
        assertThat(header(message, CloudEventHeaders.TIME)).isEqualTo(p.occurredAt().toString());
        assertThat(header(message, CloudEventHeaders.CONTENT_TYPE)).isEqualTo("application/json");
        PurchaseRecorded event = ContractJson.mapper().readValue(message.value(), PurchaseRecorded.class);
        assertThat(event.totalAmount()).hasToString("59.97");
        assertThat(event.reportingAmount()).hasToString("428.79"); // 59.97 x 7.15 = 428.7855
        assertThat(event.reportingCurrency()).isEqualTo("CNY");
        assertThat(event.recordedAt()).isNotNull();
        assertThat(event.items()).isEqualTo(p.items());
    }

    @Test
    void aKafkaPurchaseIsRecordedAndPublished() {
        PurchaseSubmitted p = purchase().build();

        produce(p.customerId(), json(p));

        PurchaseRecorded event = ContractJson.mapper().readValue(
                recorded.awaitOne(withEventId(p.eventId())).value(), PurchaseRecorded.class);
        assertThat(event.eventId()).isEqualTo(p.eventId());
        assertThat(event.reportingAmount()).hasToString("458.00");
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestInfrastructure.bootstrapServers()))) {
            await().atMost(AWAIT).until(() -> admin.listConsumerGroupOffsets("purchase-ingestion")
                    .partitionsToOffsetAndMetadata().get().keySet().stream()
                    .anyMatch(partition -> partition.topic().equals(Topics.PURCHASES_INCOMING)));
        }
    }

    @Test
    void theSameEventByBothPathsIsRecordedAndPublishedOnce() throws Exception {
        // HTTP first, then Kafka; a marker behind it on the same partition proves the redelivery was processed.
        PurchaseSubmitted viaHttp = purchase().customerId("C-both-1").build();
        assertThat(post("/api/v1/purchases", json(viaHttp)).statusCode()).isEqualTo(201);
        PurchaseSubmitted marker = purchase().customerId("C-both-1").build();
        produce(viaHttp.customerId(), json(viaHttp));
        produce(marker.customerId(), json(marker));
        recorded.awaitOne(withEventId(marker.eventId()));
        assertThat(recorded.matching(withEventId(viaHttp.eventId()))).hasSize(1);

        // Kafka first, then HTTP.
        PurchaseSubmitted viaKafka = purchase().customerId("C-both-2").build();
        produce(viaKafka.customerId(), json(viaKafka));
        recorded.awaitOne(withEventId(viaKafka.eventId()));
        HttpResponse<String> again = post("/api/v1/purchases", json(viaKafka));
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(body(again).get("status").asString()).isEqualTo("DUPLICATE");
        assertThat(mongo.getDatabase(DATABASE).getCollection(MongoPurchaseLedger.COLLECTION)
                .countDocuments(new Document("_id", viaKafka.eventId()))).isEqualTo(1);
    }

    @Test
    void aRestartedServiceStillKnowsWhatWasRecorded() throws Exception {
        PurchaseSubmitted p = purchase().build();
        assertThat(post("/api/v1/purchases", json(p)).statusCode()).isEqualTo(201);

        // Command-line arguments, so they win over application.yml as the test's dynamic properties do.
        try (ConfigurableApplicationContext restarted = new SpringApplicationBuilder(
                PurchaseIngestionApplication.class).run(
                        "--server.port=0",
                        "--spring.kafka.bootstrap-servers=" + TestInfrastructure.bootstrapServers(),
                        "--spring.mongodb.uri=" + TestInfrastructure.mongoUri(DATABASE),
                        // HTTP only: the first instance keeps the partitions of the listener
                        "--spring.kafka.listener.auto-startup=false")) {
            int restartedPort = restarted.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
            HttpResponse<String> response = HTTP.send(TestTokens.authorized(HttpRequest.newBuilder(
                            URI.create("http://localhost:" + restartedPort + "/api/v1/purchases")), Role.INGEST)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(json(p))).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(body(response).get("status").asString()).isEqualTo("DUPLICATE");
        }
        assertThat(recorded.matching(withEventId(p.eventId()))).hasSize(1);
    }

    // ----------------------------------------------------------------------------------------------- Kafka faults

    @Test
    void badMessagesAreDeadLetteredWithTheirCodeAndConsumptionContinues() {
        String key = "C-dlq-" + UUID.randomUUID();
        byte[] malformed = "{\"eventId\": \"x\", ".getBytes(StandardCharsets.UTF_8);
        PurchaseSubmitted negative = purchase().customerId(key).total("-458.00").build();
        PurchaseSubmitted after = purchase().customerId(key).build();

        ProducerRecord<String, byte[]> withHeader = new ProducerRecord<>(Topics.PURCHASES_INCOMING, key, malformed);
        withHeader.headers().add("ce_id", "malformed-1".getBytes(StandardCharsets.UTF_8));
        producer.send(withHeader);
        produce(key, json(negative));
        produce(key, json(after));

        recorded.awaitOne(withEventId(after.eventId()));
        await().atMost(AWAIT).pollInSameThread()
                .until(() -> deadLetters.matching(r -> key.equals(r.key())).size() == 2);
        List<ConsumerRecord<String, byte[]>> letters = deadLetters.matching(r -> key.equals(r.key()));
        ConsumerRecord<String, byte[]> first = letters.get(0);
        assertThat(first.value()).isEqualTo(malformed);
        assertThat(header(first, "ce_id")).isEqualTo("malformed-1");
        assertThat(header(first, CloudEventHeaders.ERROR_CODE)).isEqualTo("MALFORMED_JSON");
        assertThat(header(first, CloudEventHeaders.ERROR_MESSAGE)).isNotBlank();
        assertThat(Instant.parse(header(first, CloudEventHeaders.FAILED_AT))).isBefore(Instant.now().plusSeconds(1));
        ConsumerRecord<String, byte[]> second = letters.get(1);
        assertThat(second.value()).isEqualTo(json(negative));
        assertThat(header(second, CloudEventHeaders.ERROR_CODE)).isEqualTo("NEGATIVE_AMOUNT");
        assertThat(header(second, CloudEventHeaders.ERROR_MESSAGE)).contains("totalAmount");
        assertThat(recorded.matching(withEventId(negative.eventId()))).isEmpty();
    }

    // ----------------------------------------------------------------------------------------------- HTTP

    @Test
    void aBatchAnswersEachItem() throws Exception {
        PurchaseSubmitted earlier = purchase().build();
        post("/api/v1/purchases", json(earlier));
        PurchaseSubmitted fresh = purchase().build();
        String unknownChannel = new String(json(purchase().build()), StandardCharsets.UTF_8)
                .replace("\"STORE\"", "\"SHOP\"");
        String body = "[" + text(fresh) + "," + text(earlier) + "," + text(purchase().total("1.00").build()) + ","
                + unknownChannel + "," + text(fresh) + "]";

        HttpResponse<String> response = post("/api/v1/purchases/batch", body.getBytes(StandardCharsets.UTF_8));

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode receipt = body(response);
        assertThat(receipt.get("accepted").asInt()).isEqualTo(1);
        assertThat(receipt.get("duplicates").asInt()).isEqualTo(2);
        assertThat(receipt.get("rejected").asInt()).isEqualTo(2);
        JsonNode results = receipt.get("results");
        assertThat(results.get(0).get("status").asString()).isEqualTo("ACCEPTED");
        assertThat(results.get(1).get("status").asString()).isEqualTo("DUPLICATE");
        assertThat(results.get(2).get("code").asString()).isEqualTo("TOTAL_MISMATCH");
        assertThat(results.get(3).get("code").asString()).isEqualTo("UNKNOWN_CHANNEL");
        assertThat(results.get(3).get("eventId").isString()).isTrue();
        assertThat(results.get(4).get("status").asString()).isEqualTo("DUPLICATE");
        recorded.awaitOne(withEventId(fresh.eventId()));
    }

    @Test
    void errorsAreProblemJsonWithACode() throws Exception {
        assertProblem(post("/api/v1/purchases", "{\"eventId\":".getBytes(StandardCharsets.UTF_8)), 400,
                "MALFORMED_JSON");
        assertProblem(post("/api/v1/purchases", new byte[300 * 1024]), 413, "PAYLOAD_TOO_LARGE");
        assertProblem(HTTP.send(TestTokens.authorized(HttpRequest.newBuilder(uri("/api/v1/purchases")), Role.INGEST)
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("hi")).build(), HttpResponse.BodyHandlers.ofString()),
                415, "UNSUPPORTED_MEDIA_TYPE");
        PurchaseSubmitted future = purchase().occurredAt(Instant.now().plus(Duration.ofDays(1))).build();
        HttpResponse<String> rule = post("/api/v1/purchases", json(future));
        assertProblem(rule, 422, "OCCURRED_IN_FUTURE");
        assertThat(body(rule).get("eventId").asString()).isEqualTo(future.eventId());
        assertProblem(post("/api/v1/purchases", json(purchase().currency("CHF").build())), 422,
                "UNSUPPORTED_CURRENCY");
        assertProblem(post("/api/v1/purchases/batch", "{}".getBytes(StandardCharsets.UTF_8)), 400, "MALFORMED_JSON");
        List<PurchaseSubmitted> tooMany = new ArrayList<>();
        PurchaseSubmitted one = purchase().build();
        for (int i = 0; i < 1001; i++) {
            tooMany.add(one);
        }
        assertProblem(post("/api/v1/purchases/batch", json(tooMany)), 413, "BATCH_TOO_LARGE");
    }

    @Test
    void refundsCannotExceedTheirOrderEvenWhenConcurrent() throws Exception {
        PurchaseSubmitted order = purchase().currency("GBP").singleItem(1, "100.00").build();
        assertThat(post("/api/v1/purchases", json(order)).statusCode()).isEqualTo(201);
        assertProblem(post("/api/v1/purchases", json(refundOf("SO-never", "1.00").build())), 422,
                "REFUND_UNKNOWN_ORDER");

        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<Future<HttpResponse<String>>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < 10; i++) {
                byte[] refund = json(refundOf(order.orderId(), "30.00").customerId(order.customerId())
                        .currency("GBP").build());
                answers.add(pool.submit(() -> post("/api/v1/purchases", refund)));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<HttpResponse<String>> answer : answers) {
                statuses.add(answer.get().statusCode());
                if (answer.get().statusCode() == 422) {
                    assertThat(body(answer.get()).get("code").asString()).isEqualTo("REFUND_EXCEEDS_REMAINING");
                }
            }
            assertThat(statuses).filteredOn(s -> s == 201).hasSize(3);
            assertThat(statuses).filteredOn(s -> s == 422).hasSize(7);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theHistoryIsPagedNewestFirst() throws Exception {
        String customer = "C-hist-" + UUID.randomUUID().toString().substring(0, 8);
        for (int day = 1; day <= 5; day++) {
            post("/api/v1/purchases", json(purchase().customerId(customer).eventId(customer + "-" + day)
                    .occurredAt(Instant.parse("2026-10-0" + day + "T08:00:00Z")).build()));
        }
        JsonNode first = body(get("/api/v1/customers/" + customer + "/purchases?size=2"));
        assertThat(first.get("totalElements").asLong()).isEqualTo(5);
        assertThat(first.get("totalPages").asInt()).isEqualTo(3);
        assertThat(first.get("purchases").get(0).get("eventId").asString()).isEqualTo(customer + "-5");
        assertThat(first.get("purchases").get(1).get("eventId").asString()).isEqualTo(customer + "-4");
        PurchaseRecorded stored = ContractJson.mapper().treeToValue(first.get("purchases").get(0),
                PurchaseRecorded.class);
        assertThat(stored.totalAmount()).hasToString("458.00");
        assertThat(stored.items().get(0).unitPrice()).hasToString("249.00");
        assertThat(stored.reportingCurrency()).isEqualTo("CNY");
        JsonNode last = body(get("/api/v1/customers/" + customer + "/purchases?size=2&page=2"));
        assertThat(last.get("purchases")).hasSize(1);
        assertThat(last.get("purchases").get(0).get("eventId").asString()).isEqualTo(customer + "-1");
        assertProblem(get("/api/v1/customers/" + customer + "/purchases?size=101"), 400, "BAD_PARAMETER");
    }

    // ----------------------------------------------------------------------------------------------- outbox

    @Test
    void theRelayPublishesWhatACrashLeftUnpublished() {
        assertThat(relay.isRunning()).isTrue();
        // The "crash": a document recorded in the ledger by an instance whose publish never reached Kafka.
        PurchaseRecorded event = purchase().build().recorded(Instant.now(), new java.math.BigDecimal("458.00"), "CNY");
        Outbox<PurchaseRecorded> crashed = new Outbox<>(
                mongo.getDatabase(DATABASE).getCollection(MongoPurchaseLedger.COLLECTION),
                Contracts.PURCHASE_RECORDED, new ContractEventPublisher(null, "/crashed") {
                    @Override
                    public <T> CompletableFuture<SendResult<String, byte[]>> publish(
                            io.segstream.contracts.EventContract<T> contract, String key, String eventId,
                            Instant time, T payload) {
                        return CompletableFuture.failedFuture(new IllegalStateException("crashed"));
                    }
                }, new OutboxProperties(Duration.ofSeconds(1), false, Duration.ofSeconds(1), Duration.ofSeconds(1),
                10), new SimpleMeterRegistry(), Clock.systemUTC());
        assertThat(crashed.submit(new OutboxRecord<>(event.eventId(), event.customerId(), event.occurredAt(), event,
                new Document("customerId", event.customerId())))).isEqualTo(OutboxOutcome.PENDING);

        ConsumerRecord<String, byte[]> message = recorded.awaitOne(withEventId(event.eventId()));

        assertThat(ContractJson.mapper().readValue(message.value(), PurchaseRecorded.class)).isEqualTo(event);
        assertThat(header(message, CloudEventHeaders.SOURCE)).isEqualTo("/segstream/purchase-ingestion");
    }

    @Test
    void metricsArePublishedForPrometheus() throws Exception {
        PurchaseSubmitted p = purchase().channel(io.segstream.contracts.Channel.MARKETPLACE).build();
        post("/api/v1/purchases", json(p));
        post("/api/v1/purchases", json(p));
        post("/api/v1/purchases", json(purchase().channel(io.segstream.contracts.Channel.MARKETPLACE)
                .total("1.00").build()));

        String metrics = get("/actuator/prometheus", Role.METRICS).body();

        assertThat(metrics).containsPattern(
                "segstream_purchases_accepted_total\\{[^}]*channel=\"MARKETPLACE\"[^}]*path=\"http\"[^}]*} 1");
        assertThat(metrics).containsPattern(
                "segstream_purchases_duplicates_total\\{[^}]*channel=\"MARKETPLACE\"[^}]*path=\"http\"[^}]*} 1");
        assertThat(metrics).containsPattern("segstream_purchases_rejected_total\\{[^}]*code=\"TOTAL_MISMATCH\"");
        assertThat(metrics).contains("segstream_purchases_processing_seconds_count{");
        assertThat(metrics).contains("segstream_outbox_pending{");
        assertThat(metrics).contains("application=\"purchase-ingestion\"");
    }

    @Test
    void readinessIsUpAndShowsItsComponentsOnlyToOperations() throws Exception {
        HttpResponse<String> anonymous = HTTP.send(HttpRequest.newBuilder(uri("/actuator/health/readiness")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isEqualTo(200);
        assertThat(body(anonymous).get("status").asString()).isEqualTo("UP");
        assertThat(anonymous.body()).doesNotContain("mongo").doesNotContain("kafka");

        HttpResponse<String> operations = get("/actuator/health/readiness", Role.OPS);
        assertThat(operations.statusCode()).isEqualTo(200);
        assertThat(operations.body()).contains("\"mongo\"").contains("\"kafka\"");
        assertThat(get("/actuator/health", Role.ADMIN).body()).contains("\"mongo\"");
    }

    // ----------------------------------------------------------------------------------------------- security

    @Test
    void noEndpointIsOpenByAccident() throws Exception {
        List<EndpointAudit.Endpoint> checked = EndpointAudit.assertNothingOpen(context, port);
        assertThat(checked).extracting(EndpointAudit.Endpoint::toString).contains(
                "POST /api/v1/purchases", "POST /api/v1/purchases/batch", "GET /api/v1/customers/x/purchases",
                "DELETE /api/v1/customers/x", "GET /api/v1/audit", "GET /actuator/prometheus");
    }

    @Test
    void eachRoleCallsOnlyItsEndpoints() throws Exception {
        PurchaseSubmitted p = purchase().build();
        String history = "/api/v1/customers/" + p.customerId() + "/purchases";

        assertProblem(send(HttpRequest.newBuilder(uri(history)).GET(), Role.INGEST), 403, "FORBIDDEN");
        assertProblem(post("/api/v1/purchases", json(p), Role.MARKETING), 403, "FORBIDDEN");
        assertProblem(post("/api/v1/purchases/batch", json(List.of(p)), Role.OPS), 403, "FORBIDDEN");
        assertProblem(send(HttpRequest.newBuilder(uri("/api/v1/purchases")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(json(p)))), 401, "UNAUTHENTICATED");
        assertProblem(send(HttpRequest.newBuilder(uri(history)).header("Authorization", "Bearer not.a.token").GET()),
                401, "INVALID_TOKEN");
        assertThat(recorded.matching(withEventId(p.eventId()))).as("nothing refused was recorded").isEmpty();

        assertThat(post("/api/v1/purchases", json(p), Role.INGEST).statusCode()).isEqualTo(201);
        assertThat(get(history, Role.MARKETING).statusCode()).isEqualTo(200);
        assertThat(get(history, Role.OPS).statusCode()).isEqualTo(200);
        assertThat(get(history, Role.ADMIN).statusCode()).as("ADMIN implies every role").isEqualTo(200);
        assertProblem(get("/actuator/prometheus", Role.MARKETING), 403, "FORBIDDEN");
        assertProblem(get("/api/v1/audit", Role.OPS), 403, "FORBIDDEN");
    }

    // ----------------------------------------------------------------------------------------------- personal data

    @Test
    void personalFieldsAProducerSendsAreNeitherStoredNorPublished() throws Exception {
        String customer = "C-pii-" + UUID.randomUUID().toString().substring(0, 8);
        PurchaseSubmitted viaHttp = purchase().customerId(customer).build();
        PurchaseSubmitted viaKafka = purchase().customerId(customer).build();
        Map<String, String> personal = Map.of(
                "name", "Wang Xiaoming",
                "email", "xiaoming.wang@example.com",
                "phone", "+86 138 0013 8000",
                "address", "88 Century Avenue, Pudong, Shanghai");

        HttpResponse<String> response = post("/api/v1/purchases", withPersonalFields(viaHttp, personal));
        produce(customer, withPersonalFields(viaKafka, personal));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        for (PurchaseSubmitted p : List.of(viaHttp, viaKafka)) {
            String message = new String(recorded.awaitOne(withEventId(p.eventId())).value(), StandardCharsets.UTF_8);
            Document stored = mongo.getDatabase(DATABASE).getCollection(MongoPurchaseLedger.COLLECTION)
                    .find(new Document("_id", p.eventId())).first();
            assertThat(stored).isNotNull();
            String document = stored.toJson();
            for (Map.Entry<String, String> field : personal.entrySet()) {
                assertThat(message).as("published message").doesNotContain("\"" + field.getKey() + "\"")
                        .doesNotContain(field.getValue());
                assertThat(document).as("stored document").doesNotContain("\"" + field.getKey() + "\"")
                        .doesNotContain(field.getValue());
            }
        }
        String history = get("/api/v1/customers/" + customer + "/purchases", Role.MARKETING).body();
        assertThat(history).contains(viaHttp.eventId()).doesNotContain("Wang").doesNotContain("example.com");
    }

    /** The contract JSON of {@code p} with extra top-level fields, as a producer that sends too much would. */
    private static byte[] withPersonalFields(PurchaseSubmitted p, Map<String, String> fields) {
        tools.jackson.databind.node.ObjectNode node = ContractJson.mapper().valueToTree(p);
        fields.forEach(node::put);
        return ContractJson.mapper().writeValueAsBytes(node);
    }

    // ---------------------------------------------------------------------------------------------------------

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    /** A POST as a producer (INGEST). */
    private HttpResponse<String> post(String path, byte[] body) throws Exception {
        return post(path, body, Role.INGEST);
    }

    private HttpResponse<String> post(String path, byte[] body, Role... roles) throws Exception {
        return send(TestTokens.authorized(HttpRequest.newBuilder(uri(path)), roles)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    /** A GET as marketing (MARKETING), the readers of the purchase history. */
    private HttpResponse<String> get(String path) throws Exception {
        return get(path, Role.MARKETING);
    }

    private HttpResponse<String> get(String path, Role... roles) throws Exception {
        return send(TestTokens.authorized(HttpRequest.newBuilder(uri(path)), roles).GET());
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> send(HttpRequest.Builder request, Role... roles) throws Exception {
        return send(TestTokens.authorized(request, roles));
    }

    private static void produce(String key, byte[] value) {
        producer.send(new ProducerRecord<>(Topics.PURCHASES_INCOMING, key, value));
        producer.flush();
    }

    private static byte[] json(Object value) {
        return ContractJson.mapper().writeValueAsBytes(value);
    }

    private static String text(Object value) {
        return new String(json(value), StandardCharsets.UTF_8);
    }

    private static JsonNode body(HttpResponse<String> response) {
        return ContractJson.mapper().readTree(response.body());
    }

    private static void assertProblem(HttpResponse<String> response, int status, String code) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("content-type")).hasValueSatisfying(
                type -> assertThat(type).contains("application/problem+json"));
        assertThat(body(response).get("code").asString()).isEqualTo(code);
    }

}
