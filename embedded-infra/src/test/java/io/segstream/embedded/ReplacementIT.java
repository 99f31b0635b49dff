package io.segstream.embedded;

import com.mongodb.MongoException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.result.UpdateResult;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.codecs.DocumentCodec;
import org.bson.conversions.Bson;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;
import org.bson.types.Decimal128;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whole-document replacements, which {@link IdKeyedCollection} does itself (without the stock update's copies), and
 * the collection data size, which it keeps from each document's one encoding ({@link BsonDocumentType}): both answer
 * like the stock in-memory server (field order, matched and modified counts, errors, {@code collStats} size) through
 * inserts, replacements, operator updates and deletes, and the size survives a restart.
 */
class ReplacementIT {
    private static final int DOCUMENTS = 300;
    private static final int ROUNDS = 5;

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
    void replacementsAndDataSizesAreTheStockServers() {
        Random random = new Random(20_261_203L);
        servers.both("r", c -> c.createIndex(Indexes.ascending("code"), new IndexOptions().unique(true).sparse(true)));
        List<Document> seed = new ArrayList<>();
        for (int i = 0; i < DOCUMENTS; i++) {
            seed.add(document(i, 0, random));
        }
        servers.both("r", c -> c.insertMany(StockComparison.copies(seed)));
        assertSameState("after inserts");
        for (int round = 1; round <= ROUNDS; round++) {
            for (int each = 0; each < DOCUMENTS; each++) {
                int i = each;
                int version = round - 1;
                Document replacement = document(i, round, random);
                switch (random.nextInt(6)) {
                    case 0 -> replacement.remove("nested");
                    case 1 -> replacement.append("extra" + round, List.of(round, "x", new Document("deep", round)));
                    case 2 -> replacement = reordered(replacement);
                    case 3 -> replacement.put("_id", id(i));
                    default -> {
                    }
                }
                Document sent = replacement;
                // An optimistic write at the right version, and one at a stale version (matches nothing).
                assertSameResult("replace " + i, c -> c.replaceOne(Filters.and(Filters.eq("_id", id(i)),
                        Filters.eq("version", version)), new Document(sent)));
                assertSameResult("stale " + i, c -> c.replaceOne(Filters.and(Filters.eq("_id", id(i)),
                        Filters.eq("version", version + 10)), new Document(sent)));
            }
            int same = random.nextInt(DOCUMENTS);
            Document unchanged = new Document(servers.stock("r").find(Filters.gte("_id", id(same)))
                    .sort(Sorts.ascending("_id")).first());
            assertSameResult("unchanged", c -> c.replaceOne(Filters.eq("_id", unchanged.get("_id")),
                    new Document(unchanged)));
            assertSameResult("by another field", c -> c.replaceOne(Filters.eq("code", "code-" + same),
                    new Document("version", -1).append("code", "code-" + same).append("by", "field")));
            assertSameResult("upsert", c -> c.replaceOne(Filters.eq("_id", "new-" + same),
                    new Document("version", 0).append("code", "new-" + same), new ReplaceOptions().upsert(true)));
            assertSameResult("operators", c -> c.updateMany(Filters.in("_id", id(same), id((same + 1) % DOCUMENTS)),
                    Updates.combine(Updates.set("nested.flag", true), Updates.inc("counter", 1))));
            servers.both("r", c -> c.bulkWrite(List.of(
                    new ReplaceOneModel<>(Filters.eq("_id", id(1)), new Document("version", 99)),
                    new ReplaceOneModel<>(Filters.eq("_id", id(2)), new Document("version", 98)))));
            String deleted = id(random.nextInt(DOCUMENTS));
            servers.both("r", c -> c.deleteMany(Filters.eq("_id", deleted)));
            assertSameState("round " + round);
        }
        // Errors: another _id, and a unique key another document holds.
        assertSameError(c -> c.replaceOne(Filters.eq("_id", id(5)), new Document("_id", "other")));
        assertSameError(c -> c.replaceOne(Filters.eq("_id", id(6)), new Document("code", "code-7")));
        assertSameState("after errors");
    }

    @Test
    void setAndUnsetUpdatesAreTheStockServers() {
        servers.both("u", c -> c.createIndex(Indexes.ascending("flag"), new IndexOptions().name("flag")));
        List<Document> seed = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            seed.add(new Document("_id", id(i)).append("n", i).append("long", (long) i).append("flag", i % 3 == 0)
                    .append("sub", new Document("a", i).append("deep", new Document("x", "y")))
                    .append("nothing", null).append("list", List.of(1, new Document("k", i)))
                    .append("pending", List.of(new Document("change", i)))
                    .append("shape", new Document("p", 1).append("q", List.of("r", 2)))
                    // a type whose length the partial decoding does not know: such documents are decoded whole
                    .append("pattern", i % 4 == 0 ? java.util.regex.Pattern.compile("a.*b") : "plain"));
        }
        servers.both("u", c -> c.insertMany(StockComparison.copies(seed)));
        List<Bson> updates = List.of(
                Updates.set("n", 100), Updates.set("n", 100L), Updates.set("n", 100.0), Updates.set("long", 3),
                Updates.set("fresh", "new"), Updates.set("flag", true), Updates.set("flag", false),
                Updates.set("sub.a", 7), Updates.set("sub.deep.x", "z"), Updates.set("sub.deep.new", 1),
                Updates.set("missing.path", new Document("v", 1)), Updates.set("nothing.inside", 2),
                Updates.set("n.inside", 1), Updates.set("list.0", 9), Updates.set("list.1.k", 9),
                Updates.unset("fresh"), Updates.unset("sub.deep"), Updates.unset("absent"), Updates.unset("n.x"),
                Updates.unset("list.0"), Updates.unset("nothing.x"),
                Updates.combine(Updates.set("pending", List.of()), Updates.unset("flag"), Updates.set("n", 5L)),
                Updates.set("pending", List.of(new Document("change", 1))),
                Updates.set("sub", new Document("a", 1)), Updates.set("sub", new Document("a", 1L)),
                Updates.combine(Updates.set("sub.a", 1), Updates.set("sub", 2)),
                Updates.combine(Updates.set("x", 1), Updates.unset("x")), Updates.set("_id", "other"),
                Updates.unset("_id"), Updates.combine(Updates.set("a", 1), Updates.inc("b", 1)),
                // Same-size arrays and documents: changed, reordered, or equal only to the stock comparison.
                Updates.set("shape", new Document("p", 1.0).append("q", List.of("r", 2L))),
                Updates.set("shape", new Document("q", List.of("r", 2)).append("p", 1)),
                Updates.set("shape", new Document("p", 2).append("q", List.of("r", 2))),
                Updates.set("shape.q", List.of(2, "r")), Updates.set("shape.q", List.of("r", -0.0)),
                Updates.set("pending", List.of(new Document("change", 99))));
        for (int u = 0; u < updates.size(); u++) {
            Bson update = updates.get(u);
            String what = update.toBsonDocument().toJson();
            String one = id(u);
            String two = id(u + 1);
            String three = id(u + 2);
            assertSameOutcome(what + " one", c -> c.updateOne(Filters.eq("_id", one), update));
            assertSameOutcome(what + " many", c -> c.updateMany(Filters.in("_id", two, three, "absent"),
                    update));
            assertSameOutcome(what + " by index", c -> c.updateMany(Filters.eq("flag", true), update));
            // pinned by _id with more conditions (an optimistic write's shape): only the fields read are decoded
            int next = u + 3;
            Bson pinnedAndFiltered = Filters.and(Filters.eq("_id", id(next)), Filters.eq("sub.a", next));
            Bson pinnedOr = Filters.and(Filters.in("_id", id(next + 1), id(next + 2), id(next + 3)),
                    Filters.or(Filters.eq("flag", true), Filters.exists("fresh"), Filters.eq("pattern", "plain")));
            Bson pinnedNor = Filters.and(Filters.in("_id", id(next + 4), id(next + 5)), Filters.nor(Filters.gt("n", 1000)));
            assertSameOutcome(what + " pinned and filtered", c -> c.updateOne(pinnedAndFiltered, update));
            assertSameOutcome(what + " pinned, or", c -> c.updateMany(pinnedOr, update));
            assertSameOutcome(what + " pinned, nor", c -> c.updateMany(pinnedNor, update));
            assertSameOutcome(what + " upsert", c -> c.updateOne(Filters.eq("_id", "up-" + one), update,
                    new UpdateOptions().upsert(true)));
            assertSameState("u", what);
        }
    }

    @Test
    void theDataSizeSurvivesARestart(@TempDir Path restartDir) {
        Path file = restartDir.resolve("size.mv");
        long before;
        try (MongoWireServer server = new MongoWireServer("127.0.0.1", Ports.freePort(), file).start();
             MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> c = client.getDatabase("db").getCollection("s");
            Random random = new Random(7);
            for (int i = 0; i < 50; i++) {
                c.insertOne(document(i, 0, random));
            }
            for (int i = 0; i < 50; i += 2) {
                c.replaceOne(Filters.eq("_id", id(i)), document(i, 1, random));
            }
            c.deleteOne(Filters.eq("_id", id(3)));
            before = size(client.getDatabase("db").runCommand(new Document("collStats", "s")));
            assertThat(before).isPositive();
        }
        try (MongoWireServer server = new MongoWireServer("127.0.0.1", Ports.freePort(), file).start();
             MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> c = client.getDatabase("db").getCollection("s");
            assertThat(size(client.getDatabase("db").runCommand(new Document("collStats", "s")))).isEqualTo(before);
            // Documents read back from the file are measured right when they are replaced and removed.
            long expected = 0;
            for (Document document : c.find()) {
                expected += bsonSize(document);
            }
            assertThat(before).isEqualTo(expected);
            c.replaceOne(Filters.eq("_id", id(10)), new Document("small", 1));
            c.deleteOne(Filters.eq("_id", id(11)));
            long after = size(client.getDatabase("db").runCommand(new Document("collStats", "s")));
            long recount = 0;
            for (Document document : c.find()) {
                recount += bsonSize(document);
            }
            assertThat(after).isEqualTo(recount).isLessThan(before);
        }
    }

    private static void assertSameState(String when) {
        assertSameState("r", when);
    }

    private static void assertSameState(String collection, String when) {
        // Extended JSON keeps the field order and the number types, which the comparison of documents would not.
        JsonWriterSettings exact = JsonWriterSettings.builder().outputMode(JsonMode.EXTENDED).build();
        Function<MongoCollection<Document>, List<String>> all = c -> c.find().sort(Sorts.ascending("_id"))
                .map(document -> document.toJson(exact)).into(new ArrayList<>());
        assertThat(all.apply(servers.onDisk(collection))).as(when)
                .containsExactlyElementsOf(all.apply(servers.stock(collection)));
        assertThat(size(servers.onDiskDatabase().runCommand(new Document("collStats", collection))))
                .as(when + ": size").isEqualTo(size(servers.stockDatabase().runCommand(
                        new Document("collStats", collection))));
    }

    /** The same counts, or the same error code, on both servers. */
    private static void assertSameOutcome(String what, Function<MongoCollection<Document>, UpdateResult> write) {
        Object expected = outcome(() -> write.apply(servers.stock("u")));
        Object actual = outcome(() -> write.apply(servers.onDisk("u")));
        assertThat(actual).as(what).isEqualTo(expected);
    }

    private static Object outcome(java.util.function.Supplier<UpdateResult> write) {
        try {
            UpdateResult result = write.get();
            return List.of(result.getMatchedCount(), result.getModifiedCount(), String.valueOf(result.getUpsertedId()));
        } catch (MongoException e) {
            return "error " + e.getCode();
        }
    }

    private static void assertSameResult(String what, Function<MongoCollection<Document>, UpdateResult> write) {
        UpdateResult expected = write.apply(servers.stock("r"));
        UpdateResult actual = write.apply(servers.onDisk("r"));
        assertThat(actual.getMatchedCount()).as(what + ": matched").isEqualTo(expected.getMatchedCount());
        assertThat(actual.getModifiedCount()).as(what + ": modified").isEqualTo(expected.getModifiedCount());
        assertThat(actual.getUpsertedId()).as(what + ": upserted").isEqualTo(expected.getUpsertedId());
    }

    private static void assertSameError(Function<MongoCollection<Document>, UpdateResult> write) {
        Integer expected = errorCode(() -> write.apply(servers.stock("r")));
        Integer actual = errorCode(() -> write.apply(servers.onDisk("r")));
        assertThat(expected).isNotNull();
        assertThat(actual).isEqualTo(expected);
    }

    private static Integer errorCode(Runnable write) {
        try {
            write.run();
            return null;
        } catch (MongoException e) {
            return e.getCode();
        }
    }

    private static long size(Document stats) {
        return ((Number) stats.get("size")).longValue();
    }

    private static String id(int i) {
        return String.format("doc-%04d", i);
    }

    private static Document document(int i, int version, Random random) {
        return new Document("_id", id(i))
                .append("version", version)
                .append("code", "code-" + i)
                .append("amount", new Decimal128(BigDecimal.valueOf(random.nextInt(100_000), 2)))
                .append("nested", new Document("a", random.nextInt(10)).append("b", "text-" + random.nextInt(1000)))
                .append("list", List.of(random.nextInt(5), "v" + version));
    }

    /** The same fields, in reverse order. */
    private static Document reordered(Document document) {
        List<String> keys = new ArrayList<>(document.keySet());
        Document reversed = new Document();
        for (int k = keys.size() - 1; k >= 0; k--) {
            reversed.append(keys.get(k), document.get(keys.get(k)));
        }
        return reversed;
    }

    /** The size of a document in BSON (MongoDB's data size is the sum over the collection). */
    private static int bsonSize(Document document) {
        return new RawBsonDocument(document, new DocumentCodec()).getByteBuffer().remaining();
    }
}
