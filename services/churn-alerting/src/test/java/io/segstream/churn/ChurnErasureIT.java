package io.segstream.churn;

import io.segstream.contracts.purchase.PurchaseRecorded;
import io.segstream.contracts.purchase.PurchaseType;
import io.segstream.contracts.registry.Contracts;
import io.segstream.runtime.audit.AuditTrail;
import io.segstream.runtime.erasure.CustomerErasure;
import io.segstream.runtime.erasure.ErasedCustomers;
import io.segstream.runtime.security.Role;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Erasure (GDPR art. 17 / PIPL) in churn-alerting: DELETE /api/v1/customers/{id} goes through customers.erasure.v1
 * and leaves no document of the service's database mentioning the customer (the tombstone and the erasure's own audit
 * entries aside); her old events are dropped when redelivered, later ones start a fresh history.
 */
class ChurnErasureIT extends RunningChurnService {
    /** The only documents allowed to name an erased customer: the erasure's own audit entries (who, when). */
    private static final Set<String> ERASURE_ACTIONS = Set.of(CustomerErasure.ERASED, CustomerErasure.REQUESTED);

    @Test
    void anErasedCustomerLeavesNothingBehindAndOnlyLaterEventsStartAFreshHistory() throws Exception {
        String customer = "C-" + UUID.randomUUID();
        // Her whole history lies before the erasure (at the latest ten days ago), so a redelivery is suppressed.
        Instant lastPurchase = Instant.now().minus(Duration.ofDays(40)).truncatedTo(ChronoUnit.SECONDS);
        String alertId = raiseOverdueAlert(customer, lastPurchase);
        PurchaseRecorded old = purchase(customer, "h3", PurchaseType.PURCHASE, lastPurchase, "50.00");
        assertThat(mentions(customer)).as("before the erasure").containsKeys("customer_activity", "customer_alerts");

        HttpResponse<String> accepted = delete("/api/v1/customers/" + customer, Role.ADMIN);

        assertThat(accepted.statusCode()).isEqualTo(202);
        String requestEventId = json(accepted).get("eventId").asString();
        JsonNode erased = await().atMost(PATIENCE).until(() -> auditEntry(customer, CustomerErasure.ERASED),
                entry -> entry != null);
        assertThat(erased.get("actor").asString()).isEqualTo(TEST_CLIENT);
        assertThat(erased.get("detail").get("requestEventId").asString()).isEqualTo(requestEventId);
        assertThat(erased.get("detail").get("removed").get("customer_activity").asLong()).isEqualTo(1);
        assertThat(erased.get("detail").get("removed").get("customer_alerts").asLong()).isEqualTo(1);
        assertThat(mentions(customer)).as("after the erasure").isEmpty();
        HttpResponse<String> risk = get("/api/v1/customers/" + customer + "/churn-risk", Role.OPS);
        assertThat(risk.statusCode()).isEqualTo(404);
        assertThat(json(risk).get("code").asString()).isEqualTo("CUSTOMER_NOT_FOUND");
        assertThat(listedAlerts()).doesNotContain(customer);
        HttpResponse<String> acknowledge = post("/api/v1/alerts/" + alertId + "/acknowledge", Role.OPS);
        assertThat(acknowledge.statusCode()).isEqualTo(404);

        // A redelivered event from before the erasure is dropped and counted, not stored (nor dead-lettered).
        double suppressedBefore = counter("segstream.erasure.suppressed");
        send(Contracts.PURCHASE_RECORDED, customer, old);
        await().atMost(PATIENCE).until(() -> counter("segstream.erasure.suppressed") >= suppressedBefore + 1);
        assertThat(mentions(customer)).as("after a redelivery").isEmpty();

        // The sweep (frequent in these tests) does not bring her back, even with the clock moved far past her old next check.
        String other = "C-" + UUID.randomUUID();
        send(Contracts.PURCHASE_RECORDED, other,
                purchase(other, "o1", PurchaseType.PURCHASE, laterThanTheAlertClock(), "10.00"));
        awaitChurnRisk(other, body -> body.get("purchaseCount").asInt() == 1);
        long sweeps = meters.get("segstream.churn.sweep.duration").timer().count();
        await().atMost(PATIENCE).until(() -> meters.get("segstream.churn.sweep.duration").timer().count()
                >= sweeps + 2);
        assertThat(mentions(customer)).as("after sweeps").isEmpty();
        assertThat(labelValues(get("/actuator/prometheus", Role.METRICS).body())).doesNotContain(customer);

        // An event that occurred after the erasure is a new relationship: a fresh history, nothing of the old one.
        Instant back = Instant.now().plus(Duration.ofMinutes(1)).truncatedTo(ChronoUnit.SECONDS);
        send(Contracts.PURCHASE_RECORDED, customer, purchase(customer, "new", PurchaseType.PURCHASE, back, "9.00"));
        JsonNode fresh = awaitChurnRisk(customer, body -> body.get("purchaseCount").asInt() == 1);
        assertThat(fresh.get("firstPurchaseAt").asString()).isEqualTo(back.toString());
        assertThat(fresh.get("purchaseDays").asInt()).isEqualTo(1);
        assertThat(fresh.get("monetary").asString()).isEqualTo("9.00");
        assertThat(fresh.get("lifecycle").isNull()).isTrue();
    }

