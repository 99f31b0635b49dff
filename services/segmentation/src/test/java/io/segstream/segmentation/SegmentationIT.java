package io.segstream.segmentation;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.segstream.contracts.segment.SegmentChanged;
import io.segstream.contracts.segment.SegmentKind;
import io.segstream.contracts.ContractJson;
import io.segstream.contracts.feedback.FeedbackKind;
import io.segstream.contracts.feedback.FeedbackTopic;
import io.segstream.contracts.feedback.Sentiment;
import io.segstream.runtime.security.Role;
import io.segstream.runtime.security.TestTokens;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The service seen from outside: recorded purchases in, segment changes out, profiles over HTTP. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SegmentationIT extends SegmentationIntegrationTest {
    private final HttpClient http = HttpClient.newHttpClient();
    private PurchaseEvents purchases;
    private ChangeLog changes;

    @LocalServerPort
    int port;

    @Autowired
    MeterRegistry meters;

    @Autowired
    MongoTemplate mongo;


    @BeforeAll
    void connect() {
        purchases = new PurchaseEvents();
        changes = new ChangeLog();
    }

    @AfterAll
    void disconnect() {
        purchases.close();
        changes.close();
    }

    @Test
    void aTwoPurchaseHistoryGivesExactlyItsChangesAndRedeliveryGivesNone() throws Exception {
        String customer = "C-" + UUID.randomUUID();
        Instant now = Instant.now();
        Instant first = now.minus(Duration.ofDays(20)).truncatedTo(ChronoUnit.SECONDS);
        Instant second = now.minus(Duration.ofDays(5)).truncatedTo(ChronoUnit.SECONDS);
        var e1 = PurchaseEvents.purchase(customer, "e1-" + customer, first, "100.00");
        var e2 = PurchaseEvents.purchase(customer, "e2-" + customer, second, "58.50");

        purchases.send(e1, e2);

        List<SegmentChanged> seen = changes.awaitChanges(customer, "lifecycle", 2);
        assertThat(seen).hasSize(2);
        assertThat(seen.get(0)).satisfies(change -> {
            assertThat(change.kind()).isEqualTo(SegmentKind.DIMENSION);
            assertThat(change.key()).isEqualTo("lifecycle");
            assertThat(change.from()).isNull();
            assertThat(change.to()).isEqualTo("NEW");
            assertThat(change.definitionVersion()).isEqualTo(1);
            assertThat(change.causedBy()).isEqualTo(e1.eventId());
            assertThat(change.occurredAt()).isEqualTo(first);
            // A day boundary may pass between sending and classifying.
            assertThat(change.profile().recencyDays()).isBetween(20, 21);
            assertThat(change.profile().frequency()).isEqualTo(1);
            assertThat(change.profile().monetary()).isEqualByComparingTo("100.00");
            assertThat(change.profile().rfm()).matches("[1-5]{3}");
        });
        assertThat(seen.get(1)).satisfies(change -> {
            assertThat(change.from()).isEqualTo("NEW");
            assertThat(change.to()).isEqualTo("ACTIVE");
            assertThat(change.causedBy()).isEqualTo(e2.eventId());
            assertThat(change.occurredAt()).isEqualTo(second);
            assertThat(change.profile().recencyDays()).isBetween(5, 6);
            assertThat(change.profile().frequency()).isEqualTo(2);
            assertThat(change.profile().monetary()).isEqualByComparingTo("158.50");
        });
        assertThat(changes.cloudEventIds(customer)).containsSubsequence(seen.get(0).eventId(), seen.get(1).eventId());
        assertThat(changes.readToEnd(customer, "lifecycle")).hasSize(2);
        // Every other dimension classified the customer too, the first time with from = null.
        List<SegmentChanged> all = changes.readToEnd(customer);
        assertThat(all).filteredOn(change -> change.kind() == SegmentKind.DIMENSION && change.from() == null)
                .extracting(SegmentChanged::key).contains("value-tier", "frequency-tier", "lifecycle",
                        "category-preference", "price-sensitivity", "channel-preference", "region", "needs-focus",
                        "satisfaction");
        assertThat(all).filteredOn(change -> change.key().equals("region")).first()
                .satisfies(change -> assertThat(change.to()).isEqualTo("EAST_CHINA"));

        // The view is written behind the stream: it shows both purchases within a flush interval or so.
        await().atMost(Duration.ofSeconds(30)).until(() -> get("/api/v1/customers/" + customer + "/profile")
                .statusCode() == 200 && getJson("/api/v1/customers/" + customer + "/profile", 200)
                .get("orderCount").asInt() == 2);
        JsonNode profile = getJson("/api/v1/customers/" + customer + "/profile", 200);
        assertThat(profile.get("orderCount").asInt()).isEqualTo(2);
        assertThat(profile.get("purchaseDays").asInt()).isEqualTo(2);
        assertThat(profile.get("monetary").asString()).isEqualTo("158.50");
        assertThat(profile.get("firstPurchaseAt").asString()).isEqualTo(first.toString());
        assertThat(profile.get("lastPurchaseAt").asString()).isEqualTo(second.toString());
        assertThat(profile.get("recencyDays").asInt()).isBetween(5, 6);
        assertThat(profile.get("reportingCurrency").asString()).isEqualTo("CNY");

        JsonNode segments = getJson("/api/v1/customers/" + customer + "/segments", 200);
        JsonNode lifecycle = null;
        for (JsonNode membership : segments.get("segments")) {
            if (membership.get("key").asString().equals("lifecycle")) {
                lifecycle = membership;
            }
        }
        assertThat(lifecycle).isNotNull();
        assertThat(lifecycle.get("key").asString()).isEqualTo("lifecycle");
        assertThat(lifecycle.get("class").asString()).isEqualTo("ACTIVE");
        assertThat(lifecycle.get("causedBy").asString()).isEqualTo(e2.eventId());
        assertThat(lifecycle.get("reason").get("purchaseDays").asInt()).isEqualTo(2);

        // Redeliver both, then a third purchase on the same partition: once it shows, the redeliveries were handled.
        double duplicatesBefore = counter("segstream.segmentation.events.duplicates");
        purchases.send(e1, e2, PurchaseEvents.purchase(customer, "e3-" + customer, now, "1.50"));
        await().atMost(Duration.ofSeconds(30)).until(() ->
                getJson("/api/v1/customers/" + customer + "/profile", 200).get("orderCount").asInt() == 3);

        // Nothing caused by the redelivered events was published again (RFM re-scorings, cause "sweep", may follow).
        assertThat(changes.readToEnd(customer)).filteredOn(change -> !change.causedBy().startsWith("e3-")
                && !change.causedBy().equals("sweep")).isEqualTo(all.stream()
                .filter(change -> !change.causedBy().equals("sweep")).toList());
        assertThat(counter("segstream.segmentation.events.duplicates")).isGreaterThanOrEqualTo(duplicatesBefore + 2);
        assertThat(getJson("/api/v1/customers/" + customer + "/profile", 200).get("monetary").asString())
                .isEqualTo("160.00");
    }

    @Test
    void feedbackIsFoldedIntoTheProfileOnceWithoutItsText() throws Exception {
        String customer = "C-" + UUID.randomUUID();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        var nps = PurchaseEvents.feedback(customer, "n1-" + customer, FeedbackKind.NPS_SURVEY,
                now.minus(Duration.ofDays(2)), 3, Sentiment.NEGATIVE, FeedbackTopic.DELIVERY);
        var complaint = PurchaseEvents.feedback(customer, "k1-" + customer, FeedbackKind.COMPLAINT,
                now.minus(Duration.ofDays(1)), null, Sentiment.NEGATIVE, FeedbackTopic.DELIVERY, FeedbackTopic.PRICE);

        purchases.send(nps, complaint);

        List<SegmentChanged> seen = changes.awaitChanges(customer, "lifecycle", 1);
        assertThat(seen.get(0).to()).isEqualTo("PROSPECT");
        assertThat(seen.get(0).causedBy()).isEqualTo(nps.eventId());
        await().atMost(Duration.ofSeconds(30)).until(() -> get("/api/v1/customers/" + customer + "/profile")
                .statusCode() == 200 && getJson("/api/v1/customers/" + customer + "/profile", 200)
                .get("feedback").get("complaints").asInt() == 1);

        // Redelivery, then a referral on the same partition: once it shows, the redeliveries were handled.
        purchases.send(nps, complaint, PurchaseEvents.feedback(customer, "r1-" + customer, FeedbackKind.REFERRAL,
                now, null, Sentiment.POSITIVE));
        await().atMost(Duration.ofSeconds(30)).until(() -> getJson("/api/v1/customers/" + customer + "/profile", 200)
                .get("feedback").get("referralsMade").asInt() == 1);
        JsonNode feedback = getJson("/api/v1/customers/" + customer + "/profile", 200).get("feedback");
        assertThat(feedback.get("npsLatest").asInt()).isEqualTo(3);
        assertThat(feedback.get("npsResponses").asInt()).isEqualTo(1);
        assertThat(feedback.get("complaints").asInt()).isEqualTo(1);
        assertThat(feedback.get("complaintsRecent").asInt()).isEqualTo(1);
        assertThat(feedback.get("topicCounts").get("DELIVERY").asInt()).isEqualTo(2);
        assertThat(feedback.get("topTopic").asString()).isEqualTo("DELIVERY");
        assertThat(changes.readToEnd(customer, "lifecycle")).hasSize(1);
        assertThat(changes.readToEnd(customer, "satisfaction")).extracting(SegmentChanged::to)
                .containsExactly("DETRACTOR");
        assertThat(changes.readToEnd(customer, "needs-focus")).extracting(SegmentChanged::to)
                .containsExactly("DELIVERY");
        assertThat(mongo.getCollection("profiles").find(new org.bson.Document("_id", customer)).first().toJson())
                .doesNotContain("delivery took a week");
    }

    @Test
    void anAudienceIsEnteredWhenItsDimensionsCombineAndTheChangeSaysSo() {
        String customer = "C-" + UUID.randomUUID();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        var bought = PurchaseEvents.discounted(customer, "d1-" + customer, now.minus(Duration.ofDays(3)), "60.00",
                "40.00");
        var unhappy = PurchaseEvents.feedback(customer, "n1-" + customer, FeedbackKind.NPS_SURVEY,
                now.minus(Duration.ofDays(1)), 2, Sentiment.NEGATIVE, FeedbackTopic.PRICE);

        // The purchase first, applied, then the feedback: records of two topics arrive in no fixed order, and the
        // change names the event that completed the audience's condition.
        purchases.send(bought);
        changes.awaitChanges(customer, "price-sensitivity", 1);
        purchases.send(unhappy);

        List<SegmentChanged> entered = changes.awaitChanges(customer, "price-sensitive-detractors", 1);
        assertThat(entered).singleElement().satisfies(change -> {
            assertThat(change.kind()).isEqualTo(SegmentKind.AUDIENCE);
            assertThat(change.from()).isEqualTo("false");
            assertThat(change.to()).isEqualTo("true");
            assertThat(change.causedBy()).isEqualTo(unhappy.eventId());
        });
        assertThat(changes.readToEnd(customer, "price-sensitivity")).extracting(SegmentChanged::to)
                .containsExactly("PRICE_SENSITIVE");
        // Not being in the other audiences was never announced.
        assertThat(changes.readToEnd(customer)).filteredOn(change -> change.kind() == SegmentKind.AUDIENCE)
                .extracting(SegmentChanged::key).containsExactly("price-sensitive-detractors");
    }

    @Test
    void anUnusableRecordIsCountedAndSkippedWithoutBlockingThePartition() throws Exception {
        String customer = "C-" + UUID.randomUUID();
        double rejectedBefore = counter("segstream.segmentation.events.rejected");

        purchases.sendRaw(customer, "bad-" + customer, "{not json".getBytes(StandardCharsets.UTF_8));
        purchases.send(PurchaseEvents.purchase(customer, "ok-" + customer, Instant.now(), "10.00"));

        assertThat(changes.awaitChanges(customer, "lifecycle", 1)).extracting(SegmentChanged::to)
                .containsExactly("NEW");
        assertThat(counter("segstream.segmentation.events.rejected")).isGreaterThanOrEqualTo(rejectedBefore + 1);
    }

    @Test
    void anUnknownCustomerIsA404ProblemWithACode() throws Exception {
        for (String path : List.of("/profile", "/segments")) {
            HttpResponse<String> response = get("/api/v1/customers/C-never-seen" + path);
            assertThat(response.statusCode()).isEqualTo(404);
            assertThat(response.headers().firstValue("content-type")).hasValueSatisfying(
                    type -> assertThat(type).contains("application/problem+json"));
            assertThat(ContractJson.mapper().readTree(response.body()).get("code").asString())
                    .isEqualTo("CUSTOMER_NOT_FOUND");
        }
    }

    @Test
    void publishedChangesAreCountedByDimensionAndClass() {
        String customer = "C-" + UUID.randomUUID();
        double before = meters.find("segstream.segmentation.changes").tag("key", "lifecycle").tag("to", "NEW")
                .counters().stream().mapToDouble(Counter::count).sum();

        purchases.send(PurchaseEvents.purchase(customer, "m1-" + customer, Instant.now(), "5.00"));
        changes.awaitChanges(customer, 1);

        assertThat(meters.get("segstream.segmentation.changes").tag("key", "lifecycle").tag("to", "NEW")
                .tag("cause", "event").counter().count()).isGreaterThanOrEqualTo(before + 1);
        assertThat(meters.get("segstream.segmentation.change.event-age").timer().count()).isPositive();
        // Sizes and the RFM population come from the tasks' summaries, published every summary interval (2 s).
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(meters.find("segstream.segmentation.segment.size").tag("key", "lifecycle").tag("class", "NEW")
                    .gauge()).isNotNull().satisfies(gauge -> assertThat(gauge.value()).isPositive());
            assertThat(meters.get("segstream.segmentation.rfm.population").gauge().value()).isPositive();
        });
        assertThat(meters.get("segstream.segmentation.evaluation.latency").timer().count()).isPositive();
    }

    private double counter(String name) {
        return meters.find(name).counters().stream().mapToDouble(Counter::count).sum();
    }

    private JsonNode getJson(String path, int expectedStatus) throws Exception {
        HttpResponse<String> response = get(path);
        assertThat(response.statusCode()).isEqualTo(expectedStatus);
        return ContractJson.mapper().readTree(response.body());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(TestTokens.authorized(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)),
                Role.MARKETING).build(), HttpResponse.BodyHandlers.ofString());
    }
}
