package io.segstream.localstack;

import io.segstream.contracts.ContractJson;
import io.segstream.contracts.Topics;
import io.segstream.contracts.segment.SegmentChanged;
import io.segstream.embedded.Ports;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
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
 * their executable jars. Purchases go in over HTTP; segment changes come out on the topic; a restart on the same data
 * directory still has the data.
 */
class LocalStackIT {
    private static final Duration READY = Duration.ofMinutes(4);
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void purchasesPostedOverHttpComeOutAsSegmentChangesAndSurviveARestart(@TempDir Path dataDir) throws Exception {
        StackSettings settings = settingsOnFreePorts(dataDir);
        String customer = "e2e-" + UUID.randomUUID().toString().substring(0, 8);
        String firstEvent = UUID.randomUUID().toString();
        Instant firstAt = Instant.now().minus(20, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);

        try (LocalStack stack = new LocalStack(settings).start()) {
            stack.awaitReady(READY);
            assertThat(stack.componentStatus()).allSatisfy((name, up) -> assertThat(up).as(name).isTrue());

            HttpResponse<String> accepted = postPurchase(settings, customer, firstEvent, firstAt);
            assertThat(accepted.statusCode()).as(accepted.body()).isBetween(200, 299);
            HttpResponse<String> again = postPurchase(settings, customer, firstEvent, firstAt);
            assertThat(again.statusCode()).as("a retry of the same event is acknowledged").isBetween(200, 299);
            assertThat(postPurchase(settings, customer, UUID.randomUUID().toString(), firstAt.plus(7, ChronoUnit.DAYS))
                    .statusCode()).isBetween(200, 299);

            List<SegmentChanged> changes = awaitSegmentChanges(settings, customer, 1);
            SegmentChanged first = changes.get(0);
            assertThat(first.from()).isNull();
            assertThat(first.causedBy()).isEqualTo(firstEvent);
            assertThat(first.definitionVersion()).isPositive();

            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(
                    get(settings.service("churn-alerting").baseUrl() + "/api/v1/customers/" + customer
                            + "/churn-risk").statusCode()).isEqualTo(200));
        }

        try (LocalStack again = new LocalStack(settings).start()) {
            again.awaitReady(READY);
            HttpResponse<String> purchases = get(settings.service("purchase-ingestion").baseUrl()
                    + "/api/v1/customers/" + customer + "/purchases");
            assertThat(purchases.statusCode()).isEqualTo(200);
            assertThat(purchases.body()).contains(firstEvent);
            assertThat(get(settings.service("segmentation").baseUrl() + "/api/v1/customers/" + customer + "/profile")
                    .statusCode()).isEqualTo(200);
        }
    }

    private static StackSettings settingsOnFreePorts(Path dataDir) {
        String[] args = {"--no-demo", "--data-dir", dataDir.toString(),
                "--kafka-port", free(), "--kafka-controller-port", free(), "--mongo-port", free(),
                "--health-port", free(), "--purchase-port", free(), "--feedback-port", free(),
                "--segmentation-port", free(), "--churn-port", free(), "--partitions", "3", "--service-heap", "256m"};
        Path home = Path.of(System.getProperty("segstream.home", "../..")).toAbsolutePath().normalize();
        return StackSettings.from(new CommandLine(args, StackSettings.RUN_FLAGS, Map.of()), home);
    }

    private static String free() {
        return String.valueOf(Ports.freePort());
    }

    private HttpResponse<String> postPurchase(StackSettings settings, String customer, String eventId, Instant at)
            throws Exception {
        String body = """
                {"eventId":"%s","type":"PURCHASE","customerId":"%s","orderId":"SO-%s","occurredAt":"%s",
                 "channel":"ONLINE","region":"CN-SH","currency":"CNY","totalAmount":"458.00","discountAmount":"40.00",
                 "items":[{"sku":"MILK-ORG-900","category":"infant-formula/organic","quantity":2,"unitPrice":"249.00"}],
                 "source":"e2e-test"}""".formatted(eventId, customer, eventId, at);
        return http.send(HttpRequest.newBuilder(URI.create(settings.service("purchase-ingestion").baseUrl()
                        + "/api/v1/purchases"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static List<SegmentChanged> awaitSegmentChanges(StackSettings settings, String customer, int atLeast) {
        List<SegmentChanged> changes = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "e2e-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class))) {
            consumer.subscribe(List.of(Topics.SEGMENT_CHANGES));
            await().atMost(Duration.ofSeconds(90)).until(() -> {
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
