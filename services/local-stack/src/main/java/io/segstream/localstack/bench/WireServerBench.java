package io.segstream.localstack.bench;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import org.bson.Document;
import org.bson.types.Decimal128;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;

/**
 * The database's ceiling, as the services use it: purchase-sized documents through the bench stack's MongoDB (the
 * embedded wire server the bench starts; the step itself works against any MongoDB URI) in batches of the services'
 * size, one operation shape at a time, in a scratch database dropped afterwards. Every figure is documents per second.
 *
 * <p>The shapes are the services' per-batch writes: an unordered insertMany (the ledgers, the order book, new
 * profiles), a bulk of replaceOne by {@code _id} and {@code version} (every profile and activity update), an
 * updateMany by {@code _id $in} (the outbox marking events published) and a find by {@code _id $in} (reading a
 * batch's profiles).
 */
final class WireServerBench {
    static final String STEP = "database";
    /** The services' listener batch (max.poll.records). */
    static final int BATCH = 500;
    private static final String SCRATCH = "segstream-bench-scratch";

    /** Documents per second of each operation shape. */
    record Result(int documents, double insertPerSecond, double replacePerSecond, double updatePerSecond,
                  double findPerSecond) {
    }

    private final String uri;

    WireServerBench(String uri) {
        this.uri = uri;
    }

    Result run(int documents) {
        int rounded = Math.max(BATCH, documents / BATCH * BATCH);
        try (MongoClient client = MongoClients.create(uri)) {
            MongoCollection<Document> collection = client.getDatabase(SCRATCH).getCollection("purchases");
            // Left over by an interrupted run? (Dropping a collection that does not exist logs an error.)
            if (client.getDatabase(SCRATCH).listCollectionNames().into(new ArrayList<>()).contains("purchases")) {
                collection.drop();
            }
            try {
                double insert = timed(rounded, from -> collection.insertMany(batch(from, 0),
                        new InsertManyOptions().ordered(false)));
                double replace = timed(rounded, from -> {
                    List<WriteModel<Document>> writes = new ArrayList<>(BATCH);
                    for (Document document : batch(from, 1)) {
                        writes.add(new ReplaceOneModel<>(Filters.and(Filters.eq("_id", document.get("_id")),
                                Filters.eq("version", 0)), document));
                    }
                    matchedAll("replaceOne", collection.bulkWrite(writes, new BulkWriteOptions().ordered(false))
                            .getMatchedCount());
                });
                double update = timed(rounded, from -> matchedAll("updateMany", collection.updateMany(
                        Filters.in("_id", ids(from)), Updates.combine(Updates.set("outbox.published", true),
                                Updates.set("outbox.publishedAt", new Date()))).getMatchedCount()));
                double find = timed(rounded, from -> matchedAll("find", collection.find(Filters.in("_id", ids(from)))
                        .into(new ArrayList<>()).size()));
                return new Result(rounded, insert, replace, update, find);
            } finally {
                collection.drop();
                client.getDatabase(SCRATCH).drop();
            }
        }
    }

    static void report(Result result, Figures figures) {
        String batches = String.format(Locale.ROOT, " (%,d documents, batches of %d)", result.documents(), BATCH);
        figures.add(STEP, "insertMany of purchase-sized documents" + batches,
                Figures.perSecond(result.insertPerSecond(), "docs"));
        figures.add(STEP, "bulk replaceOne by _id and version" + batches,
                Figures.perSecond(result.replacePerSecond(), "docs"));
        figures.add(STEP, "updateMany by _id $in (outbox marking)" + batches,
                Figures.perSecond(result.updatePerSecond(), "docs"));
        figures.add(STEP, "find by _id $in" + batches, Figures.perSecond(result.findPerSecond(), "docs"));
    }

    /** A shape that matched less than its batch would measure less work than it claims: refused. */
    private static void matchedAll(String shape, long matched) {
        if (matched != BATCH) {
            throw new IllegalStateException(shape + " matched " + matched + " of " + BATCH + " documents");
        }
    }

    private interface BatchOperation {
        void run(int from);
    }

    private static double timed(int documents, BatchOperation operation) {
        long started = System.nanoTime();
        for (int from = 0; from < documents; from += BATCH) {
            operation.run(from);
        }
        return documents / ((System.nanoTime() - started) / 1e9);
    }

    private static List<Object> ids(int from) {
        List<Object> ids = new ArrayList<>(BATCH);
        for (int i = from; i < from + BATCH; i++) {
            ids.add(id(i));
        }
        return ids;
    }

    private static String id(int i) {
        return String.format(Locale.ROOT, "bench-%08d", i);
    }

    /** Documents shaped like purchase-ingestion's ledger entries (about 600 bytes of BSON). */
    private static List<Document> batch(int from, int version) {
        List<Document> documents = new ArrayList<>(BATCH);
        for (int i = from; i < from + BATCH; i++) {
            List<Document> items = List.of(
                    new Document("sku", "SKU-" + (i % 97)).append("category", "category-" + (i % 7))
                            .append("quantity", 1 + i % 3).append("unitPrice", new Decimal128(new BigDecimal("19.90"))),
                    new Document("sku", "SKU-" + (i % 89)).append("category", "category-" + (i % 5))
                            .append("quantity", 1).append("unitPrice", new Decimal128(new BigDecimal("4.50"))));
            documents.add(new Document("_id", id(i))
                    .append("version", version)
                    .append("type", "PURCHASE")
                    .append("customerId", "customer-" + (i % 10_000))
                    .append("orderId", "SO-" + i)
                    .append("occurredAt", new Date())
                    .append("channel", "ONLINE")
                    .append("region", "CN-SH")
                    .append("currency", "CNY")
                    .append("totalAmount", new Decimal128(new BigDecimal("44.30")))
                    .append("items", items)
                    .append("outbox", new Document("published", false).append("createdAt", new Date())
                            .append("key", "customer-" + (i % 10_000))));
        }
        return documents;
    }
}
