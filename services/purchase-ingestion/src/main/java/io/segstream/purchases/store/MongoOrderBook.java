package io.segstream.purchases.store;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoException;
import com.mongodb.MongoWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Updates;
import io.segstream.purchases.domain.OrderBook;
import io.segstream.purchases.domain.PlacedOrder;
import io.segstream.purchases.domain.RefundClaim;
import io.segstream.purchases.domain.RefundDecision;
import io.segstream.purchases.domain.StoreUnavailableException;
import org.bson.Document;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The order book in the {@value #COLLECTION} collection: {@code {_id: orderId, eventId, customerId, currency,
 * amountMinor, remainingMinor, refundEventIds: [...]}}, amounts in minor units of the currency (exact integers).
 *
 * <p>A refund is one {@code findOneAndUpdate} whose filter holds all its conditions (same customer and currency,
 * {@code remainingMinor >= amount}, this refund's eventId not yet in {@code refundEventIds}) and whose update
 * decrements {@code remainingMinor} and remembers the eventId. MongoDB applies it atomically to the one document, so
 * concurrent refunds can never take more than the order's amount, and a retried refund is never taken twice. No
 * transaction is needed. Only when the update matches nothing is the order read, to say why.
 */
public class MongoOrderBook implements OrderBook {
    public static final String COLLECTION = "orders";

    private final MongoCollection<Document> collection;

    public MongoOrderBook(MongoCollection<Document> collection) {
        this.collection = collection;
    }

    @Override
    public List<Boolean> register(List<PlacedOrder> orders) {
        List<Document> documents = new ArrayList<>(orders.size());
        for (PlacedOrder order : orders) {
            documents.add(new Document("_id", order.orderId())
                    .append("eventId", order.eventId())
                    .append("customerId", order.customerId())
                    .append("currency", order.currency())
                    .append("amountMinor", order.amountMinor())
                    .append("remainingMinor", order.amountMinor())
                    .append("refundEventIds", List.of()));
        }
        Set<Integer> taken = new HashSet<>();
        try {
            try {
                if (documents.size() == 1) {
                    collection.insertOne(documents.get(0));
                } else {
                    collection.insertMany(documents, new InsertManyOptions().ordered(false));
                }
            } catch (MongoWriteException e) {
                requireDuplicateKey(e.getError().getCategory(), e);
                taken.add(0);
            } catch (MongoBulkWriteException e) {
                for (BulkWriteError error : e.getWriteErrors()) {
                    requireDuplicateKey(error.getCategory(), e);
                    taken.add(error.getIndex());
                }
            }
            Map<String, String> holders = holders(orders, taken);
            List<Boolean> held = new ArrayList<>(orders.size());
            for (int i = 0; i < orders.size(); i++) {
                held.add(!taken.contains(i) || orders.get(i).eventId().equals(holders.get(orders.get(i).orderId())));
            }
            return held;
        } catch (MongoException e) {
            throw new StoreUnavailableException("the order book is not available", e);
        }
    }

    @Override
    public RefundDecision refund(RefundClaim claim) {
        try {
            // On MongoDB an _id lookup. The wire server uses an index only for a filter of exactly its keys, so there
            // each refund scans the orders (docs/benchmarks.md).
            Document conditions = new Document("_id", claim.orderId())
                    .append("customerId", claim.customerId())
                    .append("currency", claim.currency())
                    .append("remainingMinor", new Document("$gte", claim.amountMinor()))
                    .append("refundEventIds", new Document("$ne", claim.eventId()));
            Document applied = collection.findOneAndUpdate(conditions,
                    Updates.combine(Updates.inc("remainingMinor", -claim.amountMinor()),
                            Updates.push("refundEventIds", claim.eventId())));
            if (applied != null) {
                return RefundDecision.APPLIED;
            }
            Document order = collection.find(Filters.eq("_id", claim.orderId())).first();
            if (order == null) {
                return RefundDecision.UNKNOWN_ORDER;
            }
            if (order.getList("refundEventIds", String.class, List.of()).contains(claim.eventId())) {
                return RefundDecision.ALREADY_APPLIED;
            }
            if (!claim.customerId().equals(order.getString("customerId"))) {
                return RefundDecision.CUSTOMER_MISMATCH;
            }
            if (!claim.currency().equals(order.getString("currency"))) {
                return RefundDecision.CURRENCY_MISMATCH;
            }
            return RefundDecision.EXCEEDS_REMAINING;
        } catch (MongoException e) {
            throw new StoreUnavailableException("the order book is not available", e);
        }
    }

    /** Which event holds each order id that could not be inserted. */
    private Map<String, String> holders(List<PlacedOrder> orders, Set<Integer> taken) {
        Map<String, String> holders = new HashMap<>();
        if (taken.isEmpty()) {
            return holders;
        }
        List<String> ids = taken.stream().map(i -> orders.get(i).orderId()).distinct().toList();
        collection.find(Filters.in("_id", ids)).forEach(d -> holders.put(d.getString("_id"), d.getString("eventId")));
        return holders;
    }

    private static void requireDuplicateKey(ErrorCategory category, MongoException e) {
        if (category != ErrorCategory.DUPLICATE_KEY) {
            throw e;
        }
    }
}
