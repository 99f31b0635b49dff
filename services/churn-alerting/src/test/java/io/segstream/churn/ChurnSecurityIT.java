package io.segstream.churn;

import io.segstream.contracts.purchase.PurchaseRecorded;
import io.segstream.contracts.purchase.PurchaseType;
import io.segstream.contracts.registry.Contracts;
import io.segstream.runtime.security.EndpointAudit;
import io.segstream.runtime.security.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
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
 * Who may do what in churn-alerting: nothing open by accident, the role of each endpoint, and no customer or alert id
 * in the metrics the scraper reads.
 */
class ChurnSecurityIT extends RunningChurnService {

    @Autowired
    ApplicationContext context;

    @Test
    void noEndpointIsOpenByAccident() throws Exception {
        List<EndpointAudit.Endpoint> checked = EndpointAudit.assertNothingOpen(context, port);

        assertThat(checked).extracting(EndpointAudit.Endpoint::toString).contains(
                "GET /api/v1/alerts", "GET /api/v1/alerts/stats", "POST /api/v1/alerts/x/acknowledge",
                "POST /api/v1/alerts/x/resolve", "GET /api/v1/customers/x/churn-risk", "GET /api/v1/churn-model",
                "POST /api/v1/churn-model/fit", "DELETE /api/v1/customers/x", "GET /api/v1/audit",
                "GET /actuator/prometheus", "GET /actuator/health");
    }

    @Test
    void eachRoleReachesItsEndpointsOnly() throws Exception {
        // Reads: ops see alerts; marketing and ops see a customer's churn risk and the model (404s here are answers).
        assertAllowed(get("/api/v1/alerts", Role.OPS));
        assertAllowed(get("/api/v1/alerts/stats", Role.OPS));
        assertAllowed(get("/api/v1/customers/C-nobody/churn-risk", Role.OPS));
        assertAllowed(get("/api/v1/customers/C-nobody/churn-risk", Role.MARKETING));
        assertAllowed(get("/api/v1/churn-model", Role.OPS));
        assertAllowed(get("/api/v1/churn-model", Role.MARKETING));
        assertAllowed(get("/actuator/prometheus", Role.METRICS));
        assertAllowed(get("/actuator/health", Role.OPS));
        // ADMIN implies every role.
        assertAllowed(get("/api/v1/alerts", Role.ADMIN));
        assertAllowed(get("/api/v1/customers/C-nobody/churn-risk", Role.ADMIN));
        assertAllowed(get("/api/v1/audit", Role.ADMIN));
        assertAllowed(get("/actuator/prometheus", Role.ADMIN));

        assertForbidden(get("/api/v1/alerts", Role.MARKETING));
        assertForbidden(get("/api/v1/alerts/stats", Role.MARKETING));
        assertForbidden(post("/api/v1/alerts/A-unknown/resolve", Role.MARKETING));
        assertForbidden(post("/api/v1/churn-model/fit", Role.MARKETING));
        assertForbidden(get("/api/v1/audit", Role.OPS));
        assertForbidden(delete("/api/v1/customers/C-nobody", Role.OPS));
        assertForbidden(get("/actuator/prometheus", Role.OPS));
        assertForbidden(get("/api/v1/alerts", Role.METRICS));
        assertForbidden(get("/actuator/health", Role.METRICS));
        for (String path : List.of("/api/v1/alerts", "/api/v1/customers/C-nobody/churn-risk", "/api/v1/churn-model",
                "/api/v1/audit", "/actuator/prometheus")) {
            assertForbidden(get(path, Role.INGEST));
        }
        HttpResponse<String> anonymous = get("/api/v1/customers/C-nobody/churn-risk");
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(json(anonymous).get("code").asString()).isEqualTo("UNAUTHENTICATED");
    }

    @Test
    void marketingCannotAcknowledgeAnAlertAndNothingChanges() throws Exception {
        String customer = "C-" + UUID.randomUUID();
        String alertId = raiseOverdueAlert(customer, laterThanTheAlertClock());

        assertForbidden(post("/api/v1/alerts/" + alertId + "/acknowledge", Role.MARKETING));
        assertForbidden(post("/api/v1/alerts/" + alertId + "/resolve", Role.MARKETING));

        JsonNode alert = alertNamed(alertId);
        assertThat(alert.get("acknowledgedAt").isNull()).isTrue();
        assertThat(alert.get("status").asString()).isNotEqualTo("RESOLVED");
        assertThat(json(get("/api/v1/audit?subject=" + alertId, Role.ADMIN)).get("entries").isEmpty()).isTrue();
    }

