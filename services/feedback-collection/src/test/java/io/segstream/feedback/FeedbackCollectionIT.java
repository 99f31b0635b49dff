package io.segstream.feedback;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.search.Search;
import io.segstream.contracts.Channel;
import io.segstream.contracts.CloudEventHeaders;
import io.segstream.contracts.ContractJson;
import io.segstream.contracts.Topics;
import io.segstream.contracts.feedback.FeedbackRecorded;
import io.segstream.contracts.feedback.FeedbackSubmitted;
import io.segstream.contracts.feedback.FeedbackTopic;
import io.segstream.contracts.feedback.Sentiment;
import io.segstream.embedded.TestInfrastructure;
import io.segstream.feedback.domain.FeedbackMother;
import io.segstream.runtime.security.Role;
import io.segstream.runtime.security.TestTokens;
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
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * feedback-collection against the real broker and the MongoDB wire server. The service runs as one application
 * context that this class starts itself, so that a test can stop it and start it again on the same database
 * (idempotency across restarts) without a second context consuming the same topic. Every test uses its own
 * customer and event ids; none depends on another. Requests carry local tokens of the role each endpoint needs
 * (access control itself is tested by {@link FeedbackAccessIT}).
 */
class FeedbackCollectionIT {
    private static final String DATABASE = "feedback-collection-it";
    private static final Duration WAIT = Duration.ofSeconds(30);

