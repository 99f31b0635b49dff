package io.segstream.embedded;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.bson.Document;
import org.bson.types.Binary;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Date;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The on-disk storage format of the wire server: BSON documents, MongoDB-ordered unique keys, a recorded format. */
class WireServerStorageIT {

    /**
     * Writers on two databases and readers of the documents they rewrite, all at once: a commit must never see a
     * document mid-update (that fails the whole store, "This store is closed"), nor a reader. Afterwards every
     * document has its last version, also after a restart.
     */
    @Test
    void concurrentWritesInTwoDatabasesAndReadsLeaveTheStoreWhole(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("concurrent.mv");
        int port = Ports.freePort();
        int documents = 200;
        int rounds = 25;
        List<String> databases = List.of("one", "two");
        try (MongoWireServer server = new MongoWireServer("127.0.0.1", port, file).start();
             MongoClient client = MongoClients.create(server.connectionString())) {
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(6);
            List<java.util.concurrent.Future<?>> work = new java.util.ArrayList<>();
            for (String database : databases) {
                MongoCollection<Document> c = client.getDatabase(database).getCollection("profiles");
                List<Document> initial = new java.util.ArrayList<>();
                for (int i = 0; i < documents; i++) {
                    initial.add(profile(i, 0));
                }
                c.insertMany(initial);
                work.add(pool.submit(() -> {
                    for (int round = 1; round <= rounds; round++) {
                        List<com.mongodb.client.model.WriteModel<Document>> writes = new java.util.ArrayList<>();
                        for (int i = 0; i < documents; i++) {
                            writes.add(new com.mongodb.client.model.ReplaceOneModel<>(
                                    com.mongodb.client.model.Filters.eq("_id", "p" + i), profile(i, round)));
                        }
                        c.bulkWrite(writes);
                        c.updateMany(com.mongodb.client.model.Filters.lt("_id", "p5"),
                                com.mongodb.client.model.Updates.set("touched", round));
                    }
                    return null;
                }));
                for (int reader = 0; reader < 2; reader++) {
                    work.add(pool.submit(() -> {
                        for (int round = 0; round < rounds; round++) {
                            for (Document read : c.find()) {
                                // A torn read would lack fields or mix two versions.
                                assertThat(read.getList("segments", Document.class)).hasSize(13)
                                        .allSatisfy(segment -> assertThat(segment.getInteger("version"))
                                                .isEqualTo(read.getInteger("version")));
                            }
                        }
                        return null;
                    }));
                }
            }
            pool.shutdown();
            for (java.util.concurrent.Future<?> done : work) {
                done.get(5, java.util.concurrent.TimeUnit.MINUTES);
            }
        }
        try (MongoWireServer server = new MongoWireServer("127.0.0.1", port, file).start();
             MongoClient client = MongoClients.create(server.connectionString())) {
            for (String database : databases) {
                for (Document read : client.getDatabase(database).getCollection("profiles").find()) {
                    assertThat(read.getInteger("version")).isEqualTo(rounds);
                }
            }
        }
    }

    private static Document profile(int i, int version) {
        List<Document> segments = new java.util.ArrayList<>();
        for (int k = 0; k < 13; k++) {
            segments.add(new Document("key", "k" + k).append("class", "c" + (i + version + k) % 5)
                    .append("version", version));
        }
        return new Document("_id", "p" + i).append("version", version).append("segments", segments)
                .append("padding", "x".repeat(500));
    }

    @Test
    void everyBsonTypeTheServicesStoreSurvivesARestart(@TempDir Path dir) {
        Path file = dir.resolve("types.mv");
        int port = Ports.freePort();
        Document rich = new Document("_id", "customer-1")
                .append("amount", new Decimal128(new BigDecimal("1234.5600")))
                .append("at", new Date(1_764_000_000_123L))
                .append("count", 42)
                .append("big", 9_000_000_000L)
                .append("ratio", 0.25)
                .append("flag", true)
                .append("nothing", null)
                .append("oid", new ObjectId("65a1b2c3d4e5f60718293a4b"))
                .append("bytes", new Binary(new byte[]{1, 2, 3}))
                .append("text", "grüße 你好")
                .append("nested", new Document("list", List.of(1, "two", new Document("three", 3.0))));
        try (MongoWireServer server = new MongoWireServer("127.0.0.1", port, file).start();
             MongoClient client = MongoClients.create(server.connectionString())) {
            client.getDatabase("db").getCollection("c").insertOne(rich);
        }
        try (MongoWireServer server = new MongoWireServer("127.0.0.1", port, file).start();
             MongoClient client = MongoClients.create(server.connectionString())) {
            assertThat(client.getDatabase("db").getCollection("c").find().first()).isEqualTo(rich);
        }
    }

    @Test
    void uniqueIndexesRefuseDuplicatesInMongoOrderAcrossARestart(@TempDir Path dir) {
        Path file = dir.resolve("unique.mv");
        int port = Ports.freePort();
        try (MongoWireServer server = new MongoWireServer("127.0.0.1", port, file).start();
             MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> c = client.getDatabase("db").getCollection("u");
            c.createIndex(Indexes.ascending("order", "line"), new IndexOptions().unique(true));
            for (int i = 0; i < 300; i++) {
                c.insertOne(new Document("_id", "e" + i).append("order", "o" + (i / 3)).append("line", i % 3));
            }
            assertDuplicate(() -> c.insertOne(new Document("_id", "x").append("order", "o7").append("line", 1)));
            // MongoDB: 1 and 1.0 are the same key.
            assertDuplicate(() -> c.insertOne(new Document("_id", "y").append("order", "o7").append("line", 1.0)));
            assertDuplicate(() -> c.insertOne(new Document("_id", "e5").append("order", "new").append("line", 0)));
        }
        try (MongoWireServer server = new MongoWireServer("127.0.0.1", port, file).start();
             MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> c = client.getDatabase("db").getCollection("u");
            assertDuplicate(() -> c.insertOne(new Document("_id", "z").append("order", "o99").append("line", 0)));
            c.insertOne(new Document("_id", "w").append("order", "o99").append("line", 3));
            assertThat(c.countDocuments()).isEqualTo(301);
        }
    }

    @Test
    void aFileOfTheStockFormatIsRefusedWithAMessage(@TempDir Path dir) {
        Path file = dir.resolve("stock.mv");
        int port = Ports.freePort();
        H2Backend stock = new H2Backend(file.toString());
        MongoServer server = new MongoServer(stock);
        server.bind("127.0.0.1", port);
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + port)) {
            client.getDatabase("db").getCollection("c").insertOne(new Document("_id", "a"));
        } finally {
            server.shutdownNow();
            stock.close();
        }
        assertThatThrownBy(() -> new MongoWireServer("127.0.0.1", port, file).start())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("earlier version").hasMessageContaining(file.toString());
    }

    private static void assertDuplicate(Runnable insert) {
        assertThatThrownBy(insert::run).isInstanceOfSatisfying(MongoWriteException.class,
                e -> assertThat(e.getError().getCategory()).isEqualTo(ErrorCategory.DUPLICATE_KEY));
    }
}
