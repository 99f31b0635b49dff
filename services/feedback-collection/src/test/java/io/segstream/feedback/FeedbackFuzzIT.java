package io.segstream.feedback;

import io.segstream.contracts.CloudEventHeaders;
import io.segstream.contracts.Topics;
import io.segstream.runtime.security.Role;
import io.segstream.runtime.security.TestTokens;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Future;
import java.util.function.Supplier;

import static io.segstream.feedback.RunningService.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.SoftAssertions.assertSoftly;
import static org.awaitility.Awaitility.await;

/**
 * Fuzz-style test of the edges: several hundred generated bad inputs (malformed and truncated JSON, wrong types,
 * huge numbers, nesting beyond the limit, long strings, unicode edge cases, invalid UTF-8, JSON null, arrays for
 * objects, duplicate keys, batches over the limit, oversized bodies, scores out of range, unknown kinds, broken
 * rules) go to POST /api/v1/feedback, POST /api/v1/feedback/batch and feedback.incoming.v1, interleaved with valid
 * events (unicode-rich texts among them, some sent twice). Every bad HTTP input gets a 4xx problem+json without a
 * stack trace, every bad batch item a REJECTED result, every bad Kafka message a dead letter with x-error-code, and
 * every valid event is recorded exactly once: one document, one feedback.recorded.v1 message.
 * <p>
 * The generator is a seeded {@link Random}; the seed is printed, and {@code -Dfuzz.seed=<seed>} replays a run.
 */
class FeedbackFuzzIT {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final int BAD_SINGLE = 150;
    private static final int BAD_BATCH_BODIES = 30;
    private static final int BATCHES_WITH_BAD_ITEMS = 12;
    private static final int BAD_KAFKA = 120;

    private static RunningService service;
    private static TopicRecorder recorded;
    private static TopicRecorder deadLetters;

    @BeforeAll
    static void start() {
        // Rate limits stay on, with room for the fuzz's few hundred requests from one client.
        service = RunningService.start("feedback-fuzz-it", "segstream.security.rate-limit.burst=100000");
        recorded = new TopicRecorder(Topics.FEEDBACK_RECORDED);
        deadLetters = new TopicRecorder(Topics.deadLetterOf(Topics.FEEDBACK_INCOMING));
    }

