package io.segstream.embedded;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The on-disk wire server answers {@code _id}-pinned filters and {@code _id}-ordered pages without scanning
 * ({@link IdKeyedCollection}): every query here runs against it and against the stock in-memory server with the
 * same documents, and must give the same answer.
 */
class IdKeyedCollectionIT {
    private static final int DOCUMENTS = 500;
    @TempDir
    static Path dir;
    private static StockComparison servers;

    @BeforeAll
    static void start() {
        servers = new StockComparison(dir);
    }

    @AfterAll
    static void stop() {
        servers.close();
    }

    @Test
    void pinnedAndRangeQueriesAnswerLikeTheStockServer() {
        List<Document> documents = documents(new Random(7), "c");
        servers.both("c", c -> c.insertMany(StockComparison.copies(documents)));
        List<Bson> filters = List.of(
                Filters.eq("_id", "id-0042"),
                Filters.eq("_id", "missing"),
                Filters.and(Filters.eq("_id", "id-0042"), Filters.eq("version", 3)),
                Filters.and(Filters.eq("_id", "id-0042"), Filters.eq("version", -1)),
                new Document("_id", "id-0042").append("version", new Document("$gte", 0)),
                new Document("$and", List.of(new Document("version", 2), new Document("_id", new Document("$in",
                        List.of("id-0010", "id-0011", "id-0012", "id-0013", "id-0014", "id-0015"))))),
                Filters.or(Filters.eq("_id", "id-0001"), Filters.eq("_id", "id-0002")),
                Filters.in("_id", "id-0001", "id-0002", "missing", "id-0001", "id-0499"),
                Filters.and(Filters.in("_id", "id-0003", "id-0004", "id-0005"), Filters.gte("amount", 50)),
                Filters.gt("_id", "id-0250"),
                Filters.gte("_id", "id-0250"),
                Filters.gt("_id", "id-0499"),
                Filters.gt("_id", "a"),
                new Document());
        for (Bson filter : filters) {
            servers.assertSame("c", filter, c -> c.find(filter).into(new ArrayList<>()), true);
            for (int limit : new int[]{1, 7, 100, 1000}) {
                servers.assertSame("c", filter, c -> c.find(filter).sort(Sorts.ascending("_id")).limit(limit)
                        .into(new ArrayList<>()), false);
                servers.assertSame("c", filter, c -> c.find(filter).sort(Sorts.ascending("_id")).skip(3).limit(limit)
                        .into(new ArrayList<>()), false);
                servers.assertSame("c", filter, c -> c.find(filter).sort(Sorts.descending("_id")).limit(limit)
                        .into(new ArrayList<>()), false);
            }
        }
    }

    @Test
    void optimisticWritesMatchOnlyTheirVersion() {
        servers.both("w", c -> c.insertMany(StockComparison.copies(documents(new Random(11), "w"))));
        for (MongoCollection<Document> c : List.of(servers.onDisk("w"), servers.stock("w"))) {
            int version = c.find(Filters.eq("_id", "id-0100")).first().getInteger("version");
            assertThat(c.updateOne(Filters.and(Filters.eq("_id", "id-0100"), Filters.eq("version", version + 1)),
                    Updates.set("touched", true)).getMatchedCount()).isZero();
            assertThat(c.replaceOne(Filters.and(Filters.eq("_id", "id-0100"), Filters.eq("version", version)),
                    new Document("version", version + 1)).getMatchedCount()).isOne();
            assertThat(c.updateMany(Filters.in("_id", "id-0101", "id-0102", "nobody"), Updates.set("touched", true))
                    .getModifiedCount()).isEqualTo(2);
            assertThat(c.deleteOne(Filters.and(Filters.eq("_id", "id-0103"), Filters.eq("version", -5)))
                    .getDeletedCount()).isZero();
            assertThat(c.countDocuments(Filters.eq("touched", true))).isEqualTo(2);
            assertThat(c.find(Filters.eq("_id", "id-0100")).first().getInteger("version")).isEqualTo(version + 1);
        }
    }

    @Test
    void collectionsWithOtherIdTypesTakeTheStockPath() {
        List<Document> mixed = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            mixed.add(new Document("_id", i % 2 == 0 ? (Object) i : "s-" + i).append("n", i));
        }
        servers.both("m", c -> c.insertMany(StockComparison.copies(mixed)));
        for (Bson filter : List.of(new Document(), Filters.gt("_id", "s-10"), Filters.gt("_id", 10),
                Filters.in("_id", 4, "s-5"), Filters.and(Filters.eq("_id", 4), Filters.eq("n", 4)))) {
            servers.assertSame("m", filter, c -> c.find(filter).sort(Sorts.ascending("_id")).limit(20)
                    .into(new ArrayList<>()), false);
        }
    }

    @Test
    void keyedCollectionsSurviveARestart(@TempDir Path restartDir) {
        Path file = restartDir.resolve("restart.mv");
        int port = Ports.freePort();
        List<Document> documents = documents(new Random(3), "r");
        try (MongoWireServer server = new MongoWireServer("127.0.0.1", port, file).start();
             MongoClient client = MongoClients.create(server.connectionString())) {
            client.getDatabase("db").getCollection("r").insertMany(StockComparison.copies(documents));
        }
        try (MongoWireServer server = new MongoWireServer("127.0.0.1", port, file).start();
             MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> c = client.getDatabase("db").getCollection("r");
            assertThat(c.find(Filters.and(Filters.eq("_id", "id-0007"), Filters.exists("version"))).first())
                    .isNotNull();
            assertThat(c.find(Filters.gt("_id", "id-0490")).sort(Sorts.ascending("_id")).limit(5)
                    .map(d -> d.getString("_id")).into(new ArrayList<>()))
                    .containsExactly("id-0491", "id-0492", "id-0493", "id-0494", "id-0495");
        }
    }

    private static List<Document> documents(Random random, String prefix) {
        List<Document> documents = new ArrayList<>();
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < DOCUMENTS; i++) {
            order.add(i);
        }
        java.util.Collections.shuffle(order, random);
        for (int i : order) {
            documents.add(new Document("_id", String.format("id-%04d", i))
                    .append("version", random.nextInt(5))
                    .append("amount", random.nextInt(100))
                    .append("group", prefix + random.nextInt(3)));
        }
        return documents;
    }

}
