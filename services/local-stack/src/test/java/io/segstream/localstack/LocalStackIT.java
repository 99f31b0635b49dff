package io.segstream.localstack;

import io.segstream.localstack.launcher.RunCommand;
import io.segstream.contracts.ContractJson;
import io.segstream.contracts.Topics;
import io.segstream.contracts.segment.SegmentChanged;
import io.segstream.embedded.Ports;
import io.segstream.runtime.security.LocalTokens;
import io.segstream.runtime.security.Role;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole system as ./segstream runs it: the embedded broker and wire server, the four services as processes from
 * their executable jars, under the local profile with a signing key given through their environment. One stack
 * serves every test (starting one is slow); the restart test runs last. Nothing is reachable without a token;
 * purchases go in over HTTP and come out as segment changes; an erasure requested on one service empties every
 * service's view of the customer; a restart on the same data directory still has the data.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LocalStackIT {
    /** A ceiling, not a wait: four service JVMs on a busy two-core CI machine can take minutes to be ready. */
    private static final Duration READY = Duration.ofMinutes(8);
    private static final Duration PIPELINE = Duration.ofSeconds(90);
    private final HttpClient http = HttpClient.newHttpClient();
    private StackSettings settings;
    private LocalCredentials credentials;
    private LocalStack stack;

    @BeforeAll
    void startTheStack(@TempDir Path dir) {
        settings = settingsOnFreePorts(dir.resolve("data"));
        // The test's own key, in its temporary directory: the checkout's .segstream/ is left alone.
        credentials = new LocalCredentials(dir.resolve(LocalCredentials.KEY_FILE), Clock.systemUTC());
        stack = new LocalStack(settings, credentials);
        stack.start();
        awaitReady();
        assertThat(stack.componentStatus()).allSatisfy((name, up) -> assertThat(up).as(name).isTrue());
    }

    @AfterAll
    void stopTheStack() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    @Order(1)
    void noServiceAnswersWithoutTheRightToken() throws Exception {
        Map<String, String> apiOf = Map.of(
                "purchase-ingestion", "/api/v1/customers/nobody/purchases",
                "feedback-collection", "/api/v1/customers/nobody/feedback",
                "segmentation", "/api/v1/segments",
                "churn-alerting", "/api/v1/alerts");
        for (ServiceSpec service : settings.services()) {
            String api = service.baseUrl() + apiOf.get(service.name());
            assertRefused(call("GET", api, null), 401, service.name() + " without a token");
            assertRefused(call("GET", service.baseUrl() + "/actuator/prometheus", null), 401,
                    service.name() + " metrics without a token");
            assertThat(call("GET", service.baseUrl() + "/actuator/prometheus", null, Role.METRICS).statusCode())
                    .as(service.name() + " metrics for the scraper").isEqualTo(200);
            assertThat(call("GET", service.baseUrl() + "/actuator/health/readiness", null).statusCode())
                    .as(service.name() + " readiness stays open for probes").isEqualTo(200);
        }
        String purchases = settings.service("purchase-ingestion").baseUrl() + "/api/v1/purchases";
        assertRefused(call("POST", purchases, purchaseJson("nobody", UUID.randomUUID().toString(), Instant.now())),
                401, "posting a purchase without a token");
        String signedElsewhere = LocalTokens.issue(LocalTokens.newSigningKey(), "intruder", Role.ADMIN);
        assertRefused(http.send(HttpRequest.newBuilder(URI.create(url("purchase-ingestion",
                                apiOf.get("purchase-ingestion")))).header("Authorization", "Bearer " + signedElsewhere)
                        .GET().build(), HttpResponse.BodyHandlers.ofString()),
                401, "a token signed with another key");
        assertRefused(call("GET", settings.service("segmentation").baseUrl() + "/api/v1/customers/nobody/profile",
                null, Role.INGEST), 403, "reading a profile with an INGEST token");
    }

    @Test
    @Order(2)
    void anErasureRequestedOnOneServiceEmptiesEveryServicesView() throws Exception {
        String customer = "erase-" + UUID.randomUUID().toString().substring(0, 8);
        Instant at = Instant.now().minus(10, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        String purchases = url("purchase-ingestion", "/api/v1/customers/" + customer + "/purchases");
        String feedback = url("feedback-collection", "/api/v1/customers/" + customer + "/feedback");
        String profile = url("segmentation", "/api/v1/customers/" + customer + "/profile");
        String churnRisk = url("churn-alerting", "/api/v1/customers/" + customer + "/churn-risk");

        for (int i = 0; i < 2; i++) {
            HttpResponse<String> posted = call("POST", url("purchase-ingestion", "/api/v1/purchases"),
                    purchaseJson(customer, UUID.randomUUID().toString(), at.plus(i, ChronoUnit.DAYS)), Role.INGEST);
            assertThat(posted.statusCode()).as(posted.body()).isBetween(200, 299);
        }
        HttpResponse<String> told = call("POST", url("feedback-collection", "/api/v1/feedback"), """
                {"eventId":"%s","kind":"NPS_SURVEY","customerId":"%s","occurredAt":"%s","score":4,
                 "text":"delivery was late again","channel":"ONLINE","source":"e2e-test"}"""
                .formatted(UUID.randomUUID(), customer, at.plus(2, ChronoUnit.DAYS)), Role.INGEST);
        assertThat(told.statusCode()).as(told.body()).isBetween(200, 299);
        await().atMost(PIPELINE).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            assertThat(json(call("GET", purchases, null, Role.MARKETING), 200).path("purchases")).hasSize(2);
            assertThat(json(call("GET", feedback, null, Role.MARKETING), 200).path("items")).hasSize(1);
            assertThat(call("GET", profile, null, Role.MARKETING).statusCode()).isEqualTo(200);
            assertThat(call("GET", churnRisk, null, Role.OPS).statusCode()).isEqualTo(200);
        });

        HttpResponse<String> erasure = call("DELETE", url("segmentation", "/api/v1/customers/" + customer), null,
                Role.ADMIN);
        assertThat(erasure.statusCode()).as(erasure.body()).isEqualTo(202);

        await().atMost(PIPELINE).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            assertThat(json(call("GET", purchases, null, Role.MARKETING), 200).path("purchases")).isEmpty();
            assertThat(json(call("GET", feedback, null, Role.MARKETING), 200).path("items")).isEmpty();
            assertThat(call("GET", profile, null, Role.MARKETING).statusCode()).as("profile").isEqualTo(404);
            assertThat(call("GET", churnRisk, null, Role.OPS).statusCode()).as("churn risk").isEqualTo(404);
            for (ServiceSpec service : settings.services()) {
                JsonNode audit = json(call("GET", service.baseUrl() + "/api/v1/audit?action=CUSTOMER_ERASED&subject="
                        + customer, null, Role.ADMIN), 200);
                assertThat(audit.path("entries")).as(service.name() + " audit").isNotEmpty()
                        .allSatisfy(entry -> assertThat(entry.path("subject").asString()).isEqualTo(customer));
            }
        });
    }

    @Test
    @Order(3)
    void purchasesPostedOverHttpComeOutAsSegmentChangesAndSurviveARestart() throws Exception {
        String customer = "e2e-" + UUID.randomUUID().toString().substring(0, 8);
        String firstEvent = UUID.randomUUID().toString();
        Instant firstAt = Instant.now().minus(20, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);

        HttpResponse<String> accepted = postPurchase(customer, firstEvent, firstAt);
        assertThat(accepted.statusCode()).as(accepted.body()).isBetween(200, 299);
        HttpResponse<String> again = postPurchase(customer, firstEvent, firstAt);
        assertThat(again.statusCode()).as("a retry of the same event is acknowledged").isBetween(200, 299);
        assertThat(postPurchase(customer, UUID.randomUUID().toString(), firstAt.plus(7, ChronoUnit.DAYS))
                .statusCode()).isBetween(200, 299);

        List<SegmentChanged> changes = awaitSegmentChanges(customer, 1);
        SegmentChanged first = changes.get(0);
        assertThat(first.from()).isNull();
        assertThat(first.causedBy()).isEqualTo(firstEvent);
        assertThat(first.definitionVersion()).isPositive();

        String churnRisk = url("churn-alerting", "/api/v1/customers/" + customer + "/churn-risk");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(
                call("GET", churnRisk, null, Role.OPS).statusCode()).isEqualTo(200));

        stack.close();
        stack = new LocalStack(settings, credentials);
        stack.start();
        awaitReady();
        HttpResponse<String> purchases = call("GET", url("purchase-ingestion", "/api/v1/customers/" + customer
                + "/purchases"), null, Role.MARKETING);
        assertThat(purchases.statusCode()).isEqualTo(200);
        assertThat(purchases.body()).contains(firstEvent);
        assertThat(call("GET", url("segmentation", "/api/v1/customers/" + customer + "/profile"), null,
                Role.MARKETING).statusCode()).isEqualTo(200);
    }

    /** Waits for the stack; if it is not ready, the end of every service's log goes to the test output. */
    private void awaitReady() {
        try {
            stack.awaitReady(READY);
        } catch (IllegalStateException e) {
            for (ServiceSpec service : settings.services()) {
                Path log = settings.logDir().resolve(service.name() + ".log");
                try {
                    List<String> lines = Files.readAllLines(log);
                    System.out.println("---- last lines of " + log + " ----");
                    lines.subList(Math.max(0, lines.size() - 40), lines.size()).forEach(System.out::println);
                } catch (java.io.IOException | java.io.UncheckedIOException unreadable) {
                    System.out.println("---- " + log + " cannot be read: " + unreadable);
                }
            }
            throw e;
        }
    }

    private static StackSettings settingsOnFreePorts(Path dataDir) {
        String[] args = {"--no-demo", "--data-dir", dataDir.toString(),
                "--kafka-port", free(), "--kafka-controller-port", free(), "--mongo-port", free(),
                "--health-port", free(), "--purchase-port", free(), "--feedback-port", free(),
                "--segmentation-port", free(), "--churn-port", free(), "--partitions", "3", "--service-heap", "256m"};
        Path home = Path.of(System.getProperty("segstream.home", "../..")).toAbsolutePath().normalize();
        return RunCommand.settings(home, Map.of(), args);
    }

    private static String free() {
        return String.valueOf(Ports.freePort());
    }

    private String url(String service, String path) {
        return settings.service(service).baseUrl() + path;
    }

    private static String purchaseJson(String customer, String eventId, Instant at) {
        return """
                {"eventId":"%s","type":"PURCHASE","customerId":"%s","orderId":"SO-%s","occurredAt":"%s",
                 "channel":"ONLINE","region":"CN-SH","currency":"CNY","totalAmount":"458.00","discountAmount":"40.00",
                 "items":[{"sku":"MILK-ORG-900","category":"infant-formula/organic","quantity":2,"unitPrice":"249.00"}],
                 "source":"e2e-test"}""".formatted(eventId, customer, eventId, at);
    }

    private HttpResponse<String> postPurchase(String customer, String eventId, Instant at) throws Exception {
        return call("POST", url("purchase-ingestion", "/api/v1/purchases"), purchaseJson(customer, eventId, at),
                Role.INGEST);
    }

    /** A request with a token of {@code roles} signed with the stack's key, or none when no role is given. */
    private HttpResponse<String> call(String method, String url, String json, Role... roles) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (roles.length > 0) {
            request.header("Authorization", "Bearer " + credentials.token("e2e-test", List.of(roles),
                    Duration.ofMinutes(5)));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.uri() + ": " + response.body()).isEqualTo(status);
        return ContractJson.mapper().readTree(response.body());
    }

    private static void assertRefused(HttpResponse<String> response, int status, String what) {
        assertThat(response.statusCode()).as(what + ": " + response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).as(what).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        String code = ContractJson.mapper().readTree(response.body()).path("code").asString();
        assertThat(code).as(what).isIn(status == 401 ? List.of("UNAUTHENTICATED", "INVALID_TOKEN")
                : List.of("FORBIDDEN"));
    }

    private List<SegmentChanged> awaitSegmentChanges(String customer, int atLeast) {
        List<SegmentChanged> changes = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "e2e-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class))) {
            consumer.subscribe(List.of(Topics.SEGMENT_CHANGES));
            await().atMost(PIPELINE).until(() -> {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (customer.equals(record.key())) {
                        changes.add(ContractJson.mapper().readValue(record.value(), SegmentChanged.class));
                    }
                }
                return changes.size() >= atLeast;
            });
        }
        return changes;
    }
}
