package io.segstream.runtime.security;

import com.mongodb.client.MongoClient;
import io.segstream.contracts.Topics;
import io.segstream.contracts.erasure.ErasureCutoff;
import io.segstream.embedded.TestInfrastructure;
import io.segstream.runtime.audit.AuditTrail;
import io.segstream.runtime.erasure.CustomerDataEraser;
import io.segstream.runtime.erasure.ErasedCustomers;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpMethod;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Access control, rate limits, the audit log and erasure of service-runtime, on a small application with one
 * endpoint per kind of rule, against the real broker and the MongoDB wire server.
 */
@SpringBootTest(classes = SecurityIT.App.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.application.name=security-it",
        "spring.profiles.active=local",
        "segstream.security.local.signing-key=" + TestTokens.SIGNING_KEY,
        "segstream.security.rate-limit.paths=/api/v1/limited",
        // one request every 50 s after the burst: the three requests of the test fit in that even on a busy machine
        "segstream.security.rate-limit.requests-per-second=0.02",
        "segstream.security.rate-limit.burst=2",
        "segstream.erasure.recheck-after=1s",
        "segstream.erasure.recheck-interval=500ms",
        "spring.kafka.producer.key-serializer=org.apache.kafka.common.serialization.StringSerializer",
        "spring.kafka.producer.value-serializer=org.apache.kafka.common.serialization.ByteArraySerializer",
        "spring.kafka.consumer.key-deserializer=org.apache.kafka.common.serialization.StringDeserializer",
        "spring.kafka.consumer.value-deserializer=org.apache.kafka.common.serialization.ByteArrayDeserializer",
        "spring.kafka.consumer.auto-offset-reset=earliest",
        "spring.kafka.listener.type=batch",
        "management.endpoints.web.exposure.include=health,info,prometheus",
        "management.endpoint.health.probes.enabled=true",
        "management.health.mongodb.enabled=false"})
class SecurityIT {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    static final Set<String> ERASED = ConcurrentHashMap.newKeySet();

    @SpringBootApplication
    static class App {
        @Bean
        EndpointAccess testAccess() {
            return EndpointAccess.builder()
                    .allow(HttpMethod.GET, "/api/v1/marketing", Role.MARKETING)
                    .allow(HttpMethod.POST, "/api/v1/limited", Role.INGEST)
                    .build();
        }

        @Bean
        CustomerDataEraser testEraser() {
            return (customerId, erasedAt) -> {
                boolean first = ERASED.add(customerId);
                return Map.of("things", first ? 2L : 0L);
            };
        }

        @Bean
        Endpoints endpoints() {
            return new Endpoints();
        }
    }

    @RestController
    static class Endpoints {
        @GetMapping("/api/v1/marketing")
        Map<String, String> marketing() {
            return Map.of("actor", Actor.current());
        }

        @PostMapping("/api/v1/limited")
        Map<String, String> limited() {
            return Map.of("ok", "yes");
        }

