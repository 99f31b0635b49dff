package io.segstream.embedded;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The on-disk wire server (Segstream's backend, under test) beside the stock in-memory one (the reference), with a
 * client each: a differential test writes the same documents to both and requires the same answers.
 */
final class StockComparison implements AutoCloseable {
    private static final String DATABASE = "db";

    private final MongoWireServer onDisk;
    private final MongoWireServer stock;
    private final MongoClient onDiskClient;
    private final MongoClient stockClient;

    StockComparison(Path dir) {
        onDisk = new MongoWireServer("127.0.0.1", Ports.freePort(), dir.resolve("data.mv")).start();
        stock = MongoWireServer.forTests().start();
        onDiskClient = MongoClients.create(onDisk.connectionString());
        stockClient = MongoClients.create(stock.connectionString());
    }

    MongoDatabase onDiskDatabase() {
        return onDiskClient.getDatabase(DATABASE);
    }

    MongoCollection<Document> onDisk(String collection) {
        return onDiskDatabase().getCollection(collection);
    }

    MongoDatabase stockDatabase() {
        return stockClient.getDatabase(DATABASE);
    }

    MongoCollection<Document> stock(String collection) {
        return stockClient.getDatabase(DATABASE).getCollection(collection);
    }

    /** The same action on both servers (give each its own copies of documents: the driver adds ids to them). */
    void both(String collection, Consumer<MongoCollection<Document>> action) {
        action.accept(onDisk(collection));
        action.accept(stock(collection));
    }

    /** The query answers the same on both, in the same order unless {@code anyOrder}. */
    void assertSame(String collection, Bson filter, Function<MongoCollection<Document>, List<Document>> query,
                    boolean anyOrder) {
        String name = filter.toBsonDocument().toJson();
        List<Document> expected = query.apply(stock(collection));
        List<Document> actual = query.apply(onDisk(collection));
        if (anyOrder) {
            assertThat(actual).as(name).containsExactlyInAnyOrderElementsOf(expected);
        } else {
            assertThat(actual).as(name).containsExactlyElementsOf(expected);
        }
    }

    static List<Document> copies(List<Document> documents) {
        return documents.stream().map(Document::new).toList();
    }

    @Override
    public void close() {
        onDiskClient.close();
        stockClient.close();
        onDisk.close();
        stock.close();
    }
}