    @Test
    void erasingAnUnknownCustomerOrTheSameOneTwiceRemovesNothingMoreAndIsAudited() throws Exception {
        String customer = "C-" + UUID.randomUUID();
        Instant at = Instant.now().minus(Duration.ofDays(3)).truncatedTo(ChronoUnit.SECONDS);
        send(Contracts.PURCHASE_RECORDED, customer, purchase(customer, "p1", PurchaseType.PURCHASE, at, "5.00"));
        awaitChurnRisk(customer, body -> body.get("purchaseCount").asInt() == 1);

        assertThat(delete("/api/v1/customers/" + customer, Role.ADMIN).statusCode()).isEqualTo(202);
        await().atMost(PATIENCE).until(() -> auditEntries(customer, CustomerErasure.ERASED).size() == 1);
        assertThat(delete("/api/v1/customers/" + customer, Role.ADMIN).statusCode()).isEqualTo(202);
        List<JsonNode> both = await().atMost(PATIENCE).until(() -> auditEntries(customer, CustomerErasure.ERASED),
                entries -> entries.size() == 2);

        assertThat(both).extracting(entry -> entry.get("detail").get("removed").get("customer_activity").asLong())
                .containsExactlyInAnyOrder(1L, 0L);
        assertThat(mentions(customer)).isEmpty();
        assertThat(delete("/api/v1/customers/C-never-seen-" + UUID.randomUUID(), Role.ADMIN).statusCode())
                .isEqualTo(202);
        assertThat(delete("/api/v1/customers/" + customer, Role.OPS).statusCode()).isEqualTo(403);
    }

    /**
     * Every document of every collection of the service's database that mentions the customer id anywhere (any
     * string value or field name, nested documents and arrays included), by collection; the tombstone and the
     * erasure's own audit entries, which keep the pseudonymous id by policy, are left out.
     */
    private Map<String, List<Object>> mentions(String customerId) {
        Map<String, List<Object>> found = new java.util.TreeMap<>();
        for (String collection : mongo.getCollectionNames()) {
            for (Document document : mongo.getCollection(collection).find()) {
                if (ErasedCustomers.COLLECTION.equals(collection) && customerId.equals(document.get("_id"))) {
                    assertThat(document.keySet()).as("the tombstone holds the id and times only")
                            .containsOnly("_id", "erasedAt", "processedAt", "rechecked");
                    continue;
                }
                if (AuditTrail.COLLECTION.equals(collection)
                        && ERASURE_ACTIONS.contains(document.getString("action"))) {
                    continue;
                }
                if (mentions(document, customerId)) {
                    found.computeIfAbsent(collection, c -> new ArrayList<>()).add(document.get("_id"));
                }
            }
        }
        return found;
    }

    private static boolean mentions(Object value, String customerId) {
        if (value instanceof Map<?, ?> map) {
            return map.entrySet().stream().anyMatch(e -> String.valueOf(e.getKey()).contains(customerId)
                    || mentions(e.getValue(), customerId));
        }
        if (value instanceof Iterable<?> items) {
            for (Object item : items) {
                if (mentions(item, customerId)) {
                    return true;
                }
            }
            return false;
        }
        return value != null && String.valueOf(value).contains(customerId);
    }

    /** The customer ids of every listed alert, all pages. */
    private Set<String> listedAlerts() throws Exception {
        Set<String> customers = new HashSet<>();
        for (int page = 0; ; page++) {
            JsonNode items = json(get("/api/v1/alerts?size=200&page=" + page, Role.OPS)).get("items");
            if (items.isEmpty()) {
                return customers;
            }
            items.forEach(item -> customers.add(item.get("customerId").asString()));
        }
    }

    private JsonNode auditEntry(String subject, String action) throws Exception {
        List<JsonNode> entries = auditEntries(subject, action);
        return entries.isEmpty() ? null : entries.get(0);
    }

    private List<JsonNode> auditEntries(String subject, String action) throws Exception {
        return json(get("/api/v1/audit?subject=" + subject + "&action=" + action, Role.ADMIN)).get("entries")
                .valueStream().toList();
    }
}