        /** Mapped but named by no rule: must be refused. */
        @GetMapping("/api/v1/forgotten")
        Map<String, String> forgotten() {
            return Map.of("open", "by accident");
        }
    }

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", TestInfrastructure::bootstrapServers);
        registry.add("spring.mongodb.uri", () -> TestInfrastructure.mongoUri("security-it"));
    }

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    MongoClient mongo;

    @Autowired
    ErasedCustomers tombstones;

    @Test
    void noMappedEndpointIsOpenWithoutATokenOrWithoutARole() throws Exception {
        List<EndpointAudit.Endpoint> checked = EndpointAudit.assertNothingOpen(context, port);
        assertThat(checked).extracting(EndpointAudit.Endpoint::toString).contains("GET /api/v1/forgotten",
                "DELETE /api/v1/customers/x", "GET /api/v1/audit", "GET /actuator/prometheus", "GET /actuator/health",
                "GET /actuator/health/readiness");
        // Not even the right roles open an endpoint that no rule names.
        assertThat(get("/api/v1/forgotten", TestTokens.bearer(Role.ADMIN)).statusCode()).isEqualTo(403);
    }

    @Test
    void pathsRefusedByTheFirewallOrByTomcatGetProblemJson() throws Exception {
        for (String path : List.of("/api/v1/marketing;x=1", "/api/v1/marketing%0Ax", "/api/v1/marketing%252F",
                "/api/v1/customers/a%2Fb", "/api/v1/customers/a%00b", "/api/v1/customers/%C0%AF")) {
            HttpResponse<String> response = get(path, TestTokens.bearer(Role.ADMIN));
            assertThat(response.statusCode()).as(path).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type")).as(path)
                    .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(response.body()).as(path).contains("\"code\":\"BAD_PARAMETER\"")
                    .doesNotContain("Tomcat").doesNotContain("Exception");
        }
    }

    @Test
    void theRightRoleIsAdmittedAndAdminImpliesEveryRole() throws Exception {
        HttpResponse<String> marketing = get("/api/v1/marketing", TestTokens.bearer(Role.MARKETING));
        assertThat(marketing.statusCode()).isEqualTo(200);
        assertThat(marketing.body()).contains("\"actor\":\"test-client\"");
        assertThat(get("/api/v1/marketing", TestTokens.bearer(Role.ADMIN)).statusCode()).isEqualTo(200);
        HttpResponse<String> ops = get("/api/v1/marketing", TestTokens.bearer(Role.OPS, Role.INGEST));
        assertThat(ops.statusCode()).isEqualTo(403);
        assertThat(ops.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(ops.body()).contains("\"code\":\"FORBIDDEN\"").doesNotContain("Exception");
    }

    @Test
    void forgedExpiredAndForeignTokensAreRefusedWith401() throws Exception {
        String forged = LocalTokens.issue("another-key-of-at-least-thirty-two-bytes!!", "x", Role.ADMIN);
        String expired = LocalTokens.issue(TestTokens.SIGNING_KEY, "x", List.of(Role.ADMIN), Duration.ofMinutes(1),
                Instant.now().minus(Duration.ofHours(2)));
        for (String token : List.of(forged, expired, "not-a-jwt")) {
            HttpResponse<String> response = get("/api/v1/marketing", "Bearer " + token);
            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(response.body()).contains("\"code\":\"INVALID_TOKEN\"").doesNotContain(token);
            assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                    challenge -> assertThat(challenge).contains("invalid_token"));
        }
        HttpResponse<String> none = get("/api/v1/marketing", null);
        assertThat(none.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
    }

    @Test
    void rolesFromOtherIdentityProvidersAreIgnored() {
        JwtRoles roles = new JwtRoles("realm_access.roles");
        assertThat(roles.authorities(Map.of("realm_access", Map.of("roles", List.of("marketing", "offline_access")))))
                .extracting(Object::toString).containsExactly("ROLE_MARKETING");
        assertThat(new JwtRoles("scope").authorities(Map.of("scope", "openid ROLE_OPS ingest")))
                .extracting(Object::toString).containsExactly("ROLE_OPS", "ROLE_INGEST");
        assertThat(roles.authorities(Map.of("realm_access", "not a map"))).isEmpty();
        assertThat(new JwtRoles("https://segstream.example.com/roles").authorities(
                Map.of("https://segstream.example.com/roles", List.of("ADMIN")))).extracting(Object::toString)
                .containsExactly("ROLE_ADMIN");
    }

    @Test
    void probesAreOpenAndPrometheusNeedsTheMetricsRole() throws Exception {
        HttpResponse<String> readiness = get("/actuator/health/readiness", null);
        assertThat(readiness.statusCode()).isEqualTo(200);
        assertThat(get("/actuator/health/liveness", null).statusCode()).isEqualTo(200);
        assertThat(get("/actuator/prometheus", TestTokens.bearer(Role.MARKETING)).statusCode()).isEqualTo(403);
        HttpResponse<String> scrape = get("/actuator/prometheus", TestTokens.bearer(Role.METRICS));
        assertThat(scrape.statusCode()).isEqualTo(200);
        assertThat(scrape.body()).contains("application=\"security-it\"");
        assertThat(get("/actuator/health", TestTokens.bearer(Role.METRICS)).statusCode()).isEqualTo(403);
        assertThat(get("/actuator/health", TestTokens.bearer(Role.OPS)).statusCode()).isEqualTo(200);
    }

    @Test
    void aClientOverItsRateLimitGets429WithRetryAfterAndOtherClientsDoNot() throws Exception {
        String client = "Bearer " + LocalTokens.issue(TestTokens.SIGNING_KEY, "pos-gateway", Role.INGEST);
        assertThat(post("/api/v1/limited", client).statusCode()).isEqualTo(200);
        assertThat(post("/api/v1/limited", client).statusCode()).isEqualTo(200);
        HttpResponse<String> refused = post("/api/v1/limited", client);
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Retry-After")).hasValueSatisfying(
                seconds -> assertThat(Integer.parseInt(seconds)).isBetween(1, 50));
        assertThat(refused.body()).contains("\"code\":\"RATE_LIMITED\"");
        String other = "Bearer " + LocalTokens.issue(TestTokens.SIGNING_KEY, "webshop", Role.INGEST);
        assertThat(post("/api/v1/limited", other).statusCode()).isEqualTo(200);
        // Unauthenticated requests are refused before they could use up anyone's budget.
        assertThat(post("/api/v1/limited", null).statusCode()).isEqualTo(401);
    }

    @Test
    void anErasureIsPublishedCarriedOutTombstonedAndAuditedOnce() throws Exception {
        String customer = "C-erase-" + System.nanoTime();
        HttpResponse<String> refused = send("DELETE", "/api/v1/customers/" + customer,
                TestTokens.bearer(Role.MARKETING));
        assertThat(refused.statusCode()).isEqualTo(403);
        HttpResponse<String> accepted = send("DELETE", "/api/v1/customers/" + customer,
                TestTokens.bearer(Role.ADMIN));
        assertThat(accepted.statusCode()).isEqualTo(202);
        assertThat(accepted.body()).contains("\"status\":\"REQUESTED\"").contains(customer);

        await().atMost(Duration.ofSeconds(30)).until(() -> ERASED.contains(customer));
        await().atMost(Duration.ofSeconds(10)).until(() -> tombstones.erasedAt(customer) != null);
        Map<String, Instant> erased = tombstones.erasedAmong(List.of(customer, "C-never-erased"));
        assertThat(erased).containsOnlyKeys(customer);
        assertThat(ErasureCutoff.suppresses(erased, customer, Instant.now().minusSeconds(60))).isTrue();
        assertThat(ErasureCutoff.suppresses(erased, customer, Instant.now().plusSeconds(60))).isFalse();

        List<Document> audit = await().atMost(Duration.ofSeconds(10)).until(() -> mongo.getDatabase("security-it")
                .getCollection(AuditTrail.COLLECTION).find(new Document("subject", customer))
                .into(new java.util.ArrayList<>()), entries -> entries.size() == 2);
        assertThat(audit).extracting(d -> d.getString("action"))
                .containsExactlyInAnyOrder("CUSTOMER_ERASURE_REQUESTED", "CUSTOMER_ERASED");
        assertThat(audit).extracting(d -> d.getString("actor")).containsOnly("test-client");
        HttpResponse<String> trail = get("/api/v1/audit?subject=" + customer, TestTokens.bearer(Role.ADMIN));
        assertThat(trail.statusCode()).isEqualTo(200);
        assertThat(trail.body()).contains("CUSTOMER_ERASED").contains("\"things\":2");

        // The second pass runs and changes nothing more; the audit still has one entry per request.
        await().atMost(Duration.ofSeconds(15)).until(() -> mongo.getDatabase("security-it")
                .getCollection(ErasedCustomers.COLLECTION).find(new Document("_id", customer)).first()
                .getBoolean("rechecked"));
        assertThat(mongo.getDatabase("security-it").getCollection(AuditTrail.COLLECTION)
                .countDocuments(new Document("subject", customer))).isEqualTo(2);
        // A redelivered, older request never moves the tombstone back.
        Instant erasedAt = tombstones.erasedAt(customer);
        tombstones.record(customer, erasedAt.minusSeconds(3600), Instant.now());
        assertThat(tombstones.erasedAt(customer)).isEqualTo(erasedAt);
    }

    @Test
    void anInvalidErasureRequestIsDeadLetteredWithItsReason() throws Exception {
        String marker = "broken-" + System.nanoTime();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class))) {
            producer.send(new ProducerRecord<>(Topics.CUSTOMER_ERASURE, marker,
                    "{\"eventId\":\"e1\",\"customerId\":\"\"}".getBytes(StandardCharsets.UTF_8))).get();
        }
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "security-it-dlq-" + marker,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class))) {
            consumer.subscribe(List.of(Topics.deadLetterOf(Topics.CUSTOMER_ERASURE)));
            List<ConsumerRecord<String, byte[]>> found = new java.util.ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (marker.equals(r.key())) {
                        found.add(r);
                    }
                });
                return !found.isEmpty();
            });
            assertThat(new String(found.get(0).headers().lastHeader("x-error-code").value(), StandardCharsets.UTF_8))
                    .isNotBlank();
        }
    }

    private HttpResponse<String> get(String path, String authorization) throws Exception {
        return send("GET", path, authorization);
    }

    private HttpResponse<String> post(String path, String authorization) throws Exception {
        return send("POST", path, authorization);
    }

    private HttpResponse<String> send(String method, String path, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, "POST".equals(method) ? HttpRequest.BodyPublishers.ofString("{}")
                        : HttpRequest.BodyPublishers.noBody())
                .header("Content-Type", "application/json");
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
