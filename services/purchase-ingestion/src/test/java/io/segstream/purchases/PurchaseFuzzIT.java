package io.segstream.purchases;

import com.mongodb.client.MongoClient;
import io.segstream.contracts.Channel;
import io.segstream.contracts.CloudEventHeaders;
import io.segstream.contracts.ContractJson;
import io.segstream.contracts.Topics;
import io.segstream.contracts.purchase.PurchaseSubmitted;
import io.segstream.embedded.TestInfrastructure;
import io.segstream.purchases.BadInputs.BadInput;
import io.segstream.purchases.store.MongoPurchaseLedger;
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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

import static io.segstream.purchases.TopicRecorder.header;
import static io.segstream.purchases.domain.PurchaseMother.purchase;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Fuzz test of the edges: several hundred generated bad inputs (see {@link BadInputs}: malformed and truncated JSON,
 * wrong types, huge numbers, nesting beyond the limit, very long strings, unicode edge cases, invalid UTF-8, JSON null,
 * arrays for objects, duplicate keys, batches over 1,000 items, oversize bodies) go to POST /api/v1/purchases,
 * POST /api/v1/purchases/batch and purchases.incoming.v1, interleaved with valid events. Every bad HTTP input must get
 * a 4xx problem+json without a stack trace, every bad element of a batch a per-item rejection, every bad message a
 * dead letter with x-error-code; every valid event must be recorded exactly once (one ledger document, one
 * purchases.recorded.v1 message). The seed is printed and in every failure message; rerun one with
 * {@code -Dsegstream.fuzz.seed=<seed>}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        // the fuzz test is about input, not request rates (PurchaseRateLimitIT tests those)
        "segstream.security.rate-limit.requests-per-second=1000000",
        "segstream.security.rate-limit.burst=1000000"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class PurchaseFuzzIT {
    private static final String DATABASE = "purchase-fuzz-it";
    private static final Duration AWAIT = Duration.ofSeconds(60);
    /** Rounds of a run (about one bad input each); a longer exploration: -Dsegstream.fuzz.rounds=2000. */
    private static final int ROUNDS = Integer.getInteger("segstream.fuzz.rounds", 330);
    /** Valid free text a producer may send in storeId (not ids): it must be stored and published as is, once. */
    private static final String[] ODD_BUT_VALID_TEXT = {"店铺-上海-017", "\u202Eshop", "SH\u0000017", "🛒-017",
            "e\u0301", "\uFEFF", "ﬀ", "ß-straße", "\u200B", "\uD800", "SH-017"};

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
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
                ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 2 * 1024 * 1024));
    }

    @AfterAll
    static void stopWatching() {
        recorded.close();
        deadLetters.close();
        producer.close();
    }

    @Test
    void badInputsAreRefusedEverywhereAndValidEventsBesideThemAreRecordedExactlyOnce() throws Exception {
        long seed = Long.getLong("segstream.fuzz.seed", System.nanoTime());
        System.out.println("PurchaseFuzzIT seed: " + seed + " (rerun with -Dsegstream.fuzz.seed=" + seed + ")");
        Random random = new Random(seed);
        BadInputs bad = new BadInputs(random);
        ServiceClient http = new ServiceClient(port);
        Fuzz run = new Fuzz(seed, http);

        run.fixedCases(bad);
        for (int round = 0; round < ROUNDS; round++) {
            // Bad HTTP bodies are cheap; every bad message costs a dead letter (a synchronous send), so fewer.
            switch (random.nextInt(12)) {
                case 0, 1, 2, 3 -> run.badSingle(bad.single());
                case 4 -> run.badBatch(bad.batchBody());
                case 5 -> run.mixedBatch(random, bad);
                case 6 -> run.badMessage(bad.single());
                case 7 -> run.validSingle(validEvent(random));
                case 8 -> run.validMessage(validEvent(random));
                case 9 -> run.resend(random);
                default -> {
                    run.badSingle(bad.single());
                    run.badMessage(bad.single());
                }
            }
        }
        run.markers();

        run.awaitAndCheck();
    }

    /** The state of one run: what was sent, what is expected. */
    private final class Fuzz {
        private final long seed;
        private final ServiceClient http;
        private final Map<String, PurchaseSubmitted> valid = new LinkedHashMap<>();
        private final Map<String, String> badMessages = new LinkedHashMap<>(); // key -> kind
        private final List<String> markers = new ArrayList<>();
        private int badHttp;
        private int badItems;

        Fuzz(long seed, ServiceClient http) {
            this.seed = seed;
            this.http = http;
        }

        void fixedCases(BadInputs bad) throws Exception {
            HttpResponse<String> tooMany = http.post("/api/v1/purchases/batch", bad.overLongBatch(), Role.INGEST);
            assertRefused(tooMany, "batch of more than 1,000 events");
            assertThat(code(tooMany)).isEqualTo("BATCH_TOO_LARGE");
            byte[] big = oversize(300 * 1024);
            assertThat(code(assertRefused(http.post("/api/v1/purchases", big, Role.INGEST), "300 KB body")))
                    .isEqualTo("PAYLOAD_TOO_LARGE");
            assertThat(code(assertRefused(chunked("/api/v1/purchases", big), "300 KB chunked body")))
                    .isEqualTo("PAYLOAD_TOO_LARGE");
            assertThat(code(assertRefused(chunked("/api/v1/purchases/batch", oversize(8 * 1024 * 1024 + 4096)),
                    "8 MB chunked batch"))).isEqualTo("PAYLOAD_TOO_LARGE");
            for (String type : List.of("text/plain", "application/xml", "application/x-www-form-urlencoded")) {
                HttpResponse<String> response = ServiceClient.send(TestTokens.authorized(HttpRequest.newBuilder(
                                http.uri("/api/v1/purchases")), Role.INGEST).header("Content-Type", type)
                        .POST(HttpRequest.BodyPublishers.ofString("{}")));
                assertThat(code(assertRefused(response, type))).isEqualTo("UNSUPPORTED_MEDIA_TYPE");
            }
            badMessage(new BadInput("300 KB message", big));
            badMessage(new BadInput("empty message", new byte[0]));
            String key = "fuzz-bad-null-" + badMessages.size();
            producer.send(new ProducerRecord<>(Topics.PURCHASES_INCOMING, key, null));
            badMessages.put(key, "null message");
        }

        void badSingle(BadInput input) throws Exception {
            assertRefused(http.post("/api/v1/purchases", input.body(), Role.INGEST), input.toString());
        }

        void badBatch(BadInput input) throws Exception {
            assertRefused(http.post("/api/v1/purchases/batch", input.body(), Role.INGEST), "batch " + input);
        }

        void badMessage(BadInput input) {
            String key = "fuzz-bad-" + badMessages.size();
            producer.send(new ProducerRecord<>(Topics.PURCHASES_INCOMING, key, input.body()));
            badMessages.put(key, input.toString());
        }

        /** A valid array holding valid events and bad elements: 200, each answered on its own. */
        void mixedBatch(Random random, BadInputs bad) throws Exception {
            List<String> elements = new ArrayList<>();
            List<String> kinds = new ArrayList<>();
            for (int i = 0; i < 1 + random.nextInt(4); i++) {
                PurchaseSubmitted event = validEvent(random);
                elements.add(new String(json(event), StandardCharsets.UTF_8));
                kinds.add(event.eventId());
            }
            for (int i = 0; i < 1 + random.nextInt(4); i++) {
                elements.add(bad.batchElement());
                kinds.add(null);
            }
            List<Integer> order = new ArrayList<>();
            for (int i = 0; i < elements.size(); i++) {
                order.add(i);
            }
            Collections.shuffle(order, random);
            String body = order.stream().map(elements::get).collect(Collectors.joining(",", "[", "]"));

            HttpResponse<String> response = http.post("/api/v1/purchases/batch",
                    body.getBytes(StandardCharsets.UTF_8), Role.INGEST);

            assertThat(response.statusCode()).as("seed %d: mixed batch %s -> %s", seed, abbreviate(body),
                    response.body()).isEqualTo(200);
            JsonNode results = ServiceClient.body(response).get("results");
            for (int k = 0; k < order.size(); k++) {
                String eventId = kinds.get(order.get(k));
                JsonNode result = results.get(k);
                if (eventId == null) {
                    badItems++;
                    assertThat(result.get("status").asString()).as("seed %d: bad element %s -> %s", seed,
                            abbreviate(elements.get(order.get(k))), result).isEqualTo("REJECTED");
                    assertThat(result.get("code").asString()).isNotBlank();
                } else {
                    assertThat(result.get("status").asString()).as("seed %d: valid element -> %s", seed, result)
                            .isEqualTo("ACCEPTED");
                    valid.put(eventId, null);
                }
            }
        }

        void validSingle(PurchaseSubmitted event) throws Exception {
            HttpResponse<String> response = http.post("/api/v1/purchases", json(event), Role.INGEST);
            assertThat(response.statusCode()).as("seed %d: valid event %s -> %s", seed, event, response.body())
                    .isIn(201, 202); // 202: recorded, published by the relay
            valid.put(event.eventId(), event);
        }

        void validMessage(PurchaseSubmitted event) {
            producer.send(new ProducerRecord<>(Topics.PURCHASES_INCOMING, event.customerId(), json(event)));
            valid.put(event.eventId(), event);
        }

        /** A valid event sent before, again, by either path: a duplicate, never recorded twice. */
        void resend(Random random) throws Exception {
            List<PurchaseSubmitted> sent = valid.values().stream().filter(java.util.Objects::nonNull).toList();
            if (sent.isEmpty()) {
                return;
            }
            PurchaseSubmitted again = sent.get(random.nextInt(sent.size()));
            if (random.nextBoolean()) {
                producer.send(new ProducerRecord<>(Topics.PURCHASES_INCOMING, again.customerId(), json(again)));
            } else {
                HttpResponse<String> response = http.post("/api/v1/purchases", json(again), Role.INGEST);
                // 200 DUPLICATE, or 201 when its first copy is still in a Kafka poll: recorded once either way
                assertThat(response.statusCode()).as("seed %d: resent %s -> %s", seed, again.eventId(),
                        response.body()).isIn(200, 201);
            }
        }

        /** One valid event per partition, after everything: once they are recorded, everything before them is. */
        void markers() {
            int partitions = producer.partitionsFor(Topics.PURCHASES_INCOMING).size();
            for (int partition = 0; partition < partitions; partition++) {
                PurchaseSubmitted marker = purchase().eventId("fuzz-marker-" + partition + "-" + seed).build();
                producer.send(new ProducerRecord<>(Topics.PURCHASES_INCOMING, partition, marker.customerId(),
                        json(marker)));
                markers.add(marker.eventId());
            }
            producer.flush();
        }

        void awaitAndCheck() {
            List<String> expected = new ArrayList<>(valid.keySet());
            expected.addAll(markers);
            await().atMost(AWAIT).pollInSameThread().until(() -> recordedIds().keySet().containsAll(expected));
            await().atMost(AWAIT).pollInSameThread().until(() -> deadLetterKeys().keySet()
                    .containsAll(badMessages.keySet()));

            int badInputs = badHttp + badItems + badMessages.size();
            System.out.printf("PurchaseFuzzIT seed %d: %d bad HTTP bodies, %d bad batch elements, %d bad messages "
                    + "(%d bad inputs); %d valid events%n", seed, badHttp, badItems, badMessages.size(), badInputs,
                    valid.size());
            assertThat(badInputs).as("bad inputs in this run").isGreaterThanOrEqualTo(300);

            Map<String, Integer> published = recordedIds();
            Map<String, Integer> stored = new HashMap<>();
            mongo.getDatabase(DATABASE).getCollection(MongoPurchaseLedger.COLLECTION).find()
                    .forEach(d -> stored.merge(d.getString("_id"), 1, Integer::sum));
            for (String eventId : expected) {
                assertThat(published.get(eventId)).as("seed %d: purchases.recorded.v1 messages of %s", seed, eventId)
                        .isEqualTo(1);
                assertThat(stored.get(eventId)).as("seed %d: ledger documents of %s", seed, eventId).isEqualTo(1);
            }
            assertThat(stored.keySet()).as("seed %d: nothing but the valid events is recorded", seed)
                    .containsExactlyInAnyOrderElementsOf(expected);
            assertThat(published.keySet()).as("seed %d: nothing but the valid events is published", seed)
                    .containsExactlyInAnyOrderElementsOf(expected);

            Map<String, List<ConsumerRecord<String, byte[]>>> letters = deadLetterKeys();
            for (Map.Entry<String, String> message : badMessages.entrySet()) {
                List<ConsumerRecord<String, byte[]>> copies = letters.get(message.getKey());
                assertThat(copies).as("seed %d: dead letters of %s", seed, message.getValue()).hasSize(1);
                assertThat(header(copies.get(0), CloudEventHeaders.ERROR_CODE))
                        .as("seed %d: x-error-code of %s", seed, message.getValue()).isNotBlank();
            }
            Set<String> validKeys = letters.keySet().stream().filter(key -> !key.startsWith("fuzz-bad-"))
                    .collect(Collectors.toSet());
            assertThat(validKeys).as("seed %d: no valid event is dead-lettered", seed).isEmpty();
        }

        private HttpResponse<String> assertRefused(HttpResponse<String> response, String input) {
            badHttp++;
            assertThat(response.statusCode()).as("seed %d: %s -> %s", seed, input, abbreviate(response.body()))
                    .isBetween(400, 499);
            assertThat(response.headers().firstValue("Content-Type")).as("seed %d: %s content type", seed, input)
                    .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(response.body()).as("seed %d: %s body", seed, input)
                    .doesNotContain("Exception").doesNotContain("\tat ").contains("\"code\"");
            return response;
        }

        private HttpResponse<String> chunked(String path, byte[] body) throws Exception {
            return ServiceClient.send(TestTokens.authorized(HttpRequest.newBuilder(http.uri(path)), Role.INGEST)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))));
        }
    }

    /** A valid purchase of a random channel and shape, sometimes with odd but valid text in storeId. */
    private static PurchaseSubmitted validEvent(Random random) {
        Channel[] channels = Channel.values();
        int quantity = 1 + random.nextInt(5);
        String price = (1 + random.nextInt(999)) + "." + String.format("%02d", random.nextInt(100));
        return purchase().eventId("fuzz-ok-" + java.util.UUID.randomUUID())
                .customerId("C-fuzz-" + random.nextInt(50))
                .channel(channels[random.nextInt(channels.length)])
                .occurredAt(Instant.now().minusSeconds(random.nextInt(86_400 * 365)))
                .singleItem(quantity, price)
                .storeId(ODD_BUT_VALID_TEXT[random.nextInt(ODD_BUT_VALID_TEXT.length)])
                .build();
    }

    private static Map<String, Integer> recordedIds() {
        Map<String, Integer> ids = new HashMap<>();
        for (ConsumerRecord<String, byte[]> record : recorded.all()) {
            ids.merge(header(record, CloudEventHeaders.ID), 1, Integer::sum);
        }
        return ids;
    }

    private static Map<String, List<ConsumerRecord<String, byte[]>>> deadLetterKeys() {
        Map<String, List<ConsumerRecord<String, byte[]>>> byKey = new HashMap<>();
        for (ConsumerRecord<String, byte[]> record : deadLetters.all()) {
            byKey.computeIfAbsent(String.valueOf(record.key()), k -> new ArrayList<>()).add(record);
        }
        return byKey;
    }

    /** A body over the limit: a valid event padded with an unknown field. */
    private static byte[] oversize(int bytes) {
        String event = new String(json(purchase().build()), StandardCharsets.UTF_8);
        return event.replaceFirst("\\{", "{\"padding\":\"" + "x".repeat(bytes) + "\",")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static String code(HttpResponse<String> response) {
        return ServiceClient.body(response).get("code").asString();
    }

    private static byte[] json(Object value) {
        return ContractJson.mapper().writeValueAsBytes(value);
    }

    private static String abbreviate(String text) {
        return text == null || text.length() <= 300 ? text : text.substring(0, 300) + "… (" + text.length() + ")";
    }
}
