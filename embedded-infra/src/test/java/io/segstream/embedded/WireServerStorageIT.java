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
