package io.segstream.segmentation;

import io.segstream.contracts.ContractJson;
import io.segstream.contracts.segment.SegmentChanged;
import io.segstream.runtime.security.Role;
import io.segstream.runtime.security.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import io.segstream.segmentation.domain.ProfileQueries;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Definitions as data over HTTP: validation, versions, previews, background re-evaluation, sizes and members. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RedefinitionIT extends SegmentationIntegrationTest {
    private final HttpClient http = HttpClient.newHttpClient();
    private PurchaseEvents purchases;
    private ChangeLog changes;

    @LocalServerPort
    int port;

    @Autowired
    ProfileQueries profiles;

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
    void aBadExpressionIsA422ProblemPointingAtTheMistake() throws Exception {
        HttpResponse<String> response = send("PUT", "/api/v1/segments/quiet-customers", """
                { "kind": "AUDIENCE", "expression": "profile.recencyDayz > 60" }""");

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(response.headers().firstValue("content-type")).hasValueSatisfying(
                type -> assertThat(type).contains("application/problem+json"));
        JsonNode problem = ContractJson.mapper().readTree(response.body());
        assertThat(problem.get("code").asString()).isEqualTo("INVALID_EXPRESSION");
        assertThat(problem.get("detail").asString()).contains("recencyDayz");
        assertThat(problem.get("where").asString()).isEqualTo("expression");
        assertThat(problem.get("line").asInt()).isEqualTo(1);
        assertThat(problem.get("column").asInt()).isEqualTo(8);

        HttpResponse<String> noCatchAll = send("PUT", "/api/v1/segments/tiers", """
                { "kind": "DIMENSION", "classes": [ { "name": "A", "when": "profile.frequency > 1" } ] }""");
        assertThat(noCatchAll.statusCode()).isEqualTo(422);
        assertThat(ContractJson.mapper().readTree(noCatchAll.body()).get("where").asString())
                .isEqualTo("classes[0].when");
    }

    @Test
    void theDefaultCatalogueIsListedWithSizes() throws Exception {
        String customer = "C-" + UUID.randomUUID();
        purchases.send(PurchaseEvents.purchase(customer, "s1-" + customer, Instant.now(), "12.00"));
        changes.awaitChanges(customer, "lifecycle", 1);
        // Sizes come from the tasks' population summaries (every 2 s), members from the view (written behind).
        await().atMost(Duration.ofSeconds(30)).until(() -> sizeOf("lifecycle", "NEW") > 0
                && json(send("GET", "/api/v1/segments/region/members?class=EAST_CHINA&size=1000", null), 200)
                .get("customerIds").toString().contains(customer));

        JsonNode segments = json(send("GET", "/api/v1/segments", null), 200).get("segments");

        Map<String, JsonNode> byKey = new TreeMap<>();
        segments.forEach(definition -> byKey.put(definition.get("key").asString(), definition));
        assertThat(byKey).containsKeys("value-tier", "frequency-tier", "lifecycle", "category-preference",
                "price-sensitivity", "channel-preference", "region", "needs-focus", "satisfaction",
                "high-value-at-risk", "price-sensitive-detractors", "omnichannel-loyal");
        assertThat(byKey.get("lifecycle").get("version").asLong()).isPositive();
        assertThat(byKey.get("lifecycle").get("sizes").get("NEW").asLong()).isPositive();
        assertThat(byKey.get("high-value-at-risk").get("kind").asString()).isEqualTo("AUDIENCE");

        JsonNode members = json(send("GET", "/api/v1/segments/region/members?class=EAST_CHINA&size=1000", null), 200);
        assertThat(members.get("total").asLong()).isPositive();
        List<String> ids = new ArrayList<>();
        members.get("customerIds").forEach(id -> ids.add(id.asString()));
        assertThat(ids).contains(customer);
        assertThat(send("GET", "/api/v1/segments/nope/members?class=X", null).statusCode()).isEqualTo(404);
    }

    @Test
    void aRedefinitionEmitsExactlyTheChangesThePreviewPredicted() throws Exception {
        String big = "C-" + UUID.randomUUID();
        String middling = "C-" + UUID.randomUUID();
        purchases.send(PurchaseEvents.purchase(big, "b1-" + big, Instant.now(), "2000.00"),
                PurchaseEvents.purchase(middling, "m1-" + middling, Instant.now(), "200.00"));
        changes.awaitChanges(big, "lifecycle", 1);
        changes.awaitChanges(middling, "lifecycle", 1);
        String key = "spend-" + UUID.randomUUID().toString().substring(0, 8);

        // Version 1 of a new key: everyone enters a class.
        JsonNode v1 = redefine(key, "1000.0");
        assertThat(v1.get("version").asLong()).isEqualTo(1);
        assertThat(changes.readAllToEnd(key)).filteredOn(change -> change.customerId().equals(big))
                .extracting(SegmentChanged::to).containsExactly("BIG");

        // Version 2 lowers the threshold: the preview says who moves, the re-evaluation moves exactly them. The
        // preview reads the view: wait until it holds every profile's version-1 class.
        await().atMost(Duration.ofSeconds(30)).until(() -> profiles.countIn(key, "BIG")
                + profiles.countIn(key, "SMALL") == profiles.countProfiles() && profiles.countIn(key, "SMALL") > 0);
        String body = definition(key, "150.0");
        JsonNode preview = json(send("POST", "/api/v1/segments/preview", body), 200);
        assertThat(preview.get("classes").get("BIG").get("entered").asLong()).isPositive();
        assertThat(preview.get("classes").get("SMALL").get("left").asLong())
                .isEqualTo(preview.get("classes").get("BIG").get("entered").asLong());
        JsonNode v2 = redefine(key, "150.0");
        assertThat(v2.get("version").asLong()).isEqualTo(2);

        List<SegmentChanged> applied = changes.readAllToEnd(key).stream()
                .filter(change -> change.definitionVersion() == 2).toList();
        assertThat(applied).allSatisfy(change -> {
            assertThat(change.causedBy()).isEqualTo("redefinition");
            assertThat(change.from()).isEqualTo("SMALL");
            assertThat(change.to()).isEqualTo("BIG");
        });
        assertThat((long) applied.size()).isEqualTo(preview.get("classes").get("BIG").get("entered").asLong());
        assertThat(applied).extracting(SegmentChanged::customerId).contains(middling).doesNotContain(big);
        List<String> sample = new ArrayList<>();
        preview.get("classes").get("BIG").get("enteredSample").forEach(id -> sample.add(id.asString()));
        assertThat(applied.stream().map(SegmentChanged::customerId).collect(Collectors.toSet()))
                .containsAll(sample);
        // The view shows it once written behind.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode segments = json(send("GET", "/api/v1/customers/" + middling + "/segments", null), 200);
            List<String> classes = new ArrayList<>();
            segments.get("segments").forEach(m -> {
                if (m.get("key").asString().equals(key)) {
                    classes.add(m.get("class").asString() + "@" + m.get("definitionVersion").asLong());
                }
            });
            assertThat(classes).containsExactly("BIG@2");
        });
    }

    private long sizeOf(String key, String className) throws Exception {
        for (JsonNode definition : json(send("GET", "/api/v1/segments", null), 200).get("segments")) {
            if (definition.get("key").asString().equals(key)) {
                return definition.get("sizes").get(className).asLong();
            }
        }
        return 0;
    }

    private JsonNode redefine(String key, String threshold) throws Exception {
        JsonNode stored = json(send("PUT", "/api/v1/segments/" + key, definition(key, threshold)), 200);
        String run = stored.get("recomputationId").asString();
        await().atMost(Duration.ofSeconds(60)).until(() ->
                json(send("GET", "/api/v1/recomputations/" + run, null), 200).get("status").asString()
                        .equals("FINISHED"));
        JsonNode progress = json(send("GET", "/api/v1/recomputations/" + run, null), 200);
        assertThat(progress.get("done").asLong()).isEqualTo(progress.get("total").asLong()).isPositive();
        assertThat(progress.get("finishedAt").isNull()).isFalse();
        return stored;
    }

    private static String definition(String key, String threshold) {
        return """
                { "key": "%s", "kind": "DIMENSION", "description": "test spend",
                  "classes": [ { "name": "BIG", "when": "profile.monetary >= %s" },
                               { "name": "SMALL", "when": "true" } ] }""".formatted(key, threshold);
    }

    private static JsonNode json(HttpResponse<String> response, int expectedStatus) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(expectedStatus);
        return ContractJson.mapper().readTree(response.body());
    }

    /** Sends as marketing, except a PUT (a new definition version), which takes an administrator. */
    private HttpResponse<String> send(String method, String path, String body) throws Exception {
        HttpRequest.Builder request = TestTokens.authorized(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)),
                "PUT".equals(method) ? Role.ADMIN : Role.MARKETING);
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("content-type", "application/json").method(method,
                    HttpRequest.BodyPublishers.ofString(body));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
