package io.segstream.segmentation.store;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.segstream.embedded.KafkaNode;
import io.segstream.embedded.MongoWireServer;
import io.segstream.embedded.Ports;
import io.segstream.embedded.TestInfrastructure;
import io.segstream.segmentation.domain.CustomerProfile;
import io.segstream.segmentation.domain.PurchaseFact;
import io.segstream.segmentation.domain.PurchaseKind;
import io.segstream.segmentation.encoding.ProfileCodec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The profiles view written behind a changelog, on the real broker and the wire server (on disk, so that it can be
 * stopped and started again): one write per customer per flush, never an older version over a newer one, deletions,
 * only committed records, catching up after an outage, rebuilding from the changelog when its position is lost.
 */
class ProfileViewWriterIT {
    private static final Instant NOW = Instant.parse("2026-11-20T12:00:00Z");
    private static final Duration FLUSH = Duration.ofMillis(500);

    @TempDir
    Path dir;
    private MongoWireServer mongo;
    private int mongoPort;
    private MongoClient client;
    private String changelog;
    private KafkaProducer<String, byte[]> producer;
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private ProfileViewWriter writer;

    @BeforeEach
    void start() {
        mongoPort = Ports.freePort();
        mongo = new MongoWireServer("127.0.0.1", mongoPort, dir.resolve("view.mv")).start();
        client = MongoClients.create(mongo.connectionString() + "/?serverSelectionTimeoutMS=2000&connectTimeoutMS=1000");
        changelog = "view-it-" + KafkaNode.uniqueSuffix() + "-profiles-changelog";
        TestInfrastructure.kafka().createTopics(Map.of(changelog, 2), Map.of(changelog, Map.of("cleanup.policy",
                "compact")));
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestInfrastructure.bootstrapServers(), ProducerConfig.TRANSACTIONAL_ID_CONFIG, changelog),
                new StringSerializer(), new ByteArraySerializer());
        producer.initTransactions();
        writer = newWriter();
        writer.start();
    }

    private ProfileViewWriter newWriter() {
        return new ProfileViewWriter(() -> new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, changelog + "-view",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(),
                new ByteArrayDeserializer()), database().getCollection(ProfileDocuments.COLLECTION),
                database().getCollection(ProfileViewWriter.OFFSETS), new ProfileViewWriter.Settings(changelog, FLUSH,
                1000, Duration.ofMillis(200), Duration.ofSeconds(1)), Clock.systemUTC(), meters);
    }

    @AfterEach
    void stop() {
        writer.close();
        producer.close();
        client.close();
        mongo.close();
    }

    private MongoDatabase database() {
        return client.getDatabase("view-it");
    }

    private MongoCollection<Document> profiles() {
        return database().getCollection(ProfileDocuments.COLLECTION);
    }

    /** A profile of {@code purchases} purchases, stored at version {@code purchases}. */
    private static byte[] profile(String customerId, int purchases) {
        List<PurchaseFact> facts = new ArrayList<>();
        for (int i = 0; i < purchases; i++) {
            facts.add(new PurchaseFact("e" + i, customerId, PurchaseKind.PURCHASE, NOW.minusSeconds(3600L * i),
                    new BigDecimal("10.00"), "CNY", "ONLINE", "CN-SH", List.of(), null));
        }
        CustomerProfile profile = CustomerProfile.restore(customerId, purchases, facts,
                io.segstream.segmentation.domain.EarlierHistory.NONE, List.of(), "CNY");
        return ProfileCodec.encode(profile);
    }

    private void commit(List<ProducerRecord<String, byte[]>> records) {
        producer.beginTransaction();
        records.forEach(producer::send);
        producer.commitTransaction();
    }

    private ProducerRecord<String, byte[]> change(String customerId, byte[] value) {
        return new ProducerRecord<>(changelog, customerId, value);
    }

    private Long version(String customerId) {
        Document document = profiles().find(Filters.eq("_id", customerId)).first();
        return document == null ? null : document.get("version", Number.class).longValue();
    }

    private double writes() {
        return meters.get("segstream.segmentation.view.writes").counter().count();
    }

    @Test
    void aCustomersChangesWithinAFlushAreWrittenOnceAtTheLatestVersion() {
        commit(List.of(change("C-1", profile("C-1", 1)), change("C-1", profile("C-1", 2)),
                change("C-1", profile("C-1", 3)), change("C-2", profile("C-2", 1))));

        await().atMost(Duration.ofSeconds(30)).until(() -> Long.valueOf(3).equals(version("C-1"))
                && version("C-2") != null);
        assertThat(writes()).as("one write per customer").isEqualTo(2);
        assertThat(ProfileDocuments.toProfile(profiles().find(Filters.eq("_id", "C-1")).first()).purchases())
                .hasSize(3);
    }

    @Test
    void anOlderVersionNeverOverwritesANewerOneAndADeletionDeletes() {
        commit(List.of(change("C-3", profile("C-3", 4))));
        await().atMost(Duration.ofSeconds(30)).until(() -> Long.valueOf(4).equals(version("C-3")));

        commit(List.of(change("C-3", profile("C-3", 2))));
        commit(List.of(change("C-4", profile("C-4", 1))));
        await().atMost(Duration.ofSeconds(30)).until(() -> version("C-4") != null);
        assertThat(version("C-3")).isEqualTo(4L);

        // Erased, then a new relationship starts over at version 1 in the same flush.
        commit(List.of(change("C-3", null), change("C-3", profile("C-3", 1))));
        await().atMost(Duration.ofSeconds(30)).until(() -> Long.valueOf(1).equals(version("C-3")));
        commit(List.of(change("C-4", null)));
        await().atMost(Duration.ofSeconds(30)).until(() -> version("C-4") == null);
    }

    @Test
    void anAbortedTransactionNeverReachesTheView() {
        producer.beginTransaction();
        producer.send(change("C-5", profile("C-5", 1)));
        producer.flush();
        producer.abortTransaction();
        commit(List.of(change("C-6", profile("C-6", 1))));

        await().atMost(Duration.ofSeconds(30)).until(() -> version("C-6") != null);
        assertThat(version("C-5")).isNull();
    }

    @Test
    void theViewCatchesUpAfterAMongoOutageAndItsLagShowsMeanwhile() {
        commit(List.of(change("C-7", profile("C-7", 1))));
        await().atMost(Duration.ofSeconds(30)).until(() -> version("C-7") != null);

        mongo.close();
        commit(List.of(change("C-7", profile("C-7", 2)), change("C-8", profile("C-8", 1))));
        await().atMost(Duration.ofSeconds(30)).until(() -> meters.get("segstream.segmentation.view.lag").gauge()
                .value() >= 2);
        await().atMost(Duration.ofSeconds(30)).until(() -> meters.get("segstream.segmentation.view.staleness")
                .gauge().value() > 0);
        mongo = new MongoWireServer("127.0.0.1", mongoPort, dir.resolve("view.mv")).start();

        await().atMost(Duration.ofSeconds(60)).until(() -> Long.valueOf(2).equals(version("C-7"))
                && version("C-8") != null);
        await().atMost(Duration.ofSeconds(30)).until(() -> meters.get("segstream.segmentation.view.lag").gauge()
                .value() == 0);
    }

    @Test
    void aViewThatLostItsPositionIsRebuiltFromTheChangelog() {
        commit(List.of(change("C-9", profile("C-9", 1)), change("C-10", profile("C-10", 2))));
        await().atMost(Duration.ofSeconds(30)).until(() -> version("C-9") != null && version("C-10") != null);
        writer.close();

        // The database is lost (or restored from an empty backup): profiles and position both gone.
        database().drop();
        writer = newWriter();
        writer.start();

        await().atMost(Duration.ofSeconds(30)).until(() -> Long.valueOf(1).equals(version("C-9"))
                && Long.valueOf(2).equals(version("C-10")));
    }
}
