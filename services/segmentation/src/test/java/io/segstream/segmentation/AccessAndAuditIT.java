package io.segstream.segmentation;

import io.segstream.contracts.ContractJson;
import io.segstream.runtime.audit.AuditTrail;
import io.segstream.runtime.security.EndpointAudit;
import io.segstream.runtime.security.Role;
import io.segstream.runtime.security.TestTokens;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import io.segstream.segmentation.stream.InternalTopicsView;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Roles on every endpoint of the service, and the audit of definition changes. */
class AccessAndAuditIT extends SegmentationIntegrationTest {
    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    InternalTopicsView topics;

    @Test
    void noEndpointIsOpenWithoutATokenOrWithoutARole() throws Exception {
        List<EndpointAudit.Endpoint> checked = EndpointAudit.assertNothingOpen(context, port);
        assertThat(checked).extracting(EndpointAudit.Endpoint::toString).contains(
                "GET /api/v1/customers/x/profile", "GET /api/v1/customers/x/segments", "GET /api/v1/segments",
                "GET /api/v1/segments/x/members", "PUT /api/v1/segments/x", "POST /api/v1/segments/preview",
                "GET /api/v1/recomputations/x", "DELETE /api/v1/customers/x", "GET /api/v1/audit",
                "GET /actuator/prometheus", "GET /actuator/health");
    }

    @Test
    void theScrapeCarriesTheStreamThreadsAndRocksDbMemoryButNotPerNodeSeries() throws Exception {
        HttpResponse<String> scrape = send("GET", "/actuator/prometheus", null, Role.METRICS);
        assertThat(scrape.statusCode()).isEqualTo(200);
        assertThat(scrape.body()).contains("segstream_segmentation_events_applied_total", "kafka_stream_thread_",
                "kafka_stream_state_block_cache_usage", "kafka_stream_state_size_all_mem_tables",
                "kafka_stream_state_estimate_table_readers_mem", "segstream_segmentation_view_staleness_seconds").doesNotContain("kafka_stream_processor_node_",
                "kafka_stream_task_", "kafka_stream_record_cache_", "kafka_stream_state_put_rate");
    }

    @Test
    void marketingReadsAndPreviewsButOnlyAnAdministratorStoresADefinition() throws Exception {
        String key = "access-" + UUID.randomUUID().toString().substring(0, 8);
        String body = """
                { "kind": "AUDIENCE", "description": "big spenders", "expression": "profile.monetary > 100.0" }""";

        HttpResponse<String> refused = send("PUT", "/api/v1/segments/" + key, body, Role.MARKETING);
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.headers().firstValue("content-type")).hasValueSatisfying(
                type -> assertThat(type).contains("application/problem+json"));
        assertThat(refused.body()).contains("\"code\":\"FORBIDDEN\"");
        for (Role other : List.of(Role.OPS, Role.INGEST, Role.METRICS)) {
            assertThat(send("PUT", "/api/v1/segments/" + key, body, other).statusCode()).as("%s", other)
                    .isEqualTo(403);
            assertThat(send("GET", "/api/v1/segments", null, other).statusCode()).as("%s", other).isEqualTo(403);
        }
        assertThat(topics.definitions().newest(key)).isNull();

