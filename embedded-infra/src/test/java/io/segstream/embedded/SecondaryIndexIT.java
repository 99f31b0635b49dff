package io.segstream.embedded;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
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
import java.util.Date;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Queries on the fields of non-unique indexes ({@link OrderedSecondaryIndex}, read by {@link IdKeyedCollection})
 * give the stock server's answers while documents are inserted, updated, replaced, upserted and deleted, with values
 * of mixed types, missing fields and sub-documents, on top-level and dotted paths; an index whose path meets an array
 * stops being kept; and the index survives a restart. The stock in-memory server ignores
 * such indexes and scans, so it is the reference.
 */
class SecondaryIndexIT {
    private static final long T0 = 1_780_000_000_000L;
    private static final long MINUTE = 60_000;
    private static final int DOCUMENTS = 400;
    private static final int ROUNDS = 6;

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
    void rangeAndEqualityQueriesAnswerLikeTheStockServerThroughEveryKindOfWrite() {
        Random random = new Random(20_261_202L);
        servers.both("q", c -> {
            c.createIndex(Indexes.ascending("due"), new IndexOptions().name("due").sparse(true));
            c.createIndex(Indexes.ascending("o.published", "o.createdAt"), new IndexOptions().name("outbox"));
        });
        List<Document> initial = documents(random, 0, DOCUMENTS);
        servers.both("q", c -> c.insertMany(StockComparison.copies(initial)));
        // Created over existing documents: built from them.
        servers.both("q", c -> c.createIndex(Indexes.ascending("score"), new IndexOptions().name("score")));
        for (int round = 0; round < ROUNDS; round++) {
            assertQueriesAgree(random);
            mutate(random, round);
        }
        assertQueriesAgree(random);
    }

    @Test
    void theIndexSurvivesARestartAndKeepsFollowingWrites(@TempDir Path restartDir) {
        Path file = restartDir.resolve("restart.mv");
        int port = Ports.freePort();
        Date cutoff = new Date(T0 + 50 * MINUTE);
        try (MongoWireServer server = new MongoWireServer("127.0.0.1", port, file).start();
             MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> c = client.getDatabase("db").getCollection("r");
            c.createIndex(Indexes.ascending("due"), new IndexOptions().name("due").sparse(true));
            for (int i = 0; i < 100; i++) {
                c.insertOne(new Document("_id", String.format("r-%03d", i)).append("due", new Date(T0 + i * MINUTE)));
            }
        }
        try (MongoWireServer server = new MongoWireServer("127.0.0.1", port, file).start();
             MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> c = client.getDatabase("db").getCollection("r");
            assertThat(ids(c.find(Filters.lte("due", cutoff)).sort(Sorts.ascending("due")).limit(3)))
                    .containsExactly("r-000", "r-001", "r-002");
            c.updateMany(Filters.lt("due", new Date(T0 + 10 * MINUTE)), Updates.unset("due"));
            c.deleteMany(Filters.lte("due", new Date(T0 + 20 * MINUTE)));
            assertThat(c.countDocuments()).isEqualTo(89);
            assertThat(ids(c.find(Filters.lte("due", cutoff)).sort(Sorts.ascending("due")).limit(2)))
                    .containsExactly("r-021", "r-022");
            assertThat(c.find(Filters.lte("due", cutoff)).into(new ArrayList<>())).hasSize(30);
        }
    }

    @Test
    void anUnsortedLimitedQueryIsReadFromTheIndexInKeyOrder() {
        // Ids run against the keys: the data map (and the stock server) would yield u-0 first, the index u-9.
        MongoCollection<Document> c = servers.onDisk("u");
        c.createIndex(Indexes.ascending("due"), new IndexOptions().name("due").sparse(true));
        c.createIndex(Indexes.ascending("outbox.published", "outbox.createdAt"), new IndexOptions().name("outbox"));
        for (int i = 0; i < 10; i++) {
            c.insertOne(new Document("_id", "u-" + (9 - i)).append("due", new Date(T0 + i * MINUTE))
                    .append("outbox", new Document("published", false).append("createdAt", new Date(T0 + i * MINUTE))));
        }
        Date cutoff = new Date(T0 + 100 * MINUTE);
        assertThat(ids(c.find(Filters.lte("due", cutoff)).limit(3))).containsExactly("u-9", "u-8", "u-7");
        assertThat(ids(c.find(Filters.and(Filters.eq("outbox.published", false), Filters.lte("outbox.createdAt",
                cutoff))).limit(3))).containsExactly("u-9", "u-8", "u-7");
        assertThat(ids(c.find(Filters.gt("due", new Date(T0 + 7 * MINUTE))))).containsExactly("u-1", "u-0");
    }

