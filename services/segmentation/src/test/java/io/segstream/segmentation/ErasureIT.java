package io.segstream.segmentation;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.segstream.contracts.ContractJson;
import io.segstream.contracts.feedback.FeedbackKind;
import io.segstream.contracts.feedback.FeedbackTopic;
import io.segstream.contracts.feedback.Sentiment;
import io.segstream.contracts.purchase.PurchaseRecorded;
import io.segstream.contracts.feedback.FeedbackRecorded;
import io.segstream.contracts.segment.SegmentChanged;
import io.segstream.runtime.audit.AuditTrail;
import io.segstream.runtime.erasure.CustomerDataEraser;
import io.segstream.runtime.erasure.ErasedCustomers;
import io.segstream.runtime.security.Role;
import io.segstream.runtime.security.TestTokens;
import io.segstream.segmentation.domain.DefinitionCatalogue;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Erasure end to end: a customer with purchases and feedback is erased through the DELETE endpoint (its request
 * travels over customers.erasure.v1 like any other service's), and afterwards no document of the service's
 * database mentions the customer, the reads answer 404, the customer is in no member list, size or RFM population,
 * and the erasure is audited. An old event redelivered afterwards is dropped; a newer one starts a fresh profile.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ErasureIT extends SegmentationIntegrationTest {
    /**
     * Kept by design (service-runtime): the tombstone (pseudonymous id and instant, the policy for later events) and
     * the audit log's record of the erasure (who and when, not what).
     */
    private static final Set<String> KEPT_BY_DESIGN = Set.of(ErasedCustomers.COLLECTION, AuditTrail.COLLECTION);
    private final HttpClient http = HttpClient.newHttpClient();
    private PurchaseEvents events;
    private ChangeLog changes;

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    MeterRegistry meters;

    @Autowired
    DefinitionCatalogue catalogue;

    @Autowired
    List<CustomerDataEraser> erasers;

    @Autowired
    ErasedCustomers tombstones;

    @BeforeAll
    void connect() {
        events = new PurchaseEvents();
        changes = new ChangeLog();
    }

    @AfterAll
    void disconnect() {
        events.close();
        changes.close();
    }

    @Test
    void anErasedCustomerLeavesNoTraceAndOnlyLaterEventsStartAFreshProfile() throws Exception {
        String customer = "C-erase-" + UUID.randomUUID();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        PurchaseRecorded first = PurchaseEvents.purchase(customer, "p1-" + customer, now.minus(Duration.ofDays(20)),
                "120.00");
        PurchaseRecorded second = PurchaseEvents.purchase(customer, "p2-" + customer, now.minus(Duration.ofDays(3)),
                "80.00");
        FeedbackRecorded nps = PurchaseEvents.feedback(customer, "f1-" + customer, FeedbackKind.NPS_SURVEY,
                now.minus(Duration.ofDays(2)), 4, Sentiment.NEGATIVE, FeedbackTopic.DELIVERY);
        FeedbackRecorded complaint = PurchaseEvents.feedback(customer, "f2-" + customer, FeedbackKind.COMPLAINT,
                now.minus(Duration.ofDays(1)), null, Sentiment.NEGATIVE, FeedbackTopic.SERVICE);
        events.send(first, second);
        events.send(nps, complaint);
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            HttpResponse<String> profile = send("GET", "/api/v1/customers/" + customer + "/profile", Role.MARKETING);
            return profile.statusCode() == 200 && ContractJson.mapper().readTree(profile.body())
                    .get("feedback").get("complaints").asInt() == 1;
        });
        assertThat(members("region", "EAST_CHINA")).contains(customer);
        // Sizes and the RFM population come from the stream's summaries (every 2 s): wait until they count it.
        await().atMost(Duration.ofSeconds(30)).until(() -> size("region", "EAST_CHINA")
                == members("region", "EAST_CHINA").size());
        long eastChinaBefore = size("region", "EAST_CHINA");
        long populationBefore = catalogue.population().size();
        assertThat(populationBefore).isPositive();
        double suppressedBefore = counter("segstream.erasure.suppressed");
        int changesBefore = changes.readToEnd(customer).size();
        int lifecycleBefore = changes.readToEnd(customer, "lifecycle").size();

        // Only an administrator may erase.
        assertThat(send("DELETE", "/api/v1/customers/" + customer, Role.MARKETING).statusCode()).isEqualTo(403);
        HttpResponse<String> accepted = send("DELETE", "/api/v1/customers/" + customer, Role.ADMIN);
        assertThat(accepted.statusCode()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(30)).until(() ->
                send("GET", "/api/v1/customers/" + customer + "/profile", Role.MARKETING).statusCode() == 404);

        // Nothing in any collection mentions the customer, nested fields and keys included.
        for (String collection : mongo.getCollectionNames()) {
            if (KEPT_BY_DESIGN.contains(collection)) {
                continue;
            }
            List<String> mentions = new ArrayList<>();
            for (Document document : mongo.getCollection(collection).find()) {
                if (document.toJson().contains(customer)) {
                    mentions.add(String.valueOf(document.get("_id")));
                }
            }
            assertThat(mentions).as("documents of %s mentioning the customer", collection).isEmpty();
        }
        for (String path : List.of("/profile", "/segments")) {
            HttpResponse<String> gone = send("GET", "/api/v1/customers/" + customer + path, Role.MARKETING);
            assertThat(gone.statusCode()).isEqualTo(404);
            assertThat(gone.body()).contains("\"code\":\"CUSTOMER_NOT_FOUND\"");
        }
        assertThat(members("region", "EAST_CHINA")).doesNotContain(customer);
        assertThat(members("lifecycle", "ACTIVE")).doesNotContain(customer);
        await().atMost(Duration.ofSeconds(30)).until(() -> size("region", "EAST_CHINA") < eastChinaBefore);
        await().atMost(Duration.ofSeconds(30)).until(() -> catalogue.population().size() == populationBefore - 1);
        // No segment change announces an erasure (marketing systems consume customers.erasure.v1 themselves).
        assertThat(changes.readToEnd(customer)).hasSize(changesBefore);

        // The erasure is audited: who, when, how many records; never what they said.
        JsonNode audit = await().atMost(Duration.ofSeconds(10)).until(() -> ContractJson.mapper().readTree(
                send("GET", "/api/v1/audit?subject=" + customer, Role.ADMIN).body()).get("entries"),
                entries -> entries.toString().contains("CUSTOMER_ERASED"));
        JsonNode erased = null;
        for (JsonNode entry : audit) {
            if (entry.get("action").asString().equals("CUSTOMER_ERASED")) {
                erased = entry;
            }
        }
        assertThat(erased).isNotNull();
        assertThat(erased.get("actor").asString()).isEqualTo("test-client");
        assertThat(erased.get("detail").get("removed").get("profiles").asLong()).isEqualTo(1);
        assertThat(erased.toString()).doesNotContain("delivery took a week").doesNotContain("120.00");

        // Redelivered history, and an event that occurred before the erasure but arrives late: dropped, counted.
        events.send(first, PurchaseEvents.purchase(customer, "late-" + customer, now.minus(Duration.ofDays(4)),
                "15.00"));
        events.send(nps);
        // An event after the erasure: a new relationship, a fresh profile (same partition, so it comes last).
        Instant later = Instant.now().plusSeconds(1).truncatedTo(ChronoUnit.SECONDS);
        events.send(PurchaseEvents.purchase(customer, "new-" + customer, later, "9.90"));
        JsonNode fresh = await().atMost(Duration.ofSeconds(30)).until(() -> {
            HttpResponse<String> profile = send("GET", "/api/v1/customers/" + customer + "/profile", Role.MARKETING);
            return profile.statusCode() == 200 ? ContractJson.mapper().readTree(profile.body()) : null;
        }, profile -> profile != null);
        assertThat(fresh.get("orderCount").asInt()).isEqualTo(1);
        assertThat(fresh.get("monetary").asString()).isEqualTo("9.90");
        assertThat(fresh.get("firstPurchaseAt").asString()).isEqualTo(later.toString());
        assertThat(fresh.get("feedback").get("npsResponses").asInt()).isZero();
        assertThat(counter("segstream.erasure.suppressed")).isGreaterThanOrEqualTo(suppressedBefore + 3);
        // The fresh profile is classified from scratch: its first lifecycle change has no "from".
        SegmentChanged restart = changes.awaitChanges(customer, "lifecycle", lifecycleBefore + 1)
                .get(lifecycleBefore);
        assertThat(restart.causedBy()).isEqualTo("new-" + customer);
        assertThat(restart.from()).isNull();
        assertThat(restart.to()).isEqualTo("NEW");

        // The erasure's second pass keeps the new relationship: it holds nothing from before the erasure.
        for (CustomerDataEraser eraser : erasers) {
            assertThat(eraser.erase(customer, tombstones.erasedAt(customer)).values()).allMatch(count -> count == 0);
        }
        assertThat(send("GET", "/api/v1/customers/" + customer + "/profile", Role.MARKETING).statusCode())
                .isEqualTo(200);
    }

    private List<String> members(String key, String className) throws Exception {
        List<String> ids = new ArrayList<>();
        for (int page = 0; ; page++) {
            HttpResponse<String> response = send("GET", "/api/v1/segments/" + key + "/members?class=" + className
                    + "&size=1000&page=" + page, Role.MARKETING);
            assertThat(response.statusCode()).isEqualTo(200);
            JsonNode found = ContractJson.mapper().readTree(response.body()).get("customerIds");
            found.forEach(id -> ids.add(id.asString()));
            if (found.size() < 1000) {
                return ids;
            }
        }
    }

    private long size(String key, String className) throws Exception {
        HttpResponse<String> response = send("GET", "/api/v1/segments", Role.MARKETING);
        for (JsonNode definition : ContractJson.mapper().readTree(response.body()).get("segments")) {
            if (definition.get("key").asString().equals(key)) {
                return definition.get("sizes").get(className).asLong();
            }
        }
        throw new AssertionError("no definition " + key);
    }

    private double counter(String name) {
        return meters.find(name).counters().stream().mapToDouble(Counter::count).sum();
    }

    private HttpResponse<String> send(String method, String path, Role role) throws Exception {
        return http.send(TestTokens.authorized(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)),
                role).method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }
}
