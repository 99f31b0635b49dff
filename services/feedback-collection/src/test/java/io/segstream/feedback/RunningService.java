package io.segstream.feedback;

import com.mongodb.client.MongoDatabase;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.search.Search;
import io.segstream.contracts.CloudEventHeaders;
import io.segstream.contracts.ContractJson;
import io.segstream.contracts.Topics;
import io.segstream.contracts.feedback.FeedbackSubmitted;
import io.segstream.embedded.TestInfrastructure;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.MongoDatabaseFactory;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * feedback-collection started by a test class on its own database, against the real broker and wire server, with
 * an HTTP client and a producer for feedback.incoming.v1. A class closes it when done, so that no other context of
 * the consumer group stays alive while the next class runs.
 */
final class RunningService implements AutoCloseable {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final ConfigurableApplicationContext context;
    private final KafkaProducer<String, byte[]> producer;

    private RunningService(ConfigurableApplicationContext context) {
        this.context = context;
        this.producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestInfrastructure.bootstrapServers(), ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class, ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
                ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 2 * 1024 * 1024));
    }

    /** Command-line arguments: they override application.yml (builder properties would not). */
    static RunningService start(String database, String... settings) {
        List<String> args = new ArrayList<>(List.of(
                "--server.port=0",
                "--spring.kafka.bootstrap-servers=" + TestInfrastructure.bootstrapServers(),
                "--spring.mongodb.uri=" + TestInfrastructure.mongoUri(database)));
        for (String setting : settings) {
            args.add("--" + setting);
        }
        return new RunningService(new SpringApplicationBuilder(FeedbackCollectionApplication.class)
                .run(args.toArray(String[]::new)));
    }

    ConfigurableApplicationContext context() {
        return context;
    }

    int port() {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }

    MongoDatabase database() {
        return context.getBean(MongoDatabaseFactory.class).getMongoDatabase();
    }

    URI uri(String path) {
        return URI.create("http://localhost:" + port() + path);
    }

    HttpResponse<String> send(String method, String path, byte[] body, String authorization) throws Exception {
        return send(method, path, body, authorization, "application/json");
    }

    HttpResponse<String> send(String method, String path, byte[] body, String authorization, String contentType)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Content-Type", contentType)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    HttpResponse<String> post(String path, byte[] body, String authorization) throws Exception {
        return send("POST", path, body, authorization);
    }

    HttpResponse<String> get(String path, String authorization) throws Exception {
        return send("GET", path, null, authorization);
    }

    /** Sends to feedback.incoming.v1 with a ce_id header; the returned future completes on the broker's ack. */
    Future<?> sendRaw(String key, byte[] value, String ceId) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.FEEDBACK_INCOMING, key, value);
        record.headers().add(CloudEventHeaders.ID, ceId.getBytes(StandardCharsets.UTF_8));
        record.headers().add(CloudEventHeaders.TYPE,
                "io.segstream.feedback.submitted.v1".getBytes(StandardCharsets.UTF_8));
        return producer.send(record);
    }

    void send(FeedbackSubmitted feedback) throws Exception {
        sendRaw(feedback.customerId(), json(feedback), feedback.eventId()).get();
    }

    double count(String name, String tag, String value) {
        Search search = Search.in(context.getBean(MeterRegistry.class)).name(name);
        if (tag != null) {
            search = search.tag(tag, value);
        }
        return search.counters().stream().mapToDouble(c -> c.count()).sum();
    }

    static byte[] json(FeedbackSubmitted feedback) {
        return ContractJson.mapper().writeValueAsBytes(feedback);
    }

    static JsonNode read(HttpResponse<String> response) {
        return ContractJson.mapper().readTree(response.body());
    }

    static void assertProblem(HttpResponse<String> response, int status, String code) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("content-type")).hasValueSatisfying(
                type -> assertThat(type).contains("application/problem+json"));
        assertThat(read(response).get("code").asString()).isEqualTo(code);
    }

    @Override
    public void close() {
        producer.close();
        context.close();
    }
}