    @Test
    void dottedPathsStayUnindexedAndAnswerLikeTheStockServer() {
        servers.both("s", c -> {
            c.createIndex(Indexes.ascending("segments.key", "segments.class"), new IndexOptions().name("segment_class"));
            c.createIndex(Indexes.ascending("due"), new IndexOptions().name("due"));
        });
        List<Document> profiles = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            List<Document> segments = new ArrayList<>();
            for (int k = 0; k < 13; k++) {
                segments.add(new Document("key", "k" + k).append("class", "c" + (i + k) % 4));
            }
            profiles.add(new Document("_id", String.format("p-%02d", i)).append("segments", segments)
                    .append("due", new Date(T0 + i * MINUTE)));
        }
        servers.both("s", c -> c.insertMany(StockComparison.copies(profiles)));
        Bson inClass = Filters.elemMatch("segments", Filters.and(Filters.eq("key", "k3"), Filters.eq("class", "c1")));
        for (Bson filter : List.of(inClass, Filters.and(Filters.eq("segments.key", "k3"),
                Filters.eq("segments.class", "c2")))) {
            assertThat(ids(servers.onDisk("s").find(filter)))
                    .containsExactlyInAnyOrderElementsOf(ids(servers.stock("s").find(filter)));
        }
        Document sizes = servers.onDiskDatabase().runCommand(new Document("collStats", "s"))
                .get("indexSize", Document.class);
        // The product of 13 keys and 13 classes per profile is not kept; the top-level field is, once per document.
        assertThat(((Number) sizes.get("segment_class")).longValue()).isZero();
        assertThat(((Number) sizes.get("due")).longValue()).isEqualTo(50);
    }

    private static void assertQueriesAgree(Random random) {
        Date at = new Date(T0 + random.nextInt(200) * MINUTE);
        Date later = new Date(at.getTime() + 40 * MINUTE);
        List<Bson> filters = List.of(
                Filters.lte("due", at),
                Filters.lt("due", at),
                Filters.gte("due", at),
                Filters.gt("due", at),
                Filters.and(Filters.gte("due", at), Filters.lt("due", later)),
                new Document("due", new Document("$gt", at).append("$lte", later)),
                Filters.and(Filters.lte("due", later), Filters.eq("flag", true)),
                Filters.and(Filters.lte("due", later), Filters.or(Filters.eq("flag", true), Filters.gt("score", 50))),
                Filters.eq("due", at),
                Filters.and(Filters.eq("o.published", false), Filters.lte("o.createdAt", at)),
                new Document("o.published", false).append("o.createdAt", new Document("$lte", at)),
                Filters.and(Filters.eq("o.published", true), Filters.gt("o.createdAt", at)),
                Filters.eq("o.published", false),
                Filters.lte("score", 30),
                Filters.gt("score", 30.5),
                Filters.and(Filters.gte("score", 10L), Filters.lt("score", 60)),
                Filters.eq("score", 42),
                Filters.lte("score", "m"));
        for (Bson filter : filters) {
            servers.assertSame("q", filter, c -> c.find(filter).into(new ArrayList<>()), true);
            for (Bson sort : List.of(Sorts.ascending("due"), Sorts.ascending("o.createdAt"),
                    Sorts.ascending("o.published", "o.createdAt"), Sorts.descending("due"), Sorts.ascending("score"))) {
                // Ties keep no guaranteed order in MongoDB: add _id so the reference order is one order.
                Bson order = Sorts.orderBy(sort, Sorts.ascending("_id"));
                servers.assertSame("q", filter, c -> c.find(filter).sort(order).limit(25).into(new ArrayList<>()), false);
                servers.assertSame("q", filter, c -> c.find(filter).sort(order).skip(5).limit(10).into(new ArrayList<>()), false);
            }
            // Read in index order and stopped at the limit: the same sort keys as the reference (ties aside).
            for (String field : List.of("due", "o.createdAt", "score")) {
                Function<MongoCollection<Document>, List<Object>> firstKeys = c -> c.find(filter)
                        .sort(Sorts.ascending(field)).limit(25).map(d -> sortKey(d.getEmbedded(List.of(field.split("\\.")),
                                Object.class))).into(new ArrayList<>());
                assertThat(firstKeys.apply(servers.onDisk("q"))).as(field + " order of " + filter.toBsonDocument()
                        .toJson()).containsExactlyElementsOf(firstKeys.apply(servers.stock("q")));
            }
            assertThat(servers.onDisk("q").countDocuments(filter)).as(filter.toBsonDocument().toJson())
                    .isEqualTo(servers.stock("q").countDocuments(filter));
        }
    }

    private static void mutate(Random random, int round) {
        Date at = new Date(T0 + random.nextInt(200) * MINUTE);
        servers.both("q", c -> c.updateMany(Filters.lte("due", at), Updates.set("due", new Date(at.getTime() + 90 * MINUTE))));
        servers.both("q", c -> c.updateMany(Filters.and(Filters.eq("o.published", false), Filters.lte("o.createdAt", at)),
                Updates.set("o.published", true)));
        for (int i = 0; i < 20; i++) {
            String id = String.format("d-%04d", random.nextInt(DOCUMENTS));
            Document replacement = document(random, id);
            servers.both("q", c -> c.replaceOne(Filters.eq("_id", id), new Document(replacement),
                    new ReplaceOptions().upsert(true)));
        }
        String gone = String.format("d-%04d", random.nextInt(DOCUMENTS));
        servers.both("q", c -> c.updateOne(Filters.eq("_id", gone), Updates.unset("due")));
        servers.both("q", c -> c.deleteMany(Filters.and(Filters.gte("score", 90), Filters.lt("score", 92))));
        List<Document> added = documents(random, DOCUMENTS + round * 10, 10);
        servers.both("q", c -> c.insertMany(StockComparison.copies(added)));
    }

    private static List<Document> documents(Random random, int from, int count) {
        List<Document> documents = new ArrayList<>();
        for (int i = from; i < from + count; i++) {
            documents.add(document(random, String.format("d-%04d", i)));
        }
        return documents;
    }

    /** A document with the indexed fields in every shape: dates, other types, null, missing, arrays. */
    private static Document document(Random random, String id) {
        Document document = new Document("_id", id).append("flag", random.nextBoolean());
        int shape = random.nextInt(10);
        Date due = new Date(T0 + random.nextInt(300) * MINUTE);
        switch (shape) {
            case 0 -> { /* no due */ }
            case 1 -> document.append("due", null);
            case 2 -> document.append("due", new Document("at", due));
            case 3 -> document.append("due", "not a date");
            case 4 -> document.append("due", random.nextInt(1000));
            default -> document.append("due", due);
        }
        // An outbox sub-document, as the services' outbox writes it; sometimes without a time.
        Document outbox = new Document("published", random.nextInt(3) == 0 ? (Object) "maybe"
                : (Object) random.nextBoolean());
        if (random.nextInt(8) != 0) {
            outbox.append("createdAt", new Date(T0 + random.nextInt(300) * MINUTE));
        }
        document.append("o", outbox);
        Object score = switch (random.nextInt(6)) {
            case 0 -> random.nextDouble() * 100;
            case 1 -> (long) random.nextInt(100);
            case 2 -> "s" + random.nextInt(10);
            default -> random.nextInt(100);
        };
        return document.append("score", score);
    }

    private static List<String> ids(Iterable<Document> documents) {
        List<String> ids = new ArrayList<>();
        documents.forEach(document -> ids.add(document.getString("_id")));
        return ids;
    }

    /** What an ascending sort orders a value by. */
    private static Object sortKey(Object value) {
        // 1, 1L and 1.0 are one value to MongoDB, and tie.
        return value instanceof Number number ? (Object) number.doubleValue() : value;
    }

}
