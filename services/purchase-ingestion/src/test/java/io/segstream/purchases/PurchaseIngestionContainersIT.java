package io.segstream.purchases;

import io.segstream.contracts.ContractJson;
import io.segstream.contracts.Topics;
import io.segstream.contracts.purchase.PurchaseRecorded;
import io.segstream.contracts.purchase.PurchaseSubmitted;
import io.segstream.embedded.TopicLayout;
import io.segstream.runtime.security.Role;
import io.segstream.runtime.security.TestTokens;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import static io.segstream.purchases.TopicRecorder.withEventId;
import static io.segstream.purchases.domain.PurchaseMother.purchase;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The same HTTP and idempotency paths as {@link PurchaseIngestionIT}, against real MongoDB (a replica set) and real
 * Apache Kafka images: what the embedded wire server cannot prove (real index use, real server semantics). Skipped
 * where there is no Docker engine; never the only test of a path.
 */
@Testcontainers(disabledWithoutDocker = true)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PurchaseIngestionContainersIT {
    @Container
    static final KafkaContainer KAFKA = new KafkaContainer("apache/kafka:4.1.1");
    @Container
    static final MongoDBContainer MONGO = new MongoDBContainer("mongo:8.0");

    private static TopicRecorder recorded;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", KAFKA::getBootstrapServers);
        registry.add("spring.mongodb.uri", () -> MONGO.getReplicaSetUrl("segstream-purchases"));
    }

    @LocalServerPort
    int port;

    @BeforeAll
    static void createTopics() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                KAFKA.getBootstrapServers()))) {
            admin.createTopics(TopicLayout.withPartitions(3).entrySet().stream()
                    .map(topic -> new NewTopic(topic.getKey(), topic.getValue(), (short) 1)).toList()).all().get();
        }
        recorded = new TopicRecorder(KAFKA.getBootstrapServers(), Topics.PURCHASES_RECORDED);
    }

    @AfterAll
    static void stop() {
        if (recorded != null) {
            recorded.close();
        }
    }

    @Test
    void aPurchaseIsRecordedOnceAndPublishedOnRealMongoAndKafka() throws Exception {
        PurchaseSubmitted p = purchase().build();
        byte[] body = ContractJson.mapper().writeValueAsBytes(p);

        assertThat(post(body).statusCode()).isEqualTo(201);
        assertThat(post(body).statusCode()).as("the same eventId again is a duplicate").isEqualTo(200);

        PurchaseRecorded event = ContractJson.mapper().readValue(
                recorded.awaitOne(withEventId(p.eventId())).value(), PurchaseRecorded.class);
        assertThat(event.customerId()).isEqualTo(p.customerId());
        assertThat(recorded.matching(withEventId(p.eventId()))).hasSize(1);
    }

    private HttpResponse<String> post(byte[] body) throws Exception {
        return HttpClient.newHttpClient().send(TestTokens.authorized(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/v1/purchases")), Role.INGEST)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
