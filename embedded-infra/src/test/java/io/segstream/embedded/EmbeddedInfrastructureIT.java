package io.segstream.embedded;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EmbeddedInfrastructureIT {

    @Test
    void brokerKeepsMessagesAcrossARestartOnTheSameDataDirectory(@TempDir Path dir) throws Exception {
        int port = Ports.freePort();
        int controllerPort = Ports.freePort();
        try (KafkaNode node = new KafkaNode("127.0.0.1", port, controllerPort, dir.resolve("kafka"), Map.of()).start()) {
            node.createTopics(Map.of("restart.test", 2));
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, node.bootstrapServers(),
                    ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                    ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
                for (int i = 0; i < 10; i++) {
                    producer.send(new ProducerRecord<>("restart.test", "k" + i, "v" + i)).get();
                }
            }
        }
        try (KafkaNode again = new KafkaNode("127.0.0.1", port, controllerPort, dir.resolve("kafka"), Map.of()).start()) {
            assertThat(readAll(again.bootstrapServers(), "restart.test", 10)).hasSize(10);
        }
    }

    @Test
    void mongoWireServerKeepsDocumentsOnDiskAcrossARestart(@TempDir Path dir) {
        int port = Ports.freePort();
        Path file = dir.resolve("mongo/segstream.mv");
        try (MongoWireServer server = new MongoWireServer("127.0.0.1", port, file).start();
             MongoClient client = MongoClients.create(server.connectionString())) {
            client.getDatabase("db").getCollection("c").insertOne(new Document("_id", "x").append("n", 1));
        }
        try (MongoWireServer server = new MongoWireServer("127.0.0.1", port, file).start();
             MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> c = client.getDatabase("db").getCollection("c");
            assertThat(c.find(new Document("_id", "x")).first()).containsEntry("n", 1);
        }
    }

    @Test
    void everyWriteIsInTheFileBeforeTheClientHearsBack(@TempDir Path dir) {
        Path file = dir.resolve("mongo/durable.mv");
        try (MongoWireServer server = new MongoWireServer("127.0.0.1", Ports.freePort(), file).start();
             MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> c = client.getDatabase("db").getCollection("c");
            c.insertOne(new Document("_id", "a"));
            assertThat(server.hasUncommittedWrites()).isFalse();
            c.updateOne(new Document("_id", "a"), new Document("$set", new Document("n", 2)));
            assertThat(server.hasUncommittedWrites()).isFalse();
            c.insertMany(java.util.List.of(new Document("_id", "b"), new Document("_id", "c")));
            assertThat(server.hasUncommittedWrites()).isFalse();
        }
    }

    @Test
    void aTakenPortIsAClearErrorNamingThePort() throws Exception {
        try (ServerSocket taken = new ServerSocket(0)) {
            int port = taken.getLocalPort();
            assertThatThrownBy(() -> new MongoWireServer("127.0.0.1", port, null).start())
                    .isInstanceOf(PortInUseException.class)
                    .hasMessageContaining(":" + port)
                    .hasMessageContaining("--mongo-port");
        }
    }

    @Test
    void testInfrastructureCreatesEveryContractTopic() throws Exception {
        try (var admin = org.apache.kafka.clients.admin.Admin.create(
                Map.of("bootstrap.servers", TestInfrastructure.bootstrapServers()))) {
            assertThat(admin.listTopics().names().get())
                    .containsAll(TopicLayout.withPartitions(1).keySet());
        }
    }

    private static List<String> readAll(String bootstrap, String topic, int expected) {
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "it-" + KafkaNode.uniqueSuffix(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class))) {
            consumer.subscribe(List.of(topic));
            long deadline = System.currentTimeMillis() + 30_000;
            while (values.size() < expected && System.currentTimeMillis() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    values.add(r.value());
                }
            }
        }
        return values;
    }
}