    @Test
    void opsCannotFitTheModelButAdminCan() throws Exception {
        assertForbidden(post("/api/v1/churn-model/fit", Role.OPS));

        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        int customers = seedPopulation(60, new Random(7), now);
        String asOf = now.toString();
        JsonNode[] fitted = new JsonNode[1];
        await().atMost(PATIENCE).until(() -> {
            HttpResponse<String> response = post("/api/v1/churn-model/fit?asOf=" + asOf, Role.ADMIN);
            assertThat(response.statusCode()).as(response.body()).isNotIn(401, 403);
            fitted[0] = response.statusCode() == 200 ? json(response) : null;
            return fitted[0] != null && fitted[0].get("sampleSize").asLong() >= customers;
        });
        assertThat(fitted[0].get("asOf").asString()).isEqualTo(asOf);
    }

    @Test
    void metricsCarryNoCustomerOrAlertIds() throws Exception {
        String customer = "C-" + UUID.randomUUID();
        String alertId = raiseOverdueAlert(customer, laterThanTheAlertClock());
        assertAllowed(post("/api/v1/alerts/" + alertId + "/acknowledge", Role.OPS));
        assertAllowed(post("/api/v1/alerts/" + alertId + "/resolve", Role.OPS));
        // A rejected record of hers and a redelivery (tagged counters) go through the same meters.
        sendRaw(Contracts.SEGMENT_CHANGED, customer, "bad-" + customer, "{\"customerId\":".getBytes(
                StandardCharsets.UTF_8));
        send(Contracts.SEGMENT_CHANGED, customer, lifecycle(customer, "s1", null, "AT_RISK", Instant.now()));
        send(Contracts.SEGMENT_CHANGED, customer, lifecycle(customer, "marker", null, "ACTIVE", Instant.now()));
        awaitChurnRisk(customer, body -> "ACTIVE".equals(text(body, "lifecycle")));

        HttpResponse<String> scrape = get("/actuator/prometheus", Role.METRICS);

        assertThat(scrape.statusCode()).isEqualTo(200);
        assertThat(scrape.body()).contains("segstream_churn_events_consumed_total")
                .contains("segstream_churn_alerts_resolved_total");
        assertThat(labelValues(scrape.body())).isNotEmpty().doesNotContain(customer, alertId)
                .noneMatch(value -> value.startsWith("C-"));
        assertThat(scrape.body()).doesNotContain(customer).doesNotContain(alertId);
    }

    /** Customers with purchases spread over the last months, enough for a fit; returns how many. */
    private int seedPopulation(int customers, Random random, Instant now) {
        for (int c = 0; c < customers; c++) {
            String customer = "C-pop-" + UUID.randomUUID();
            Instant at = now.minus(Duration.ofDays(200 + random.nextInt(100)));
            List<PurchaseRecorded> purchases = new ArrayList<>();
            int n = 0;
            do {
                purchases.add(purchase(customer, "f" + n++, PurchaseType.PURCHASE, at, "20.00"));
                at = at.plus(Duration.ofDays(3 + random.nextInt(60)));
            } while (at.isBefore(now) && random.nextDouble() < 0.7);
            send(Contracts.PURCHASE_RECORDED, customer, purchases.toArray(PurchaseRecorded[]::new));
        }
        return customers;
    }

    private JsonNode alertNamed(String alertId) throws Exception {
        for (int page = 0; ; page++) {
            JsonNode items = json(get("/api/v1/alerts?size=200&page=" + page, Role.OPS)).get("items");
            if (items.isEmpty()) {
                throw new AssertionError("no alert " + alertId);
            }
            for (JsonNode item : items) {
                if (alertId.equals(item.get("alertId").asString())) {
                    return item;
                }
            }
        }
    }

    private static void assertAllowed(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.uri() + " " + response.body()).isNotIn(401, 403)
                .isLessThan(500);
    }

    private static void assertForbidden(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.uri().toString()).isEqualTo(403);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(json(response).get("code").asString()).isEqualTo("FORBIDDEN");
    }
}
