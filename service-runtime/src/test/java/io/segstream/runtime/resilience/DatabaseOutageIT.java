package io.segstream.runtime.resilience;

import com.mongodb.client.MongoClient;
import com.mongodb.client.model.ReplaceOptions;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.segstream.embedded.MongoWireServer;
import io.segstream.embedded.Ports;
import io.segstream.embedded.TestInfrastructure;
import io.segstream.runtime.security.EndpointAccess;
import io.segstream.runtime.security.Role;
import io.segstream.runtime.security.TestTokens;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpMethod;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * MongoDB goes away and comes back: the circuit opens, API requests get 503 with Retry-After at once, the consumer
 * pauses and loses nothing, and everything sent meanwhile is stored exactly once after the database returns. Runs
 * its own file-backed wire server, stopped and restarted on the same port.
 */
@SpringBootTest(classes = DatabaseOutageIT.App.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "spring.application.name=outage-it",
                "spring.profiles.active=local",
                "segstream.security.local.signing-key=" + TestTokens.SIGNING_KEY,
                "segstream.resilience.mongo.probe-interval=200ms",
                "segstream.resilience.mongo.probe-timeout=500ms",
                "segstream.resilience.mongo.open-wait=1s",
                "segstream.runtime.retry-max-interval=2s",
                "spring.kafka.producer.key-serializer=org.apache.kafka.common.serialization.StringSerializer",
                "spring.kafka.producer.value-serializer=org.apache.kafka.common.serialization.ByteArraySerializer",
                "spring.kafka.consumer.key-deserializer=org.apache.kafka.common.serialization.StringDeserializer",
                "spring.kafka.consumer.value-deserializer=org.apache.kafka.common.serialization.ByteArrayDeserializer",
                "spring.kafka.consumer.auto-offset-reset=earliest",
                "spring.kafka.consumer.enable-auto-commit=false",
                "spring.kafka.listener.type=batch",
                "spring.kafka.listener.ack-mode=batch",
                "management.health.mongodb.enabled=false"})
class DatabaseOutageIT {
    static final String TOPIC = "outage-it-things";
    static final int MONGO_PORT = Ports.freePort();
    static final Path DATA;
    static MongoWireServer mongoServer;

    static {
        try {
            DATA = Files.createTempDirectory("outage-it").resolve("mongo.h2");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        mongoServer = new MongoWireServer("127.0.0.1", MONGO_PORT, DATA).start();
        // The embedded broker does not create topics on first use.
        TestInfrastructure.kafka().createTopics(Map.of(TOPIC, 1));
    }

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @SpringBootApplication
    static class App {
        @Bean
        EndpointAccess outageAccess() {
            return EndpointAccess.builder().allow(HttpMethod.GET, "/api/v1/count", Role.OPS).build();
        }

        @Bean
        Store store(MongoClient client) {
            return new Store(client);
        }
    }

    /** A consumer that stores each message by key (idempotent) and an endpoint that reads the store. */
    @RestController
    static class Store {
        private final MongoClient client;

        Store(MongoClient client) {
            this.client = client;
        }

        @KafkaListener(id = "outage-it-store", topics = TOPIC)
        void store(List<ConsumerRecord<String, byte[]>> records) {
            for (ConsumerRecord<String, byte[]> record : records) {
                client.getDatabase("outage").getCollection("things").replaceOne(new Document("_id", record.key()),
                        new Document("_id", record.key()).append("v", new String(record.value(),
                                StandardCharsets.UTF_8)), new ReplaceOptions().upsert(true));
            }
        }

        @GetMapping("/api/v1/count")
        Map<String, Long> count() {
            return Map.of("count", client.getDatabase("outage").getCollection("things").countDocuments());
        }
    }

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", TestInfrastructure::bootstrapServers);
        registry.add("spring.mongodb.uri", () -> mongoServer.connectionString()
                + "/outage?serverSelectionTimeoutMS=1000&connectTimeoutMS=1000");
    }

    @AfterAll
    static void stopServer() {
        mongoServer.close();
    }

    @LocalServerPort
    int port;

    @Autowired
    DatabaseCircuit circuit;

    @Test
    void anOutageOpensTheCircuitAnswers503AndLosesNothing() throws Exception {
        send(0, 20);
        await().atMost(Duration.ofSeconds(60)).until(() -> count().body(),
                org.hamcrest.Matchers.containsString("\"count\":20"));

        mongoServer.close();
        await().atMost(Duration.ofSeconds(20)).until(circuit::isOpen);
        HttpResponse<String> refused = count();
        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();
        assertThat(refused.body()).contains("\"code\":\"SERVICE_UNAVAILABLE\"");
        // Still authenticated first: an outage is not announced to anonymous callers.
        assertThat(HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/count"))
                .build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(401);

        send(20, 50);
        // The outage lasts while those messages wait: the circuit does not close without a database.
        await("circuit not closed while the database is away").during(Duration.ofSeconds(3))
                .atMost(Duration.ofSeconds(10)).until(() -> circuit.state() != CircuitBreaker.State.CLOSED);
        mongoServer = new MongoWireServer("127.0.0.1", MONGO_PORT, DATA).start();

        await().atMost(Duration.ofSeconds(30)).until(() -> circuit.state() == CircuitBreaker.State.CLOSED);
        await().atMost(Duration.ofSeconds(60)).until(() -> count().statusCode() + " " + count().body(),
                org.hamcrest.Matchers.containsString("200 {\"count\":50}"));
    }

    private static void send(int from, int to) throws Exception {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class))) {
            for (int i = from; i < to; i++) {
                producer.send(new ProducerRecord<>(TOPIC, "k-" + i, ("v" + i).getBytes(StandardCharsets.UTF_8)));
            }
            producer.flush();
        }
    }

    private HttpResponse<String> count() throws Exception {
        return HTTP.send(TestTokens.authorized(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/api/v1/count")), Role.OPS).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
