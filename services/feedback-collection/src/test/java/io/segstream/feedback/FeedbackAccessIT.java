package io.segstream.feedback;

import io.segstream.contracts.ContractJson;
import io.segstream.contracts.Topics;
import io.segstream.contracts.feedback.FeedbackRecorded;
import io.segstream.contracts.feedback.FeedbackSubmitted;
import io.segstream.feedback.domain.FeedbackMother;
import io.segstream.runtime.security.EndpointAudit;
import io.segstream.runtime.security.LocalTokens;
import io.segstream.runtime.security.Role;
import io.segstream.runtime.security.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.segstream.feedback.RunningService.assertProblem;
import static io.segstream.feedback.RunningService.json;
import static io.segstream.feedback.RunningService.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Who may call what on feedback-collection, the rate limit of its intake, and what the health endpoints show to whom.
 * The service runs with tiny rate limits (3 requests at once, then one per 50 s per client), so every test that
 * sends feedback uses a client of its own, and with {@code segstream.feedback.publish-text=true} to show the switch.
 */
class FeedbackAccessIT {
    private static final String FEEDBACK = "/api/v1/feedback";
    private static final String BATCH = "/api/v1/feedback/batch";
    private static RunningService service;
    private static TopicRecorder recorded;

    @BeforeAll
    static void start() {
        service = RunningService.start("feedback-access-it",
                "segstream.security.rate-limit.requests-per-second=0.02",
                "segstream.security.rate-limit.burst=3",
                "segstream.feedback.publish-text=true");
        recorded = new TopicRecorder(Topics.FEEDBACK_RECORDED);
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (recorded != null) {
            recorded.close();
        }
        if (service != null) {
            service.close();
        }
    }

    @Test
    void noMappedEndpointIsOpenWithoutATokenOrWithoutARole() throws Exception {
        List<EndpointAudit.Endpoint> checked = EndpointAudit.assertNothingOpen(service.context(), service.port());
        assertThat(checked).extracting(EndpointAudit.Endpoint::toString).contains("POST /api/v1/feedback",
                "POST /api/v1/feedback/batch", "GET /api/v1/customers/x/feedback", "GET /api/v1/nps",
                "DELETE /api/v1/customers/x", "GET /api/v1/audit", "GET /actuator/prometheus",
                "GET /actuator/health", "GET /actuator/health/readiness", "GET /actuator/health/liveness");
    }

    @Test
    void theWrongRolesGet403ProblemJson() throws Exception {
        byte[] body = json(valid(customer()));
        byte[] batch = ("[" + new String(body, StandardCharsets.UTF_8) + "]").getBytes(StandardCharsets.UTF_8);
        String history = "/api/v1/customers/" + customer() + "/feedback";
        Map<String, List<Role>> wrong = Map.of(
                "POST " + FEEDBACK, List.of(Role.MARKETING, Role.OPS, Role.METRICS),
                "POST " + BATCH, List.of(Role.MARKETING, Role.OPS, Role.METRICS),
                "GET " + history, List.of(Role.INGEST, Role.METRICS),
                "GET /api/v1/nps?from=2026-01-01&to=2026-02-01", List.of(Role.INGEST, Role.METRICS),
                "DELETE /api/v1/customers/" + customer(), List.of(Role.INGEST, Role.MARKETING, Role.OPS),
                "GET /api/v1/audit", List.of(Role.INGEST, Role.MARKETING, Role.OPS),
                "GET /actuator/health", List.of(Role.INGEST, Role.MARKETING, Role.METRICS),
                "GET /actuator/prometheus", List.of(Role.INGEST, Role.MARKETING, Role.OPS));
        for (Map.Entry<String, List<Role>> endpoint : wrong.entrySet()) {
            String method = endpoint.getKey().substring(0, endpoint.getKey().indexOf(' '));
            String path = endpoint.getKey().substring(method.length() + 1);
            byte[] payload = path.equals(BATCH) ? batch : method.equals("POST") ? body : null;
            for (Role role : endpoint.getValue()) {
                HttpResponse<String> response = service.send(method, path, payload, TestTokens.bearer(role));
                assertThat(response.statusCode()).as("%s with %s", endpoint.getKey(), role).isEqualTo(403);
                assertProblem(response, 403, "FORBIDDEN");
                assertThat(response.body()).doesNotContain("Exception");
            }
        }
    }