    @AfterAll
    static void stop() throws InterruptedException {
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

    @Test
    void badInputsGet4xxOrADeadLetterAndEveryValidEventIsRecordedExactlyOnce() throws Exception {
        long seed = Long.getLong("fuzz.seed", System.nanoTime());
        System.out.println("FeedbackFuzzIT seed " + seed + " (replay with -Dfuzz.seed=" + seed + ")");
        Inputs inputs = new Inputs(new Random(seed), "fz" + Long.toHexString(seed));
        String ingest = TestTokens.bearer(Role.INGEST);
        List<String> valid = new ArrayList<>();
        List<String> resend = new ArrayList<>();
        Map<String, String> badKafkaKeys = new LinkedHashMap<>();
        List<Future<?>> sends = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        int badHttp = 0;
        int badItems = 0;

        for (int i = 0; i < BAD_SINGLE; i++) {
            Inputs.Bad bad = inputs.badSingle();
            HttpResponse<String> response = service.send("POST", "/api/v1/feedback", bad.body(), ingest,
                    bad.contentType());
            check(response, bad.what(), failures);
            badHttp++;
            if (inputs.random.nextInt(3) == 0) {
                Inputs.Valid ok = inputs.valid();
                HttpResponse<String> accepted = service.post("/api/v1/feedback", ok.json(), ingest);
                if (accepted.statusCode() != 201 && accepted.statusCode() != 202) {
                    failures.add("valid " + ok.eventId() + " (" + ok.what() + ") got " + accepted.statusCode() + " "
                            + accepted.body());
                }
                valid.add(ok.eventId());
                if (inputs.random.nextInt(5) == 0) {
                    resend.add(new String(ok.json(), StandardCharsets.UTF_8));
                }
            }
        }
        for (int i = 0; i < BAD_BATCH_BODIES; i++) {
            Inputs.Bad bad = inputs.badBatchBody(i);
            check(service.send("POST", "/api/v1/feedback/batch", bad.body(), ingest, bad.contentType()), bad.what(),
                    failures);
            badHttp++;
        }
        for (int b = 0; b < BATCHES_WITH_BAD_ITEMS; b++) {
            StringBuilder body = new StringBuilder("[");
            List<String> expected = new ArrayList<>();
            int items = 5 + inputs.random.nextInt(20);
            for (int i = 0; i < items; i++) {
                body.append(i == 0 ? "" : ",");
                if (inputs.random.nextBoolean()) {
                    Inputs.Valid ok = inputs.valid();
                    body.append(new String(ok.json(), StandardCharsets.UTF_8));
                    expected.add("ACCEPTED " + ok.eventId());
                    valid.add(ok.eventId());
                } else {
                    Inputs.Bad bad = inputs.badItem();
                    body.append(bad.text());
                    expected.add("REJECTED " + bad.what());
                    badItems++;
                }
            }
            HttpResponse<String> response = service.post("/api/v1/feedback/batch",
                    body.append(']').toString().getBytes(StandardCharsets.UTF_8), ingest);
            if (response.statusCode() != 200) {
                failures.add("batch with bad items got " + response.statusCode() + " " + response.body());
                continue;
            }
            JsonNode results = read(response).get("results");
            for (int i = 0; i < expected.size(); i++) {
                String status = results.get(i).get("status").asString();
                if (!expected.get(i).startsWith(status)) {
                    failures.add("batch item " + expected.get(i) + " got " + results.get(i));
                } else if (status.equals("REJECTED") && results.get(i).get("code").asString().isBlank()) {
                    failures.add("batch item " + expected.get(i) + " rejected without a code");
                }
            }
        }
        for (int i = 0; i < BAD_KAFKA; i++) {
            Inputs.Bad bad = inputs.badMessage();
            String key = inputs.prefix + "-bad-" + i;
            badKafkaKeys.put(key, bad.what());
            sends.add(service.sendRaw(key, bad.body(), key));
            if (inputs.random.nextInt(3) == 0) {
                Inputs.Valid ok = inputs.valid();
                sends.add(service.sendRaw(ok.customerId(), ok.json(), ok.eventId()));
                valid.add(ok.eventId());
            }
        }
        for (String again : resend) {
            // The same events again, over the other path: duplicates, never a second record.
            JsonNode event = tools.jackson.databind.json.JsonMapper.shared().readTree(again);
            sends.add(service.sendRaw(event.get("customerId").asString(), again.getBytes(StandardCharsets.UTF_8),
                    event.get("eventId").asString()));
        }
        for (Future<?> send : sends) {
            send.get();
        }
        assertThat(failures).as("HTTP answers to bad and valid inputs").isEmpty();
        System.out.printf("FeedbackFuzzIT: %d bad HTTP bodies, %d bad batch items, %d bad Kafka messages, %d valid "
                + "events (%d sent twice)%n", badHttp, badItems, badKafkaKeys.size(), valid.size(), resend.size());
        assertThat(badHttp + badItems + badKafkaKeys.size()).isGreaterThanOrEqualTo(300);

        await().atMost(WAIT).until(() -> valid.stream().allMatch(id -> !recorded.withId(id).isEmpty())
                && badKafkaKeys.keySet().stream().allMatch(key -> !deadLetters.withKey(key).isEmpty()));
        var feedback = service.database().getCollection("feedback");
        assertSoftly(soft -> {
            for (Map.Entry<String, String> bad : badKafkaKeys.entrySet()) {
                List<ConsumerRecord<String, byte[]>> letters = deadLetters.withKey(bad.getKey());
                soft.assertThat(letters).as("dead letters of %s", bad.getValue()).hasSize(1);
                soft.assertThat(TopicRecorder.header(letters.get(0), CloudEventHeaders.ERROR_CODE))
                        .as("x-error-code of %s", bad.getValue()).isNotBlank();
            }
            for (String eventId : valid) {
                soft.assertThat(recorded.withId(eventId)).as("recorded messages of %s", eventId).hasSize(1);
                soft.assertThat(feedback.countDocuments(new Document("_id", eventId)))
                        .as("documents of %s", eventId).isEqualTo(1);
            }
        });
        assertThat(feedback.countDocuments(new Document("_id", new Document("$regex", "^" + inputs.prefix))))
                .as("nothing but the valid events was stored").isEqualTo(valid.size());
    }

    private static void check(HttpResponse<String> response, String what, List<String> failures) {
        int status = response.statusCode();
        String type = response.headers().firstValue("Content-Type").orElse("");
        String body = response.body();
        if (status < 400 || status >= 500 || !type.startsWith("application/problem+json")
                || body.contains("Exception") || body.contains("\tat ") || !body.contains("\"code\"")) {
            failures.add(what + " -> " + status + " " + type + " " + body.substring(0, Math.min(300, body.length())));
        }
    }

    /** The generator: valid events and, per category, bad inputs built from them. */
    static final class Inputs {
        record Valid(String eventId, String customerId, byte[] json, String what) {
        }

        record Bad(String what, byte[] body, String contentType) {
            Bad(String what, String body) {
                this(what, body.getBytes(StandardCharsets.UTF_8), "application/json");
            }

            String text() {
                return new String(body, StandardCharsets.UTF_8);
            }
        }

        /** Texts a customer may really send: accepted and stored as they are. */
        private static final List<String> TEXTS = List.of("配送太慢了 but the price was fair 👍",
                "great service 😀😀 thanks", "‮reversed text‬ with an RTL override", "tab\tand NUL \u0000 inside",
                "家人👨‍👩‍👧 都喜欢, 质量很好", "e\u0301 combining and ﬁ ligature", "价格太贵", "𠀀𠀁 astral CJK",
                "😀".repeat(4000));
        /** Strings that are no id: the contract's id syntax is letters, digits and . _ : @ - only. */
        private static final List<String> BAD_IDS = List.of("", " ", "has space", "C-\\u0000", "C-\\ud800",
                "C-\\udc00x", "C-\u202eevil", "客户-1", "C-😀", "C-\u200b", "x".repeat(129), "C-\\n", "C/1", "C#1",
                "../etc/passwd", "C-1'; drop");

        final Random random;
        final String prefix;
        private int counter;

        Inputs(Random random, String prefix) {
            this.random = random;
            this.prefix = prefix;
        }

        Valid valid() {
            String eventId = prefix + "-ok-" + counter++;
            String customer = "FZ-" + random.nextInt(25);
            Instant at = Instant.now().minus(1 + random.nextInt(10_000), ChronoUnit.MINUTES);
            String text = pick(TEXTS);
            String body;
            String what;
            switch (random.nextInt(6)) {
                case 0 -> {
                    what = "nps";
                    body = fields(eventId, "NPS_SURVEY", customer, at) + ",\"score\":" + random.nextInt(11)
                            + (random.nextBoolean() ? ",\"text\":" + quote(text) : "");
                }
                case 1 -> {
                    what = "csat";
                    body = fields(eventId, "CSAT_SURVEY", customer, at) + ",\"score\":" + (1 + random.nextInt(5))
                            + ",\"channel\":\"STORE\"";
                }
                case 2 -> {
                    what = "review";
                    body = fields(eventId, "REVIEW", customer, at) + ",\"score\":" + (1 + random.nextInt(5))
                            + ",\"text\":" + quote(text);
                }
                case 3 -> {
                    what = "complaint";
                    body = fields(eventId, "COMPLAINT", customer, at) + ",\"text\":" + quote(text)
                            + ",\"severity\":\"LOW\",\"topics\":[\"SERVICE\"]";
                }
                case 4 -> {
                    what = "ticket";
                    body = fields(eventId, "SUPPORT_TICKET", customer, at) + ",\"orderId\":\"SO-1\"";
                }
                default -> {
                    what = "referral";
                    body = fields(eventId, "REFERRAL", customer, at) + ",\"referredCustomerId\":\"FZ-R-"
                            + random.nextInt(100) + "\"";
                }
            }
            return new Valid(eventId, customer, ("{" + body + "}").getBytes(StandardCharsets.UTF_8), what);
        }

        /** A bad body for POST /api/v1/feedback (also used for Kafka messages). */
        Bad badSingle() {
            int category = random.nextInt(100);
            if (category < 4) {
                return new Bad("oversized body", ("{\"eventId\":\"" + prefix + "-big\",\"text\":\""
                        + "x".repeat(260 * 1024 + random.nextInt(40_000)) + "\"}").getBytes(StandardCharsets.UTF_8),
                        "application/json");
            }
            if (category < 7) {
                return new Bad("not JSON content type", "{}".getBytes(StandardCharsets.UTF_8),
                        pick(List.of("text/plain", "application/xml", "application/x-www-form-urlencoded")));
            }
            return badMessage();
        }

        /** A bad Kafka message value; every one of these is also a bad single HTTP body. */
        Bad badMessage() {
            byte[] validJson = valid().json();
            String good = new String(validJson, StandardCharsets.UTF_8);
            return switch (random.nextInt(17)) {
                case 0 -> {
                    int cut = random.nextInt(validJson.length);
                    byte[] truncated = java.util.Arrays.copyOf(validJson, cut);
                    yield new Bad("truncated at " + cut, truncated, "application/json");
                }
                case 1 -> new Bad("malformed", pick(List.of("{oops", "{\"eventId\": }", "{'eventId':'x'}",
                        "{\"a\":1,}", "[}", "nul", "tru", "{\"eventId\":\"x\"}}", good + " trailing", good + good,
                        "{\"eventId\":\"x\\q\"}", "{\"eventId\":\"unterminated}", "{\"score\":01}", "{\"score\":+1}",
                        "{\"score\":NaN}", "{\"score\":Infinity}", "/* comment */" + good, "# comment\n" + good)));
                case 2 -> new Bad("garbage bytes", garbage(), "application/json");
                case 3 -> wrongType(good);
                case 4 -> hugeNumber(good);
                case 5 -> new Bad("nesting beyond the limit", nested(good));
                case 6 -> longString(good);
                case 7 -> badId(good);
                case 8 -> invalidUtf8(validJson, false);
                case 9 -> new Bad("not an object", pick(List.of("null", "[]", "[" + good + "]", "\"hello\"", "42",
                        "true", "{}", "[null]")));
                case 10 -> new Bad("duplicate key", good.replaceFirst("\\{", "{\"eventId\":\"" + prefix
                        + "-dup\","));
                case 11 -> scoreOutOfRange();
                case 12 -> new Bad("unknown kind", good.replaceFirst("\"kind\":\"[A-Z_]+\"", "\"kind\":"
                        + quote(pick(List.of("LOVE_LETTER", "nps_survey", "", "NPS-SURVEY", "ＮＰＳ_SURVEY", "NPS_SURVEY!")))));
                case 13 -> brokenRule();
                case 14 -> new Bad("text over 4000 characters", "{" + fields(prefix + "-long-" + counter++,
                        "REVIEW", "FZ-1", Instant.now().minusSeconds(60)) + ",\"score\":3,\"text\":"
                        + quote(pick(List.of("a", "好", "😀", "é")).repeat(4001 + random.nextInt(3000))) + "}");
                case 15 -> new Bad("unpaired surrogate", set(good, pick(List.of("text", "orderId", "source")),
                        "\"" + pick(List.of("\\ud800", "ok \\udc00", "\\ude00\\ud83d", "x\\ud83d")) + "\""));
                default -> new Bad("empty body", new byte[0], "application/json");
            };
        }

        /** A bad element of a batch (the batch itself is a JSON array and is answered 200). */
        Bad badItem() {
            for (int attempt = 0; ; attempt++) {
                Bad bad = badMessage();
                // Only elements that keep the array parseable: JSON values that are wrong as feedback.
                if (bad.what().startsWith("wrong type") || bad.what().startsWith("score")
                        || bad.what().startsWith("unknown kind") || bad.what().startsWith("bad id")
                        || bad.what().startsWith("rule") || bad.what().startsWith("huge number 1e")
                        || bad.what().startsWith("text over") || bad.what().startsWith("unpaired")) {
                    return bad;
                }
                if (attempt > 50) {
                    return new Bad("not an object", pick(List.of("null", "42", "\"x\"", "[]", "true")));
                }
            }
        }

        /** A bad body for POST /api/v1/feedback/batch. */
        Bad badBatchBody(int i) {
            String item = new String(valid().json(), StandardCharsets.UTF_8);
            return switch (i % 10) {
                case 0 -> new Bad("batch over 1000 items", "[" + String.join(",",
                        java.util.Collections.nCopies(1001 + random.nextInt(200), "{}")) + "]");
                case 1 -> new Bad("empty batch", "[]");
                case 2 -> new Bad("batch as an object", item);
                case 3 -> new Bad("batch as null", pick(List.of("null", "\"[]\"", "42")));
                case 4 -> new Bad("truncated batch", ("[" + item + "," + item).substring(0,
                        1 + random.nextInt(item.length() * 2)));
                case 5 -> new Bad("batch nested beyond the limit", "[".repeat(17 + random.nextInt(500))
                        + "]".repeat(3));
                case 6 -> new Bad("batch with a duplicate key", "[" + item.replaceFirst("\\{", "{\"eventId\":\"x\",") + "]");
                case 7 -> new Bad("batch with invalid UTF-8", concat("[".getBytes(StandardCharsets.UTF_8),
                        invalidUtf8(item.getBytes(StandardCharsets.UTF_8), true).body(), "]".getBytes(StandardCharsets.UTF_8)),
                        "application/json");
                case 8 -> i == 8 ? new Bad("batch body over 8 MB", ("[{\"text\":\"" + "x".repeat(8 * 1024 * 1024)
                        + "\"}]").getBytes(StandardCharsets.UTF_8), "application/json")
                        : new Bad("batch as text/plain", item.getBytes(StandardCharsets.UTF_8), "text/plain");
                default -> new Bad("empty batch body", new byte[0], "application/json");
            };
        }

        private Bad wrongType(String good) {
            String[][] swaps = {
                    {"score", "\"5\""}, {"score", "true"}, {"score", "5.5"}, {"score", "[]"}, {"score", "{}"},
                    {"score", "1.0"}, {"kind", "3"}, {"kind", "[\"NPS_SURVEY\"]"}, {"occurredAt", "1732180000"},
                    {"occurredAt", "\"yesterday\""}, {"occurredAt", "\"2026-13-45T00:00:00Z\""},
                    {"occurredAt", "\"2026-11-21T10:00:00\""}, {"occurredAt", "true"}, {"customerId", "42"},
                    {"customerId", "[]"}, {"customerId", "{}"}, {"eventId", "7"}, {"eventId", "false"},
                    {"text", "42"}, {"text", "{}"}, {"text", "[\"a\"]"}, {"topics", "\"PRICE\""},
                    {"topics", "[\"NOPE\"]"}, {"topics", "[1]"}, {"topics", "[null]"}, {"topics", "{}"},
                    {"channel", "\"MOON\""}, {"channel", "1"}, {"severity", "\"EXTREME\""},
                    {"referredCustomerId", "{}"}, {"orderId", "[]"}, {"source", "1e3"}};
            String[] swap = swaps[random.nextInt(swaps.length)];
            return new Bad("wrong type " + swap[0] + "=" + swap[1], set(good, swap[0], swap[1]));
        }

        private Bad hugeNumber(String good) {
            String number = pick(List.of("1e400", "-1e400", "1E+99999", "9".repeat(40), "-" + "1".repeat(40),
                    "99999999999", "2147483648", "-2147483649", "1" + "0".repeat(31), "0.0000000000000000001",
                    "4.9e-324"));
            String field = pick(List.of("score", "score", "customerId", "occurredAt", "kind"));
            return new Bad("huge number " + number.substring(0, Math.min(12, number.length())) + " in " + field,
                    set(good, field, number));
        }

        private Bad longString(String good) {
            String field = pick(List.of("customerId", "eventId", "orderId", "source", "referredCustomerId"));
            String value = pick(List.of("x", "好", "😀")).repeat(129 + random.nextInt(5000));
            return new Bad("rule long " + field, set(good, field, quote(value)));
        }

        private Bad badId(String good) {
            String field = pick(List.of("customerId", "eventId"));
            return new Bad("bad id " + field, set(good, field, "\"" + pick(BAD_IDS) + "\""));
        }

        /**
         * @param strict only sequences no decoder accepts; otherwise also an encoded surrogate and an overlong "/",
         *               which a lenient decoder may let through into the eventId (whose syntax then refuses them)
         */
        private Bad invalidUtf8(byte[] json, boolean strict) {
            byte[][] sequences = {{(byte) 0xC3, 0x28}, {(byte) 0xFF}, {(byte) 0x80}, {(byte) 0xE2, (byte) 0x82, 0x28},
                    {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80}, {(byte) 0xFE},
                    {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0xC0, (byte) 0xAF}};
            int choices = strict ? sequences.length - 2 : sequences.length;
            // Inside the value of eventId, which every valid event has near the start.
            String text = new String(json, StandardCharsets.UTF_8);
            int at = text.indexOf("\"eventId\":\"") + 11;
            byte[] prefixBytes = text.substring(0, at).getBytes(StandardCharsets.UTF_8);
            byte[] rest = text.substring(at).getBytes(StandardCharsets.UTF_8);
            return new Bad("invalid UTF-8", concat(prefixBytes, sequences[random.nextInt(choices)], rest),
                    "application/json");
        }

        private Bad scoreOutOfRange() {
            Instant at = Instant.now().minusSeconds(120);
            String id = prefix + "-score-" + counter++;
            String[][] cases = {{"NPS_SURVEY", "11"}, {"NPS_SURVEY", "-1"}, {"NPS_SURVEY", "2147483647"},
                    {"CSAT_SURVEY", "0"}, {"CSAT_SURVEY", "6"}, {"REVIEW", "7"}, {"REVIEW", "-2147483648"},
                    {"SUPPORT_TICKET", "3"}, {"REFERRAL", "10"}};
            String[] c = cases[random.nextInt(cases.length)];
            return new Bad("score " + c[1] + " on " + c[0], "{" + fields(id, c[0], "FZ-2", at) + ",\"score\":" + c[1]
                    + ",\"text\":\"ok\",\"referredCustomerId\":\"FZ-9\"}");
        }

        private Bad brokenRule() {
            Instant at = Instant.now().minusSeconds(300);
            String id = prefix + "-rule-" + counter++;
            List<String> bodies = List.of(
                    "{" + fields(id, "NPS_SURVEY", "FZ-3", at) + "}",
                    "{" + fields(id, "REVIEW", "FZ-3", at) + ",\"score\":4}",
                    "{" + fields(id, "COMPLAINT", "FZ-3", at) + "}",
                    "{" + fields(id, "COMPLAINT", "FZ-3", at) + ",\"text\":\"bad\",\"score\":1}",
                    "{" + fields(id, "REFERRAL", "FZ-3", at) + "}",
                    "{" + fields(id, "REFERRAL", "FZ-3", at) + ",\"referredCustomerId\":\"FZ-3\"}",
                    "{" + fields(id, "CSAT_SURVEY", "FZ-3", at) + ",\"score\":3,\"referredCustomerId\":\"FZ-4\"}",
                    "{" + fields(id, "NPS_SURVEY", "FZ-3", at) + ",\"score\":3,\"severity\":\"HIGH\"}",
                    "{" + fields(id, "NPS_SURVEY", "FZ-3", Instant.now().plus(Duration.ofDays(1))) + ",\"score\":3}",
                    "{" + fields(id, "NPS_SURVEY", "FZ-3", Instant.parse("2001-01-01T00:00:00Z")) + ",\"score\":3}",
                    "{\"kind\":\"NPS_SURVEY\",\"customerId\":\"FZ-3\",\"score\":3,\"occurredAt\":\"" + at + "\"}",
                    "{\"eventId\":\"" + id + "\",\"customerId\":\"FZ-3\",\"score\":3,\"occurredAt\":\"" + at + "\"}",
                    "{\"eventId\":\"" + id + "\",\"kind\":\"NPS_SURVEY\",\"score\":3,\"occurredAt\":\"" + at + "\"}",
                    "{\"eventId\":\"" + id + "\",\"kind\":\"NPS_SURVEY\",\"customerId\":\"FZ-3\",\"score\":3}",
                    "{" + fields(id, "NPS_SURVEY", "FZ-3", at) + ",\"score\":3,\"topics\":[\"PRICE\",null]}",
                    "{\"eventId\":null,\"kind\":null,\"customerId\":null,\"occurredAt\":null}");
            return new Bad("rule " + (bodies.size()), pick(bodies));
        }

        private byte[] garbage() {
            byte[] bytes = new byte[1 + random.nextInt(200)];
            random.nextBytes(bytes);
            bytes[0] = (byte) "{[\"x\u0000".charAt(random.nextInt(5));
            return bytes;
        }

        private String nested(String good) {
            int depth = 17 + random.nextInt(2000);
            String open = random.nextBoolean() ? "[".repeat(depth) : "{\"a\":".repeat(depth);
            String close = open.startsWith("[") ? "]".repeat(depth) : "}".repeat(depth);
            return good.substring(0, good.length() - 1) + ",\"extra\":" + open + "1" + close + "}";
        }

        private static String set(String json, String field, String value) {
            String pattern = "\"" + field + "\":(\"[^\"]*\"|[-0-9.eE+]+|\\[[^\\]]*\\]|true|false|null)";
            if (java.util.regex.Pattern.compile(pattern).matcher(json).find()) {
                return json.replaceFirst(pattern, java.util.regex.Matcher.quoteReplacement("\"" + field + "\":"
                        + value));
            }
            return json.substring(0, json.length() - 1) + ",\"" + field + "\":" + value + "}";
        }

        private static String fields(String eventId, String kind, String customer, Instant at) {
            return "\"eventId\":\"" + eventId + "\",\"kind\":\"" + kind + "\",\"customerId\":\"" + customer
                    + "\",\"occurredAt\":\"" + at + "\"";
        }

        static String quote(String value) {
            StringBuilder out = new StringBuilder("\"");
            for (char c : value.toCharArray()) {
                switch (c) {
                    case '"' -> out.append("\\\"");
                    case '\\' -> out.append("\\\\");
                    default -> {
                        if (c < 0x20) {
                            out.append(String.format("\\u%04x", (int) c));
                        } else {
                            out.append(c);
                        }
                    }
                }
            }
            return out.append('"').toString();
        }

        private <T> T pick(List<T> values) {
            return values.get(random.nextInt(values.size()));
        }

        private static byte[] concat(byte[]... parts) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            for (byte[] part : parts) {
                out.writeBytes(part);
            }
            return out.toByteArray();
        }
    }
}
