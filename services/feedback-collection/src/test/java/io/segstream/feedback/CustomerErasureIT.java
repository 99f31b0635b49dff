package io.segstream.feedback;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import io.segstream.contracts.Topics;
import io.segstream.contracts.feedback.FeedbackSubmitted;
import io.segstream.feedback.domain.FeedbackMother;
import io.segstream.runtime.audit.AuditTrail;
import io.segstream.runtime.erasure.CustomerDataEraser;
import io.segstream.runtime.erasure.ErasedCustomers;
import io.segstream.runtime.security.Role;
import io.segstream.runtime.security.TestTokens;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.segstream.feedback.RunningService.assertProblem;
import static io.segstream.feedback.RunningService.json;
import static io.segstream.feedback.RunningService.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Erasure of a customer from feedback-collection, end to end: feedback recorded over HTTP and Kafka (and another
 * customer's referral naming them), DELETE /api/v1/customers/{id}, then nothing in any collection of the service's
 * database mentions the customer (besides the tombstone and the audit record, kept on purpose), and the customer's
 * old events are refused (HTTP) or dropped (Kafka) while newer ones are accepted.
 */
class CustomerErasureIT {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static RunningService service;
    private static TopicRecorder recorded;
    private static TopicRecorder deadLetters;

    @BeforeAll
    static void start() {
        service = RunningService.start("feedback-erasure-it");
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
    void anErasedCustomerLeavesNothingBehindAndOnlyTheirNewerEventsAreAccepted() throws Exception {
        String erased = "C-erase-" + UUID.randomUUID();
        String friend = "C-friend-" + UUID.randomUUID();
        Instant before = Instant.now().minus(Duration.ofMinutes(10));
        FeedbackSubmitted httpNps = FeedbackMother.nps(2).customerId(erased).occurredAt(before)
                .text("My name is Li Lei, call me on 13800138000, the delivery was late").build();
        FeedbackSubmitted batchReview = FeedbackMother.review(1, "质量很差").customerId(erased)
                .occurredAt(before.plusSeconds(1)).build();
        FeedbackSubmitted kafkaComplaint = FeedbackMother.complaint("rude staff at the store").customerId(erased)
                .occurredAt(before.plusSeconds(2)).build();
        FeedbackSubmitted referralByThem = FeedbackMother.referral(friend).customerId(erased)
                .occurredAt(before.plusSeconds(3)).build();
        FeedbackSubmitted referralOfThem = FeedbackMother.referral(erased).customerId(friend)
                .occurredAt(before.plusSeconds(4)).build();
        FeedbackSubmitted friendsOwn = FeedbackMother.csat(5).customerId(friend).occurredAt(before).build();

        assertThat(service.post("/api/v1/feedback", json(httpNps), ingest()).statusCode()).isEqualTo(201);
        assertThat(service.post("/api/v1/feedback/batch", ("[" + new String(json(batchReview), StandardCharsets.UTF_8)
                + "]").getBytes(StandardCharsets.UTF_8), ingest()).statusCode()).isEqualTo(200);
        service.send(kafkaComplaint);
        service.send(referralByThem);
        service.send(referralOfThem);
        service.send(friendsOwn);
        for (FeedbackSubmitted f : List.of(httpNps, batchReview, kafkaComplaint, referralByThem, referralOfThem,
                friendsOwn)) {
            await().atMost(WAIT).until(() -> !recorded.withId(f.eventId()).isEmpty());
        }
        assertThat(mentions(service.database(), erased)).as("recorded before the erasure").isNotEmpty();

        HttpResponse<String> delete = service.send("DELETE", "/api/v1/customers/" + erased, null,
                TestTokens.bearer(Role.ADMIN));
        assertThat(delete.statusCode()).as(delete.body()).isEqualTo(202);
        await().atMost(WAIT).until(() -> auditActions(erased).contains("CUSTOMER_ERASED"));

        // Nothing mentions the customer anywhere, nested fields and the outbox included, except the tombstone and
        // the audit records of the erasure (who and when, kept on purpose).
        List<String> left = mentions(service.database(), erased);
        assertThat(left).allSatisfy(where -> assertThat(where).matches(
                "(" + ErasedCustomers.COLLECTION + "|" + AuditTrail.COLLECTION + ")/.*"));
        MongoDatabase db = service.database();
        assertThat(db.getCollection(ErasedCustomers.COLLECTION).countDocuments(new Document("_id", erased)))
                .isEqualTo(1);
        for (Document audit : db.getCollection(AuditTrail.COLLECTION).find(new Document("subject", erased))) {
            assertThat(audit.getString("action")).isIn("CUSTOMER_ERASED", "CUSTOMER_ERASURE_REQUESTED");
        }
        assertThat(left).filteredOn(where -> where.startsWith(AuditTrail.COLLECTION + "/"))
                .hasSizeLessThanOrEqualTo(2);

        JsonNode history = read(service.get("/api/v1/customers/" + erased + "/feedback", marketing()));
        assertThat(history.get("items").size()).isZero();
        JsonNode friends = read(service.get("/api/v1/customers/" + friend + "/feedback", marketing()));
        assertThat(friends.get("items").size()).as("the friend's own feedback stays").isEqualTo(2);
        JsonNode referral = findItem(friends, referralOfThem.eventId());
        assertThat(referral.get("referredCustomerId").isNull()).as("the referral no longer names them").isTrue();

        JsonNode audit = read(service.get("/api/v1/audit?subject=" + erased, TestTokens.bearer(Role.ADMIN)));
        JsonNode erasure = null;
        for (JsonNode entry : audit.get("entries")) {
            if ("CUSTOMER_ERASED".equals(entry.get("action").asString())) {
                erasure = entry;
            }
        }
        assertThat(erasure).isNotNull();
        assertThat(erasure.get("actor").asString()).isEqualTo("test-client");
        assertThat(erasure.at("/detail/removed/feedback").asLong()).isEqualTo(4);
        assertThat(erasure.at("/detail/removed/feedbackReferralsCleared").asLong()).isEqualTo(1);
        assertThat(erasure.toString()).doesNotContain("Li Lei").doesNotContain("delivery");

        // Old events come back: refused over HTTP (single and batch item), dropped from Kafka without a dead letter.
        double suppressedBefore = service.count("segstream.erasure.suppressed", null, null);
        assertProblem(service.post("/api/v1/feedback", json(httpNps), ingest()), 422, "CUSTOMER_ERASED");
        JsonNode batch = read(service.post("/api/v1/feedback/batch", ("[" + new String(json(batchReview),
                StandardCharsets.UTF_8) + "]").getBytes(StandardCharsets.UTF_8), ingest()));
        assertThat(batch.at("/results/0/status").asString()).isEqualTo("REJECTED");
        assertThat(batch.at("/results/0/code").asString()).isEqualTo("CUSTOMER_ERASED");
        service.send(kafkaComplaint);

        // Newer events are a new relationship: accepted on both paths.
        FeedbackSubmitted newerHttp = FeedbackMother.csat(4).customerId(erased).occurredAt(Instant.now()).build();
        assertThat(service.post("/api/v1/feedback", json(newerHttp), ingest()).statusCode()).isEqualTo(201);
        FeedbackSubmitted newerKafka = FeedbackMother.csat(5).customerId(erased).occurredAt(Instant.now()).build();
        service.send(newerKafka);
        await().atMost(WAIT).until(() -> !recorded.withId(newerKafka.eventId()).isEmpty());
        await().atMost(WAIT).until(() -> service.count("segstream.erasure.suppressed", null, null)
                >= suppressedBefore + 3);

        assertThat(recorded.withId(kafkaComplaint.eventId())).as("not recorded again").hasSize(1);
        assertThat(recorded.withId(httpNps.eventId())).hasSize(1);
        assertThat(deadLetters.withKey(erased)).as("dropped, not dead-lettered").isEmpty();
        JsonNode after = read(service.get("/api/v1/customers/" + erased + "/feedback", marketing()));
        assertThat(after.get("items")).extracting(item -> item.get("eventId").asString())
                .containsExactlyInAnyOrder(newerHttp.eventId(), newerKafka.eventId());

        // A late referral (occurred before the erasure) naming them is kept without their id.
        FeedbackSubmitted lateReferral = FeedbackMother.referral(erased).customerId(friend)
                .occurredAt(before.plusSeconds(5)).build();
        service.send(lateReferral);
        await().atMost(WAIT).until(() -> !recorded.withId(lateReferral.eventId()).isEmpty());
        assertThat(findItem(read(service.get("/api/v1/customers/" + friend + "/feedback", marketing())),
                lateReferral.eventId()).get("referredCustomerId").isNull()).isTrue();
        assertThat(mentions(service.database(), erased)).filteredOn(where -> where.startsWith("feedback/"))
                .as("only the newer events").allSatisfy(where -> assertThat(where)
                        .matches("feedback/(" + newerHttp.eventId() + "|" + newerKafka.eventId() + ")/.*"));

        // The runtime's second pass (30 s later) removes what in-flight batches wrote of old events, not newer ones.
        Map<String, Long> secondPass = service.context().getBean(CustomerDataEraser.class)
                .erase(erased, service.context().getBean(ErasedCustomers.class).erasedAt(erased));
        assertThat(secondPass).containsEntry("feedback", 0L).containsEntry("feedbackReferralsCleared", 0L);
        assertThat(read(service.get("/api/v1/customers/" + erased + "/feedback", marketing())).get("items").size())
                .isEqualTo(2);

        // A new erasure request removes what came since.
        assertThat(service.send("DELETE", "/api/v1/customers/" + erased, null, TestTokens.bearer(Role.ADMIN))
                .statusCode()).isEqualTo(202);
        await().atMost(WAIT).until(() -> read(service.get("/api/v1/customers/" + erased + "/feedback", marketing()))
                .get("items").isEmpty());
    }

    /** Every place in the database where {@code value} occurs: "collection/_id/path", keys and nested values too. */
    static List<String> mentions(MongoDatabase db, String value) {
        List<String> found = new ArrayList<>();
        for (String name : db.listCollectionNames()) {
            MongoCollection<Document> collection = db.getCollection(name);
            for (Document document : collection.find()) {
                scan(document, name + "/" + document.get("_id"), value, found);
            }
        }
        return found;
    }

    private static void scan(Object node, String path, String value, List<String> found) {
        if (node instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                String key = String.valueOf(entry.getKey());
                if (key.contains(value)) {
                    found.add(path + "/" + key + " (key)");
                }
                scan(entry.getValue(), path + "/" + key, value, found);
            }
        } else if (node instanceof Collection<?> list) {
            int i = 0;
            for (Object element : list) {
                scan(element, path + "[" + i++ + "]", value, found);
            }
        } else if (node != null && String.valueOf(node).contains(value)) {
            found.add(path);
        }
    }

    private static Set<String> auditActions(String subject) throws Exception {
        JsonNode audit = read(service.get("/api/v1/audit?subject=" + subject, TestTokens.bearer(Role.ADMIN)));
        Set<String> actions = new java.util.HashSet<>();
        audit.get("entries").forEach(entry -> actions.add(entry.get("action").asString()));
        return actions;
    }

    private static JsonNode findItem(JsonNode page, String eventId) {
        for (JsonNode item : page.get("items")) {
            if (eventId.equals(item.get("eventId").asString())) {
                return item;
            }
        }
        throw new AssertionError("no item " + eventId);
    }

    private static String ingest() {
        return TestTokens.bearer(Role.INGEST);
    }

    private static String marketing() {
        return TestTokens.bearer(Role.MARKETING);
    }
}