    @Test
    void theRightRolesAreAdmittedAndAdminMayDoEverything() throws Exception {
        String ingest = client("survey-tool", Role.INGEST);
        FeedbackSubmitted one = valid(customer());
        assertThat(service.post(FEEDBACK, json(one), ingest).statusCode()).isEqualTo(201);
        byte[] batch = ("[" + new String(json(valid(customer())), StandardCharsets.UTF_8) + "]")
                .getBytes(StandardCharsets.UTF_8);
        assertThat(service.post(BATCH, batch, ingest).statusCode()).isEqualTo(200);
        String history = "/api/v1/customers/" + one.customerId() + "/feedback";
        for (Role reader : List.of(Role.MARKETING, Role.OPS, Role.ADMIN)) {
            HttpResponse<String> page = service.get(history, TestTokens.bearer(reader));
            assertThat(page.statusCode()).as("feedback read by %s", reader).isEqualTo(200);
            assertThat(read(page).at("/items/0/eventId").asString()).isEqualTo(one.eventId());
            assertThat(service.get("/api/v1/nps?from=2026-01-01&to=2026-02-01", TestTokens.bearer(reader))
                    .statusCode()).as("NPS read by %s", reader).isEqualTo(200);
        }
        assertThat(service.get("/api/v1/audit", TestTokens.bearer(Role.ADMIN)).statusCode()).isEqualTo(200);
        assertThat(service.get("/actuator/prometheus", TestTokens.bearer(Role.METRICS)).statusCode()).isEqualTo(200);
        assertThat(service.post(FEEDBACK, json(valid(customer())), client("admin-console", Role.ADMIN)).statusCode())
                .isEqualTo(201);
    }

    @Test
    void aClientOverItsRateLimitGets429WithRetryAfterOtherClientsDoNot() throws Exception {
        String flooding = client("flooding-tool", Role.INGEST);
        // The burst (3) passes whatever the bodies say; the 4th request within 50 s is refused before it is read.
        assertThat(service.post(FEEDBACK, json(valid(customer())), flooding).statusCode()).isEqualTo(201);
        assertThat(service.post(FEEDBACK, "{oops".getBytes(StandardCharsets.UTF_8), flooding).statusCode())
                .isEqualTo(400);
        assertThat(service.post(BATCH, ("[" + new String(json(valid(customer())), StandardCharsets.UTF_8) + "]")
                .getBytes(StandardCharsets.UTF_8), flooding).statusCode()).isEqualTo(200);
        for (String path : List.of(FEEDBACK, BATCH)) {
            HttpResponse<String> refused = service.post(path, json(valid(customer())), flooding);
            assertProblem(refused, 429, "RATE_LIMITED");
            assertThat(refused.headers().firstValue("Retry-After")).hasValueSatisfying(
                    seconds -> assertThat(Long.parseLong(seconds)).isBetween(1L, 50L));
        }
        assertThat(service.post(FEEDBACK, json(valid(customer())), client("quiet-tool", Role.INGEST)).statusCode())
                .as("another client has its own budget").isEqualTo(201);
    }

    @Test
    void healthDetailsOnlyForOpsAndAdminTheOpenProbesShowTheStatusAlone() throws Exception {
        for (String probe : List.of("/actuator/health/liveness", "/actuator/health/readiness")) {
            HttpResponse<String> open = service.get(probe, null);
            assertThat(open.statusCode()).as(probe).isEqualTo(200);
            assertThat(read(open).get("status").asString()).isEqualTo("UP");
            assertThat(open.body()).doesNotContain("components").doesNotContain("mongo").doesNotContain("kafka");
        }
        for (Role role : List.of(Role.OPS, Role.ADMIN)) {
            HttpResponse<String> health = service.get("/actuator/health", TestTokens.bearer(role));
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).as("details for %s", role).contains("\"mongo\"").contains("\"kafka\"");
            assertThat(service.get("/actuator/health/readiness", TestTokens.bearer(role)).body())
                    .contains("\"mongo\"");
        }
    }

    @Test
    void withPublishTextSetTheRecordedEventCarriesTheText() throws Exception {
        FeedbackSubmitted withText = FeedbackMother.nps(9).customerId(customer()).occurredAt(Instant.now()
                .minus(Duration.ofMinutes(1))).text("fast delivery, thank you").build();
        assertThat(service.post(FEEDBACK, json(withText), client("lawful-need", Role.INGEST)).statusCode())
                .isEqualTo(201);
        await().atMost(Duration.ofSeconds(30)).until(() -> !recorded.withId(withText.eventId()).isEmpty());
        FeedbackRecorded event = ContractJson.mapper().readValue(recorded.withId(withText.eventId()).get(0).value(),
                FeedbackRecorded.class);
        assertThat(event.text()).isEqualTo(withText.text());
    }

    private static String client(String name, Role role) {
        return "Bearer " + LocalTokens.issue(TestTokens.SIGNING_KEY, name + "-" + UUID.randomUUID(), role);
    }

    private static FeedbackSubmitted valid(String customer) {
        return FeedbackMother.csat(4).customerId(customer).occurredAt(Instant.now().minus(Duration.ofMinutes(2)))
                .build();
    }

    private static String customer() {
        return "C-" + UUID.randomUUID();
    }
}