        assertThat(send("GET", "/api/v1/segments", null, Role.MARKETING).statusCode()).isEqualTo(200);
        assertThat(send("POST", "/api/v1/segments/preview", body.replace("{", "{ \"key\": \"" + key + "\","),
                Role.MARKETING).statusCode()).isEqualTo(200);
        HttpResponse<String> stored = send("PUT", "/api/v1/segments/" + key, body, Role.ADMIN);
        assertThat(stored.statusCode()).as(stored.body()).isEqualTo(200);
        assertThat(ContractJson.mapper().readTree(stored.body()).get("version").asLong()).isEqualTo(1);
    }

    @Test
    void everyNewVersionIsAuditedWithWhoWhenWhichVersionAndItsReevaluation() throws Exception {
        String key = "audited-" + UUID.randomUUID().toString().substring(0, 8);
        Instant before = Instant.now().minusSeconds(1);
        JsonNode v1 = json(send("PUT", "/api/v1/segments/" + key, dimension("500.0"), Role.ADMIN));
        JsonNode v2 = json(send("PUT", "/api/v1/segments/" + key, dimension("800.0"), Role.ADMIN));

        // The response and the stored version carry who changed it and when; the earlier fields stay.
        assertThat(v2.get("version").asLong()).isEqualTo(2);
        assertThat(v2.get("changedBy").asString()).isEqualTo("test-client");
        Instant changedAt = Instant.parse(v2.get("changedAt").asString());
        assertThat(changedAt).isAfterOrEqualTo(before).isBeforeOrEqualTo(Instant.now().plusSeconds(1));
        assertThat(v2.get("createdAt").asString()).isEqualTo(v2.get("changedAt").asString());
        assertThat(v2.get("classes")).hasSize(2);
        // MongoDB keeps a view of the versions, written behind the definitions topic.
        Document stored = await().atMost(Duration.ofSeconds(30)).until(() -> mongo.getCollection("segmentDefinitions")
                .find(new Document("_id", key + ":2")).first(), java.util.Objects::nonNull);
        assertThat(stored.getString("changedBy")).isEqualTo("test-client");
        assertThat(stored.getDate("changedAt").toInstant()).isEqualTo(changedAt);
        JsonNode listed = null;
        for (JsonNode definition : json(send("GET", "/api/v1/segments", null, Role.MARKETING)).get("segments")) {
            if (definition.get("key").asString().equals(key)) {
                listed = definition;
            }
        }
        assertThat(listed).isNotNull();
        assertThat(listed.get("changedBy").asString()).isEqualTo("test-client");
        assertThat(listed.get("version").asLong()).isEqualTo(2);

        // One audit entry per version: the caller, the key, the version and kind, the re-evaluation it started.
        JsonNode entries = json(send("GET", "/api/v1/audit?action=SEGMENT_DEFINITION_CHANGED&subject=" + key, null,
                Role.ADMIN)).get("entries");
        assertThat(entries).hasSize(2);
        JsonNode newest = entries.get(0);
        assertThat(newest.get("actor").asString()).isEqualTo("test-client");
        assertThat(newest.get("subject").asString()).isEqualTo(key);
        assertThat(newest.get("detail").get("version").asLong()).isEqualTo(2);
        assertThat(newest.get("detail").get("kind").asString()).isEqualTo("DIMENSION");
        assertThat(newest.get("detail").get("recomputationId").asString())
                .isEqualTo(v2.get("recomputationId").asString());
        assertThat(entries.get(1).get("detail").get("version").asLong()).isEqualTo(1);
        assertThat(entries.get(1).get("detail").get("recomputationId").asString())
                .isEqualTo(v1.get("recomputationId").asString());
        // The expressions themselves are in the definition's history, not in the audit log.
        assertThat(newest.toString()).doesNotContain("profile.monetary");
        assertThat(mongo.getCollection(AuditTrail.COLLECTION).countDocuments(new Document("subject", key)
                .append("action", "SEGMENT_DEFINITION_CHANGED"))).isEqualTo(2);

        // The audit log is the administrator's.
        assertThat(send("GET", "/api/v1/audit?subject=" + key, null, Role.MARKETING).statusCode()).isEqualTo(403);

        // A refused change is not a change: nothing is stored, nothing audited.
        assertThat(send("PUT", "/api/v1/segments/" + key, """
                { "kind": "AUDIENCE", "expression": "true" }""", Role.ADMIN).statusCode()).isEqualTo(422);
        assertThat(json(send("GET", "/api/v1/audit?action=SEGMENT_DEFINITION_CHANGED&subject=" + key, null,
                Role.ADMIN)).get("entries")).hasSize(2);
    }

    private static String dimension(String threshold) {
        return """
                { "kind": "DIMENSION", "description": "audited spend",
                  "classes": [ { "name": "BIG", "when": "profile.monetary >= %s" },
                               { "name": "SMALL", "when": "true" } ] }""".formatted(threshold);
    }

    private static JsonNode json(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return ContractJson.mapper().readTree(response.body());
    }

    private HttpResponse<String> send(String method, String path, String body, Role role) throws Exception {
        HttpRequest.Builder request = TestTokens.authorized(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)), role)
                .timeout(Duration.ofSeconds(30));
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("content-type", "application/json").method(method,
                    HttpRequest.BodyPublishers.ofString(body));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
