package io.segstream.churn;

import io.segstream.contracts.CloudEventHeaders;
import io.segstream.contracts.ContractJson;
import io.segstream.contracts.Topics;
import io.segstream.contracts.Channel;
import io.segstream.contracts.churn.AlertLevel;
import io.segstream.contracts.churn.AlertStatus;
import io.segstream.contracts.churn.ChurnAlertChanged;
import io.segstream.contracts.churn.ChurnReason;
import io.segstream.contracts.churn.SuggestedAction;
import io.segstream.contracts.feedback.ComplaintSeverity;
import io.segstream.contracts.feedback.FeedbackKind;
import io.segstream.contracts.feedback.FeedbackRecorded;
import io.segstream.contracts.feedback.FeedbackTopic;
import io.segstream.contracts.feedback.Sentiment;
import io.segstream.contracts.purchase.PurchaseRecorded;
import io.segstream.contracts.purchase.PurchaseType;
import io.segstream.contracts.registry.Contracts;
import io.segstream.contracts.segment.SegmentChanged;
import io.segstream.runtime.security.Role;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * churn-alerting seen from outside, against the real broker and the MongoDB wire server: recorded purchases and
 * segment changes published with a plain producer, the activity read back over HTTP with test tokens.
 */
class ChurnAlertingIT extends RunningChurnService {

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
        assertThat(risk.get("level").asString()).isNotBlank();
        assertThat(risk.get("reasons").isArray()).isTrue();

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
        HttpResponse<String> response = get("/api/v1/customers/C-never-seen/churn-risk", Role.MARKETING);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("content-type")).hasValueSatisfying(
                type -> assertThat(type).contains("application/problem+json"));
        assertThat(ContractJson.mapper().readTree(response.body()).get("code").asString())
                .isEqualTo("CUSTOMER_NOT_FOUND");
    }

    @Test
    void readinessIsUpWithKafkaAndMongoAndShowsItsDetailsToOpsOnly() throws Exception {
        HttpResponse<String> response = get("/actuator/health/readiness", Role.OPS);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"mongo\"").contains("\"kafka\"").contains("UP");

        // The probe is open to orchestrators, without details; ADMIN sees them too, MARKETING does not.
        HttpResponse<String> anonymous = get("/actuator/health/readiness");
        assertThat(anonymous.statusCode()).isEqualTo(200);
        assertThat(json(anonymous).get("status").asString()).isEqualTo("UP");
        assertThat(anonymous.body()).doesNotContain("mongo").doesNotContain("kafka");
        assertThat(get("/actuator/health/readiness", Role.ADMIN).body()).contains("\"mongo\"");
        assertThat(get("/actuator/health/readiness", Role.MARKETING).body()).doesNotContain("mongo");
        assertThat(get("/actuator/health", Role.OPS).body()).contains("\"kafka\"");
    }

    @Test
    void aCustomerOverdueAgainstHerOwnRhythmIsAlertedBySweepAndBuyingAgainResolvesItAsAWinBack() throws Exception {
        String customer = "C-" + UUID.randomUUID();
        Instant base = laterThanTheAlertClock();
        PurchaseRecorded[] history = {
                purchase(customer, "h1", PurchaseType.PURCHASE, base.minus(Duration.ofDays(30)), "50.00"),
                purchase(customer, "h2", PurchaseType.PURCHASE, base.minus(Duration.ofDays(20)), "50.00"),
                purchase(customer, "h3", PurchaseType.PURCHASE, base.minus(Duration.ofDays(10)), "50.00"),
                purchase(customer, "h4", PurchaseType.PURCHASE, base, "50.00")};
        send(Contracts.PURCHASE_RECORDED, customer, history);
        awaitChurnRisk(customer, body -> body.get("purchaseCount").asInt() == 4);
        assertThat(alertMessages(customer)).isEmpty();

        // Another customer's event moves the event-time clock 40 days on: nothing happens to this customer, whose
        // median gap is 10 days, but the sweep finds her due through the next-check index.
        String other = "C-" + UUID.randomUUID();
        send(Contracts.PURCHASE_RECORDED, other,
                purchase(other, "o1", PurchaseType.PURCHASE, base.plus(Duration.ofDays(40)), "10.00"));

        List<ChurnAlertChanged> opened = awaitAlertMessages(customer, 1);
        ChurnAlertChanged open = opened.get(0);
        assertThat(open.status()).isEqualTo(AlertStatus.OPEN);
        assertThat(open.reasons()).contains(ChurnReason.OVERDUE_VS_OWN_CADENCE);
        assertThat(open.daysSinceLastPurchase()).isEqualTo(40);
        assertThat(open.level()).isNotEqualTo(AlertLevel.LOW);
        JsonNode listed = json(get("/api/v1/alerts?status=OPEN&size=200", Role.OPS));
        assertThat(listed.get("items").valueStream().map(item -> item.get("alertId").asString()))
                .contains(open.alertId());

        send(Contracts.PURCHASE_RECORDED, customer,
                purchase(customer, "back", PurchaseType.PURCHASE, base.plus(Duration.ofDays(41)), "70.00"));
        List<ChurnAlertChanged> messages = awaitAlertMessages(customer, 2);
        ChurnAlertChanged resolved = messages.get(1);
        assertThat(resolved.alertId()).isEqualTo(open.alertId());
        assertThat(resolved.status()).isEqualTo(AlertStatus.RESOLVED);
        assertThat(resolved.reasons()).containsExactly(ChurnReason.CUSTOMER_RETURNED);
        JsonNode stats = json(get("/api/v1/alerts/stats", Role.OPS));
        assertThat(stats.get("winBacks").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(stats.get("winBackRate").asDouble()).isGreaterThan(0);
        assertThat(counter("segstream.churn.alerts.raised")).isGreaterThanOrEqualTo(1);
        assertThat(counter("segstream.churn.alerts.winbacks")).isGreaterThanOrEqualTo(1);
        assertThat(meters.get("segstream.churn.sweep.duration").timer().count()).isPositive();
        assertThat(meters.find("segstream.churn.alerts.open").gauges()).hasSize(4);

        // Redelivery of everything, then a marker event: no new alert message, and the cooldown holds.
        send(Contracts.PURCHASE_RECORDED, customer, history);
        send(Contracts.SEGMENT_CHANGED, customer,
                lifecycle(customer, "marker", null, "ACTIVE", base.plus(Duration.ofDays(41))));
        awaitChurnRisk(customer, body -> "ACTIVE".equals(text(body, "lifecycle")));
        List<ConsumerRecord<String, byte[]>> records = alertRecords(customer);
        assertThat(records).hasSize(2);
        assertThat(records.stream().map(r -> new String(r.headers().lastHeader(CloudEventHeaders.ID).value(),
                StandardCharsets.UTF_8)).distinct()).hasSize(2);
    }

    @Test
    void anOperatorAcknowledgesAndResolvesAnAlert() throws Exception {
        String customer = "C-" + UUID.randomUUID();
        Instant base = laterThanTheAlertClock();
        send(Contracts.PURCHASE_RECORDED, customer,
                purchase(customer, "h1", PurchaseType.PURCHASE, base.minus(Duration.ofDays(14)), "50.00"),
                purchase(customer, "h2", PurchaseType.PURCHASE, base.minus(Duration.ofDays(7)), "50.00"),
                purchase(customer, "h3", PurchaseType.PURCHASE, base, "50.00"));
        // Her own segment change, a month later: the review it triggers finds her overdue.
        send(Contracts.SEGMENT_CHANGED, customer,
                lifecycle(customer, "s1", null, "AT_RISK", base.plus(Duration.ofDays(30))));
        String alertId = awaitAlertMessages(customer, 1).get(0).alertId();

        JsonNode acknowledged = json(post("/api/v1/alerts/" + alertId + "/acknowledge", Role.OPS));
        assertThat(acknowledged.get("status").asString()).isEqualTo("OPEN");
        assertThat(acknowledged.get("acknowledgedAt").isNull()).isFalse();
        assertThat(acknowledged.get("acknowledgedBy").asString()).isEqualTo(TEST_CLIENT);
        assertThat(acknowledged.get("resolvedBy").isNull()).isTrue();
        // A second acknowledgement changes nothing and is not audited again.
        assertThat(json(post("/api/v1/alerts/" + alertId + "/acknowledge", Role.OPS)).get("acknowledgedAt"))
                .isEqualTo(acknowledged.get("acknowledgedAt"));

        JsonNode resolved = json(post("/api/v1/alerts/" + alertId + "/resolve", Role.OPS));
        assertThat(resolved.get("status").asString()).isEqualTo("RESOLVED");
        assertThat(resolved.get("winBack").asBoolean()).isFalse();
        assertThat(resolved.get("resolvedBy").asString()).isEqualTo(TEST_CLIENT);
        assertThat(resolved.get("acknowledgedBy").asString()).isEqualTo(TEST_CLIENT);
        JsonNode listed = json(get("/api/v1/alerts?status=RESOLVED&size=200", Role.OPS));
        assertThat(listed.get("items").valueStream().filter(item -> alertId.equals(item.get("alertId").asString())))
                .singleElement().satisfies(item -> assertThat(item.get("resolvedBy").asString())
                        .isEqualTo(TEST_CLIENT));

        // The audit trail: who, when, from which status to which, at which message sequence; no customer id.
        List<JsonNode> audit = json(get("/api/v1/audit?subject=" + alertId, Role.ADMIN)).get("entries")
                .valueStream().toList();
        assertThat(audit).extracting(entry -> entry.get("action").asString())
                .containsExactlyInAnyOrder("ALERT_RESOLVED", "ALERT_ACKNOWLEDGED");
        assertThat(audit).allSatisfy(entry -> {
            assertThat(entry.get("actor").asString()).isEqualTo(TEST_CLIENT);
            assertThat(entry.get("at").asString()).isNotBlank();
            assertThat(entry.toString()).doesNotContain(customer);
        });
        JsonNode resolution = detailOf(audit, "ALERT_RESOLVED");
        assertThat(resolution.get("statusAfter").asString()).isEqualTo("RESOLVED");
        assertThat(resolution.get("statusBefore").asString()).isIn("OPEN", "ESCALATED");
        assertThat(resolution.get("sequenceAfter").asInt()).isEqualTo(resolution.get("sequenceBefore").asInt() + 1);
        JsonNode acknowledgement = detailOf(audit, "ALERT_ACKNOWLEDGED");
        assertThat(acknowledgement.get("statusBefore").asString()).isEqualTo("OPEN");
        assertThat(acknowledgement.get("statusAfter").asString()).isEqualTo("OPEN");
        assertThat(acknowledgement.get("sequenceAfter").asInt()).isEqualTo(1);
        // A sweep may escalate the alert before the operator resolves it: look for the resolution, not for message 2.
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(alertMessages(customer))
                .filteredOn(message -> message.status() == AlertStatus.RESOLVED).singleElement()
                .satisfies(message -> assertThat(message.reasons()).containsExactly(ChurnReason.OPERATOR_RESOLVED)));

        HttpResponse<String> again = post("/api/v1/alerts/" + alertId + "/resolve", Role.OPS);
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(json(again).get("code").asString()).isEqualTo("ILLEGAL_TRANSITION");
        HttpResponse<String> unknown = post("/api/v1/alerts/A-unknown/acknowledge", Role.OPS);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(json(unknown).get("code").asString()).isEqualTo("ALERT_NOT_FOUND");
    }

    @Test
    void aComplaintRaisesAServiceRecoveryAlertAndItsTextIsNeverStored() throws Exception {
        String customer = "C-" + UUID.randomUUID();
        Instant base = laterThanTheAlertClock();
        send(Contracts.PURCHASE_RECORDED, customer,
                purchase(customer, "p1", PurchaseType.PURCHASE, base, "80.00"));
        FeedbackRecorded complaint = new FeedbackRecorded("fb-" + customer, FeedbackKind.COMPLAINT, customer,
                base.plus(Duration.ofHours(1)), null, "the parcel arrived broken", "SO-p1", Channel.ONLINE,
                List.of(FeedbackTopic.DELIVERY), null, ComplaintSeverity.HIGH, "support-tool",
                base.plus(Duration.ofHours(1)), Sentiment.NEGATIVE);
        send(Contracts.FEEDBACK_RECORDED, customer, complaint, complaint);

        ChurnAlertChanged open = awaitAlertMessages(customer, 1).get(0);
        assertThat(open.reasons()).contains(ChurnReason.OPEN_COMPLAINTS);
        assertThat(open.suggestedAction()).isEqualTo(SuggestedAction.SERVICE_RECOVERY);
        Document stored = mongo.getCollection("customer_activity").find(new Document("_id", customer)).first();
        assertThat(stored.getList("feedback", Document.class)).hasSize(1);
        assertThat(stored.toJson()).doesNotContain("parcel arrived broken");
        JsonNode risk = json(get("/api/v1/customers/" + customer + "/churn-risk?asOf="
                + base.plus(Duration.ofHours(2)), Role.MARKETING));
        assertThat(risk.get("level").asString()).isEqualTo(open.level().name());
        assertThat(risk.get("reasons").get(0).get("code").asString()).isEqualTo("OPEN_COMPLAINTS");
        assertThat(risk.get("reasons").get(0).get("figures").get("worstSeverity").asString()).isEqualTo("HIGH");
    }

    @Test
    void theModelIsFittedOnThePopulationOnDemandAndScoresCustomers() throws Exception {
        Random random = new Random(42);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        int customers = 120;
        String last = null;
        for (int c = 0; c < customers; c++) {
            String customer = "C-fit-" + UUID.randomUUID();
            Instant at = now.minus(Duration.ofDays(200 + random.nextInt(100)));
            List<PurchaseRecorded> purchases = new ArrayList<>();
            int n = 0;
            do {
                purchases.add(purchase(customer, "f" + n++, PurchaseType.PURCHASE, at, "20.00"));
                at = at.plus(Duration.ofDays(3 + random.nextInt(60)));
            } while (at.isBefore(now) && random.nextDouble() < 0.7);
            send(Contracts.PURCHASE_RECORDED, customer, purchases.toArray(PurchaseRecorded[]::new));
            last = customer;
        }
        String asOf = now.toString();
        JsonNode[] fitted = new JsonNode[1];
        await().atMost(PATIENCE).until(() -> {
            HttpResponse<String> response = post("/api/v1/churn-model/fit?asOf=" + asOf, Role.ADMIN);
            fitted[0] = response.statusCode() == 200 ? json(response) : null;
            return fitted[0] != null && fitted[0].get("sampleSize").asLong() >= customers;
        });
        JsonNode model = fitted[0];
        for (String parameter : List.of("r", "alpha", "a", "b")) {
            assertThat(model.get("parameters").get(parameter).asDouble()).isPositive();
        }
        assertThat(model.get("parameters").get("timeUnit").asString()).isEqualTo("WEEKS");
        assertThat(model.get("logLikelihood").asDouble()).isNegative();
        assertThat(model.get("asOf").asString()).isEqualTo(asOf);
        assertThat(model.get("fitDurationMs").asLong()).isGreaterThanOrEqualTo(0);

        JsonNode current = json(get("/api/v1/churn-model", Role.MARKETING));
        assertThat(current.get("fittedAt").asString()).isNotBlank();
        assertThat(current.get("sampleSize").asLong()).isGreaterThanOrEqualTo(customers);

        JsonNode risk = json(get("/api/v1/customers/" + last + "/churn-risk", Role.OPS));
        assertThat(risk.get("pAlive").asDouble()).isBetween(0.0, 1.0);
        assertThat(risk.get("riskScore").asDouble()).isBetween(0.0, 1.0);
        assertThat(risk.get("expectedPurchases90d").asDouble())
                .isGreaterThanOrEqualTo(risk.get("expectedPurchases30d").asDouble());
        assertThat(meters.get("segstream.churn.model.age").timeGauge().value()).isGreaterThanOrEqualTo(0);

        // Every fit is audited: who, the as-of instant and the sample size.
        JsonNode entry = json(get("/api/v1/audit?action=CHURN_MODEL_FITTED&subject=churn-model&limit=500",
                Role.ADMIN)).get("entries").valueStream()
                .filter(e -> e.get("detail").get("fittedAt").asString().equals(model.get("fittedAt").asString()))
                .findFirst().orElseThrow();
        assertThat(entry.get("actor").asString()).isEqualTo(TEST_CLIENT);
        assertThat(entry.get("detail").get("asOf").asString()).isEqualTo(asOf);
        assertThat(entry.get("detail").get("sampleSize").asLong()).isEqualTo(model.get("sampleSize").asLong());
        assertThat(entry.get("detail").get("trigger").asString()).isEqualTo("REQUEST");
    }

    private static JsonNode detailOf(List<JsonNode> entries, String action) {
        return entries.stream().filter(entry -> action.equals(entry.get("action").asString())).findFirst()
                .orElseThrow().get("detail");
    }
}
