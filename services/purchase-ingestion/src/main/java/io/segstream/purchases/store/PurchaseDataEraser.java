package io.segstream.purchases.store;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import io.segstream.runtime.erasure.CustomerDataEraser;
import org.bson.Document;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Erases a customer from everything this service keeps: the ledger ({@value MongoPurchaseLedger#COLLECTION}: the
 * purchases and refunds, their outbox state and so the eventIds that de-duplicate them) and the order book
 * ({@value MongoOrderBook#COLLECTION}). Both are keyed by {@code customerId}; one {@code deleteMany} each, so a
 * repeated erasure removes nothing more and fails nothing. The tombstone and the audit entry are service-runtime's.
 */
public class PurchaseDataEraser implements CustomerDataEraser {
    private final List<MongoCollection<Document>> collections;

    public PurchaseDataEraser(MongoCollection<Document> ledger, MongoCollection<Document> orders) {
        this.collections = List.of(ledger, orders);
    }

    @Override
    public Map<String, Long> erase(String customerId, Instant erasedAt) {
        Map<String, Long> removed = new LinkedHashMap<>();
        for (MongoCollection<Document> collection : collections) {
            removed.put(collection.getNamespace().getCollectionName(),
                    collection.deleteMany(Filters.eq("customerId", customerId)).getDeletedCount());
        }
        return removed;
    }
}