    private static ConfigurableApplicationContext service;
    private static TopicRecorder recorded;
    private static TopicRecorder deadLetters;
    private static KafkaProducer<String, byte[]> producer;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        service = startService();
        recorded = new TopicRecorder(Topics.FEEDBACK_RECORDED);
        deadLetters = new TopicRecorder(Topics.deadLetterOf(Topics.FEEDBACK_INCOMING));
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestInfrastructure.bootstrapServers(), ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class, ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
                ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 2 * 1024 * 1024));
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (producer != null) {
            producer.close();
        }
        if (recorded != null) {
            recorded.close();
        }
        if (deadLetters != null) {
            deadLetters.close();
        }
        if (service != null) {
            service.close();
        }
    }

    private static ConfigurableApplicationContext startService() {
        // Command-line arguments: they override application.yml (builder properties would not).
        return new SpringApplicationBuilder(FeedbackCollectionApplication.class).run(
                "--server.port=0",
                "--spring.kafka.bootstrap-servers=" + TestInfrastructure.bootstrapServers(),
                "--spring.mongodb.uri=" + TestInfrastructure.mongoUri(DATABASE));
    }

    @Test
    void httpFeedbackIsUnderstoodRecordedAndPublishedWithCloudEventsHeaders() throws Exception {
        String customer = customer();
        FeedbackSubmitted nps = FeedbackMother.nps(3).customerId(customer).occurredAt(minutesAgo(5))
                .text("配送太慢了, delivery took a week").build();

        HttpResponse<String> response = post("/api/v1/feedback", json(nps));

        assertThat(response.statusCode()).isEqualTo(201);
        JsonNode receipt = read(response);
        assertThat(receipt.get("status").asString()).isEqualTo("ACCEPTED");
        assertThat(receipt.get("published").asBoolean()).isTrue();
        assertThat(receipt.at("/understanding/topics/0").asString()).isEqualTo("DELIVERY");
        assertThat(receipt.at("/understanding/sentiment").asString()).isEqualTo("NEGATIVE");
        assertThat(receipt.at("/understanding/sentimentBasis").asString()).isEqualTo("AGREEMENT");
        assertThat(receipt.at("/understanding/matchedRules/0/rule").asString()).startsWith("lexicon/");

        ConsumerRecord<String, byte[]> message = awaitRecorded(nps.eventId());
        assertThat(message.key()).isEqualTo(customer);
        assertThat(TopicRecorder.header(message, CloudEventHeaders.SPEC_VERSION)).isEqualTo("1.0");
        assertThat(TopicRecorder.header(message, CloudEventHeaders.TYPE)).isEqualTo("io.segstream.feedback.recorded.v1");
        assertThat(TopicRecorder.header(message, CloudEventHeaders.SOURCE)).isEqualTo("/segstream/feedback-collection");
        assertThat(TopicRecorder.header(message, CloudEventHeaders.TIME)).isEqualTo(nps.occurredAt().toString());
        assertThat(TopicRecorder.header(message, CloudEventHeaders.CONTENT_TYPE)).isEqualTo("application/json");
        FeedbackRecorded event = ContractJson.mapper().readValue(message.value(), FeedbackRecorded.class);
        assertThat(event.topics()).containsExactly(FeedbackTopic.DELIVERY);
        assertThat(event.sentiment()).isEqualTo(Sentiment.NEGATIVE);
        assertThat(event.recordedAt()).isNotNull();
        // The free text stays here (segstream.feedback.publish-text defaults to false): not in the message at all.
        assertThat(event.text()).isNull();
        assertThat(new String(message.value(), StandardCharsets.UTF_8)).doesNotContain("delivery took a week")
                .doesNotContain("配送太慢了");
        assertThat(read(get("/api/v1/customers/" + customer + "/feedback")).at("/items/0/text").asString())
                .as("kept in the service's view").isEqualTo(nps.text());
    }

    @Test
    void personalDataFieldsAProducerSendsAreDroppedNeitherStoredNorPublished() throws Exception {
        String customer = customer();
        String viaHttp = "e-pii-http-" + UUID.randomUUID();
        String viaKafka = "e-pii-kafka-" + UUID.randomUUID();
        String template = "{\"eventId\":\"%s\",\"kind\":\"CSAT_SURVEY\",\"customerId\":\"" + customer + "\","
                + "\"occurredAt\":\"" + minutesAgo(4) + "\",\"score\":4,"
                + "\"name\":\"Wang Xiaoming\",\"email\":\"wang.xiaoming@example.com\","
                + "\"phone\":\"+86 138 0013 8000\",\"customer\":{\"name\":\"Wang Xiaoming\"}}";

        assertThat(post("/api/v1/feedback", template.formatted(viaHttp).getBytes(StandardCharsets.UTF_8))
                .statusCode()).isEqualTo(201);
        sendRaw(customer, template.formatted(viaKafka).getBytes(StandardCharsets.UTF_8), viaKafka);

        for (String eventId : List.of(viaHttp, viaKafka)) {
            String published = new String(awaitRecorded(eventId).value(), StandardCharsets.UTF_8);
            Document stored = service.getBean(org.springframework.data.mongodb.MongoDatabaseFactory.class)
                    .getMongoDatabase().getCollection("feedback").find(new Document("_id", eventId)).first();
            assertThat(stored).as("stored " + eventId).isNotNull();
            for (String personal : List.of("Wang Xiaoming", "wang.xiaoming@example.com", "138 0013 8000")) {
                assertThat(stored.toJson()).doesNotContain(personal);
                assertThat(published).doesNotContain(personal);
            }
            assertThat(stored.keySet()).doesNotContain("name", "email", "phone", "customer");
        }
    }

    @Test
    void kafkaFeedbackIsUnderstoodRecordedAndPublished() throws Exception {
        String customer = customer();
        FeedbackSubmitted complaint = FeedbackMother.complaint("客服态度差，问了半天也不回复").customerId(customer)
                .occurredAt(minutesAgo(3)).build();

        send(complaint);

        FeedbackRecorded event = ContractJson.mapper().readValue(awaitRecorded(complaint.eventId()).value(),
                FeedbackRecorded.class);
        assertThat(event.topics()).containsExactly(FeedbackTopic.SERVICE);
        assertThat(event.sentiment()).isEqualTo(Sentiment.NEGATIVE);
        JsonNode page = read(get("/api/v1/customers/" + customer + "/feedback"));
        JsonNode item = page.at("/items/0");
        assertThat(item.get("eventId").asString()).isEqualTo(complaint.eventId());
        assertThat(item.at("/understanding/topicsDerived").asBoolean()).isTrue();
        assertThat(item.at("/understanding/sentimentBasis").asString()).isEqualTo("AGREEMENT");
        assertThat(item.at("/understanding/matchedRules").size()).isGreaterThanOrEqualTo(2);
        assertThat(item.get("severity").asString()).isEqualTo("HIGH");
    }

    @Test
    void theSameEventIdIsOneEventAcrossHttpAndKafka() throws Exception {
        String customer = customer();
        FeedbackSubmitted viaKafka = FeedbackMother.csat(5).customerId(customer).occurredAt(minutesAgo(9)).build();
        FeedbackSubmitted viaHttp = FeedbackMother.csat(1).customerId(customer).occurredAt(minutesAgo(8)).build();
        double kafkaDuplicates = count("segstream.feedback.duplicates", "path", "kafka");

        send(viaKafka);
        awaitRecorded(viaKafka.eventId());
        assertThat(post("/api/v1/feedback", json(viaKafka)).statusCode()).isEqualTo(200);
        HttpResponse<String> again = post("/api/v1/feedback", json(viaKafka));
        assertThat(read(again).get("status").asString()).isEqualTo("DUPLICATE");

        assertThat(post("/api/v1/feedback", json(viaHttp)).statusCode()).isEqualTo(201);
        send(viaHttp);
        await().atMost(WAIT).until(() -> count("segstream.feedback.duplicates", "path", "kafka") > kafkaDuplicates);

        assertThat(recorded.withId(viaKafka.eventId())).hasSize(1);
        assertThat(recorded.withId(viaHttp.eventId())).hasSize(1);
        assertThat(read(get("/api/v1/customers/" + customer + "/feedback")).get("items").size()).isEqualTo(2);
    }

    @Test
    void idempotencySurvivesARestart() throws Exception {
        FeedbackSubmitted first = FeedbackMother.nps(10).customerId(customer()).occurredAt(minutesAgo(20))
                .text("love it 👍").build();
        assertThat(post("/api/v1/feedback", json(first)).statusCode()).isEqualTo(201);
        awaitRecorded(first.eventId());

        service.close();
        service = startService();

        assertThat(read(post("/api/v1/feedback", json(first))).get("status").asString()).isEqualTo("DUPLICATE");
        send(first);
        await().atMost(WAIT).until(() -> count("segstream.feedback.duplicates", "path", "kafka") >= 1);
        assertThat(recorded.withId(first.eventId())).hasSize(1);
    }

    @Test
    void badMessagesAreDeadLetteredWithTheReasonAndConsumptionContinues() throws Exception {
        String key = customer();
        FeedbackSubmitted outOfRange = FeedbackMother.nps(11).customerId(key).occurredAt(minutesAgo(1)).build();
        FeedbackSubmitted selfReferral = FeedbackMother.referral(key).customerId(key).occurredAt(minutesAgo(1)).build();
        FeedbackSubmitted good = FeedbackMother.review(5, "质量很好").customerId(key).occurredAt(minutesAgo(1)).build();
        double deadBefore = count("segstream.dead.letters", "topic", Topics.FEEDBACK_INCOMING);

        sendRaw(key, "{\"eventId\": ".getBytes(StandardCharsets.UTF_8), "bad-json");
        send(outOfRange);
        send(selfReferral);
        sendRaw(key, ("{\"text\":\"" + "x".repeat(300 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8), "too-big");
        send(good);

        awaitRecorded(good.eventId());
        await().atMost(WAIT).until(() -> deadLetters.withKey(key).size() == 4);
        List<ConsumerRecord<String, byte[]>> letters = deadLetters.withKey(key);
        assertThat(letters).extracting(r -> TopicRecorder.header(r, CloudEventHeaders.ERROR_CODE))
                .containsExactlyInAnyOrder("MALFORMED_JSON", "SCORE_OUT_OF_RANGE", "SELF_REFERRAL",
                        "PAYLOAD_TOO_LARGE");
        assertThat(letters).allSatisfy(letter -> {
            assertThat(TopicRecorder.header(letter, CloudEventHeaders.ERROR_MESSAGE)).isNotBlank();
            assertThat(Instant.parse(TopicRecorder.header(letter, CloudEventHeaders.FAILED_AT))).isNotNull();
            assertThat(TopicRecorder.header(letter, CloudEventHeaders.ID)).as("original headers kept").isNotNull();
        });
        ConsumerRecord<String, byte[]> malformed = letters.stream()
                .filter(r -> "bad-json".equals(TopicRecorder.header(r, CloudEventHeaders.ID))).findFirst().orElseThrow();
        assertThat(new String(malformed.value(), StandardCharsets.UTF_8)).as("original value kept")
                .isEqualTo("{\"eventId\": ");
        assertThat(count("segstream.dead.letters", "topic", Topics.FEEDBACK_INCOMING)).isEqualTo(deadBefore + 4);
        assertThat(count("segstream.feedback.rejected", "code", "SELF_REFERRAL")).isGreaterThanOrEqualTo(1);
    }

    @Test
    void aBatchAnswersPerItem() throws Exception {
        String customer = customer();
        FeedbackSubmitted accepted = FeedbackMother.review(2, "Delivery was not on time.").customerId(customer)
                .occurredAt(minutesAgo(2)).build();
        FeedbackSubmitted noScore = FeedbackMother.csat(3).score(null).customerId(customer).occurredAt(minutesAgo(2))
                .build();
        String body = "[" + new String(json(accepted), StandardCharsets.UTF_8) + ","
                + new String(json(accepted), StandardCharsets.UTF_8) + ","
                + new String(json(noScore), StandardCharsets.UTF_8) + ","
                + "{\"eventId\":\"e-kind\",\"kind\":\"NONSENSE\"}]";

        HttpResponse<String> response = post("/api/v1/feedback/batch", body.getBytes(StandardCharsets.UTF_8));

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode receipt = read(response);
        assertThat(receipt.get("accepted").asInt()).isEqualTo(1);
        assertThat(receipt.get("duplicates").asInt()).isEqualTo(1);
        assertThat(receipt.get("rejected").asInt()).isEqualTo(2);
        JsonNode results = receipt.get("results");
        assertThat(results.get(0).get("status").asString()).isEqualTo("ACCEPTED");
        assertThat(results.get(0).at("/topics/0").asString()).isEqualTo("DELIVERY");
        assertThat(results.get(0).get("sentiment").asString()).isEqualTo("NEGATIVE");
        assertThat(results.get(1).get("status").asString()).isEqualTo("DUPLICATE");
        assertThat(results.get(2).get("code").asString()).isEqualTo("SCORE_REQUIRED");
        assertThat(results.get(3).get("code").asString()).isEqualTo("INVALID_FIELD");
        assertThat(results.get(3).get("eventId").asString()).isEqualTo("e-kind");
        assertThat(results.get(3).get("index").asInt()).isEqualTo(3);
        awaitRecorded(accepted.eventId());

        StringBuilder tooMany = new StringBuilder("[");
        for (int i = 0; i <= 1000; i++) {
            tooMany.append(i == 0 ? "" : ",").append("{}");
        }
        HttpResponse<String> refused = post("/api/v1/feedback/batch",
                tooMany.append(']').toString().getBytes(StandardCharsets.UTF_8));
        assertProblem(refused, 413, "BATCH_TOO_LARGE");
        assertProblem(post("/api/v1/feedback/batch", "{}".getBytes(StandardCharsets.UTF_8)), 400, "MALFORMED_JSON");
        assertProblem(post("/api/v1/feedback/batch", "[]".getBytes(StandardCharsets.UTF_8)), 422, "BATCH_EMPTY");
    }

    @Test
    void httpRefusalsAreProblemJsonWithStableCodes() throws Exception {
        String customer = customer();
        assertProblem(post("/api/v1/feedback", "{oops".getBytes(StandardCharsets.UTF_8)), 400, "MALFORMED_JSON");
        assertProblem(post("/api/v1/feedback", "{\"kind\":\"LOVE_LETTER\"}".getBytes(StandardCharsets.UTF_8)), 400,
                "INVALID_FIELD");
        assertProblem(post("/api/v1/feedback", json(FeedbackMother.review(4, null).customerId(customer)
                .occurredAt(minutesAgo(1)).build())), 422, "TEXT_REQUIRED");
        assertProblem(post("/api/v1/feedback", json(FeedbackMother.nps(5).customerId(customer)
                .occurredAt(minutesAgo(1)).text("好".repeat(4001)).build())), 422, "TEXT_TOO_LONG");
        assertProblem(post("/api/v1/feedback", json(FeedbackMother.nps(5).customerId(customer)
                .occurredAt(Instant.now().plus(Duration.ofDays(1))).build())), 422, "OCCURRED_IN_FUTURE");
        assertProblem(post("/api/v1/feedback", ("{\"text\":\"" + "x".repeat(300 * 1024) + "\"}")
                .getBytes(StandardCharsets.UTF_8)), 413, "PAYLOAD_TOO_LARGE");
        HttpResponse<String> wrongType = HTTP.send(TestTokens.authorized(HttpRequest.newBuilder(uri("/api/v1/feedback")),
                        Role.INGEST).header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("hi")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertProblem(wrongType, 415, "UNSUPPORTED_MEDIA_TYPE");
        assertProblem(get("/api/v1/customers/bad%20id/feedback"), 400, "INVALID_ID");
        assertProblem(get("/api/v1/customers/" + customer + "/feedback?size=1000"), 400, "BAD_PARAMETER");
        assertProblem(get("/api/v1/nps?from=2026-11-02&to=2026-11-01"), 400, "INVALID_PERIOD");
        assertProblem(get("/api/v1/nps?from=yesterday&to=2026-11-01"), 400, "INVALID_PERIOD");
        assertProblem(get("/api/v1/nps?to=2026-11-01"), 400, "BAD_PARAMETER");
        assertThat(count("segstream.feedback.rejected", "code", "TEXT_REQUIRED")).isGreaterThanOrEqualTo(1);
    }

    @Test
    void aCustomersFeedbackIsPagedNewestFirst() throws Exception {
        String customer = customer();
        List<String> newestFirst = new ArrayList<>();
        StringBuilder body = new StringBuilder("[");
        for (int i = 0; i < 5; i++) {
            FeedbackSubmitted f = FeedbackMother.csat(4).customerId(customer).occurredAt(minutesAgo(60 - i)).build();
            newestFirst.add(0, f.eventId());
            body.append(i == 0 ? "" : ",").append(new String(json(f), StandardCharsets.UTF_8));
        }
        assertThat(post("/api/v1/feedback/batch", body.append(']').toString().getBytes(StandardCharsets.UTF_8))
                .statusCode()).isEqualTo(200);

        JsonNode first = read(get("/api/v1/customers/" + customer + "/feedback?page=0&size=2"));
        JsonNode last = read(get("/api/v1/customers/" + customer + "/feedback?page=2&size=2"));
        assertThat(List.of(first.at("/items/0/eventId").asString(), first.at("/items/1/eventId").asString()))
                .isEqualTo(newestFirst.subList(0, 2));
        assertThat(first.get("hasMore").asBoolean()).isTrue();
        assertThat(last.get("items").size()).isEqualTo(1);
        assertThat(last.at("/items/0/eventId").asString()).isEqualTo(newestFirst.get(4));
        assertThat(last.get("hasMore").asBoolean()).isFalse();
    }

    @Test
    void npsRollupOverallAndByChannel() throws Exception {
        Instant day = Instant.now().minus(Duration.ofDays(100)).truncatedTo(ChronoUnit.DAYS);
        StringBuilder body = new StringBuilder("[");
        int[][] answers = {{9, 0}, {10, 0}, {7, 0}, {3, 0}, {0, 1}, {8, 1}, {10, 2}};
        Channel[] channels = {Channel.ONLINE, Channel.STORE, null};
        for (int i = 0; i < answers.length; i++) {
            FeedbackSubmitted f = FeedbackMother.nps(answers[i][0]).customerId(customer())
                    .channel(channels[answers[i][1]]).occurredAt(day.plus(Duration.ofHours(i + 1))).build();
            body.append(i == 0 ? "" : ",").append(new String(json(f), StandardCharsets.UTF_8));
        }
        FeedbackSubmitted outside = FeedbackMother.nps(0).customerId(customer()).occurredAt(day.minusSeconds(1))
                .build();
        body.append(',').append(new String(json(outside), StandardCharsets.UTF_8))
                .append(',').append(new String(json(FeedbackMother.csat(1).customerId(customer())
                        .occurredAt(day.plusSeconds(60)).build()), StandardCharsets.UTF_8));
        assertThat(read(post("/api/v1/feedback/batch", body.append(']').toString().getBytes(StandardCharsets.UTF_8)))
                .get("accepted").asInt()).isEqualTo(9);

        JsonNode nps = read(get("/api/v1/nps?from=" + day + "&to=" + day.plus(Duration.ofDays(1))));
        assertThat(nps.at("/overall/promoters").asLong()).isEqualTo(3);
        assertThat(nps.at("/overall/passives").asLong()).isEqualTo(2);
        assertThat(nps.at("/overall/detractors").asLong()).isEqualTo(2);
        assertThat(nps.at("/overall/responses").asLong()).isEqualTo(7);
        assertThat(nps.at("/overall/nps").isNumber()).isTrue();
        assertThat(nps.at("/overall/nps").asDouble()).isEqualTo(14.3);
        assertThat(nps.at("/byChannel/0/channel").asString()).isEqualTo("ONLINE");
        assertThat(nps.at("/byChannel/0/tally/nps").asDouble()).isEqualTo(25.0);
        assertThat(nps.at("/byChannel/1/channel").asString()).isEqualTo("STORE");
        assertThat(nps.at("/byChannel/1/tally/nps").asDouble()).isEqualTo(-50.0);
        assertThat(nps.at("/byChannel/2/channel").isNull()).isTrue();
        assertThat(nps.at("/byChannel/2/tally/promoters").asLong()).isEqualTo(1);

        JsonNode empty = read(get("/api/v1/nps?from=2000-01-01&to=2000-01-02"));
        assertThat(empty.at("/overall/responses").asLong()).isZero();
        assertThat(empty.at("/overall/nps").isNull()).isTrue();
    }

    @Test
    void metricsAndHealthAreExposed() throws Exception {
        assertThat(post("/api/v1/feedback", json(FeedbackMother.nps(9).customerId(customer())
                .occurredAt(minutesAgo(1)).text("great service").build())).statusCode()).isEqualTo(201);
        String prometheus = get("/actuator/prometheus", Role.METRICS).body();
        assertThat(prometheus).contains("segstream_feedback_accepted_total").contains("segstream_feedback_sentiment_total")
                .contains("application=\"feedback-collection\"");
        HttpResponse<String> readiness = get("/actuator/health/readiness", Role.OPS);
        assertThat(readiness.statusCode()).isEqualTo(200);
        assertThat(readiness.body()).contains("\"mongo\"").contains("\"kafka\"");
        HttpResponse<String> probe = HTTP.send(HttpRequest.newBuilder(uri("/actuator/health/readiness")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(probe.statusCode()).as("the probe is open").isEqualTo(200);
        assertThat(probe.body()).as("but shows no details").contains("\"UP\"").doesNotContain("mongo")
                .doesNotContain("kafka");
    }

    // --- helpers ---

    private static String customer() {
        return "C-" + UUID.randomUUID();
    }

    private static Instant minutesAgo(int minutes) {
        return Instant.now().minus(Duration.ofMinutes(minutes));
    }

    private static byte[] json(FeedbackSubmitted feedback) {
        return ContractJson.mapper().writeValueAsBytes(feedback);
    }

    private static void send(FeedbackSubmitted feedback) throws Exception {
        sendRaw(feedback.customerId(), json(feedback), feedback.eventId());
    }

    private static void sendRaw(String key, byte[] value, String ceId) throws Exception {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.FEEDBACK_INCOMING, key, value);
        record.headers().add(CloudEventHeaders.ID, ceId.getBytes(StandardCharsets.UTF_8));
        record.headers().add(CloudEventHeaders.TYPE, "io.segstream.feedback.submitted.v1".getBytes(StandardCharsets.UTF_8));
        producer.send(record).get();
    }

    private static ConsumerRecord<String, byte[]> awaitRecorded(String eventId) {
        await().atMost(WAIT).until(() -> !recorded.withId(eventId).isEmpty());
        return recorded.withId(eventId).get(0);
    }

    private static double count(String name, String tag, String value) {
        MeterRegistry registry = service.getBean(MeterRegistry.class);
        return Search.in(registry).name(name).tag(tag, value).counters().stream()
                .mapToDouble(c -> c.count()).sum();
    }

    private static URI uri(String path) {
        return URI.create("http://localhost:" + service.getEnvironment().getProperty("local.server.port") + path);
    }

    /** As an intake client (INGEST). */
    private static HttpResponse<String> post(String path, byte[] body) throws Exception {
        return HTTP.send(TestTokens.authorized(HttpRequest.newBuilder(uri(path)), Role.INGEST)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** As marketing, the reader of feedback and NPS. */
    private static HttpResponse<String> get(String path) throws Exception {
        return get(path, Role.MARKETING);
    }

    private static HttpResponse<String> get(String path, Role role) throws Exception {
        return HTTP.send(TestTokens.authorized(HttpRequest.newBuilder(uri(path)), role).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode read(HttpResponse<String> response) {
        return ContractJson.mapper().readTree(response.body());
    }

    private static void assertProblem(HttpResponse<String> response, int status, String code) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("content-type")).hasValueSatisfying(
                type -> assertThat(type).contains("application/problem+json"));
        assertThat(read(response).get("code").asString()).isEqualTo(code);
    }
}
