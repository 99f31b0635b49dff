package io.segstream.segmentation;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.segstream.contracts.segment.SegmentChanged;
import io.segstream.contracts.segment.SegmentKind;
import io.segstream.contracts.ContractJson;
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

        List<SegmentChanged> seen = changes.awaitChanges(customer, 2);
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
            assertThat(change.profile().rfm()).isNull();
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
        assertThat(changes.cloudEventIds(customer)).containsExactly(seen.get(0).eventId(), seen.get(1).eventId());
        assertThat(changes.readToEnd(customer)).hasSize(2);

        JsonNode profile = getJson("/api/v1/customers/" + customer + "/profile", 200);
        assertThat(profile.get("orderCount").asInt()).isEqualTo(2);
        assertThat(profile.get("purchaseDays").asInt()).isEqualTo(2);
        assertThat(profile.get("monetary").asString()).isEqualTo("158.50");
        assertThat(profile.get("firstPurchaseAt").asString()).isEqualTo(first.toString());
        assertThat(profile.get("lastPurchaseAt").asString()).isEqualTo(second.toString());
        assertThat(profile.get("recencyDays").asInt()).isBetween(5, 6);
        assertThat(profile.get("reportingCurrency").asString()).isEqualTo("CNY");

        JsonNode segments = getJson("/api/v1/customers/" + customer + "/segments", 200);
        JsonNode lifecycle = segments.get("segments").get(0);
        assertThat(lifecycle.get("key").asString()).isEqualTo("lifecycle");
        assertThat(lifecycle.get("class").asString()).isEqualTo("ACTIVE");
        assertThat(lifecycle.get("causedBy").asString()).isEqualTo(e2.eventId());
        assertThat(lifecycle.get("reason").get("purchaseDays").asInt()).isEqualTo(2);

        // Redeliver both, then a third purchase on the same partition: once it shows, the redeliveries were handled.
        double duplicatesBefore = counter("segstream.segmentation.events.duplicates");
        purchases.send(e1, e2, PurchaseEvents.purchase(customer, "e3-" + customer, now, "1.50"));
        await().atMost(Duration.ofSeconds(30)).until(() ->
                getJson("/api/v1/customers/" + customer + "/profile", 200).get("orderCount").asInt() == 3);

        assertThat(changes.readToEnd(customer)).hasSize(2);
        assertThat(counter("segstream.segmentation.events.duplicates")).isGreaterThanOrEqualTo(duplicatesBefore + 2);
        assertThat(getJson("/api/v1/customers/" + customer + "/profile", 200).get("monetary").asString())
                .isEqualTo("160.00");
    }

    @Test
    void anUnusableRecordIsCountedAndSkippedWithoutBlockingThePartition() throws Exception {
        String customer = "C-" + UUID.randomUUID();
        double rejectedBefore = counter("segstream.segmentation.events.rejected");

        purchases.sendRaw(customer, "bad-" + customer, "{not json".getBytes(StandardCharsets.UTF_8));
        purchases.send(PurchaseEvents.purchase(customer, "ok-" + customer, Instant.now(), "10.00"));

        assertThat(changes.awaitChanges(customer, 1)).extracting(SegmentChanged::to).containsExactly("NEW");
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
                .counter().count()).isGreaterThanOrEqualTo(before + 1);
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
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
