package io.segstream.purchases.store;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import io.segstream.contracts.Channel;
import io.segstream.contracts.purchase.LineItem;
import io.segstream.contracts.purchase.PurchaseRecorded;
import io.segstream.contracts.purchase.PurchaseType;
import io.segstream.purchases.domain.PurchaseHistory;
import io.segstream.purchases.domain.PurchaseLedger;
import io.segstream.purchases.domain.Recording;
import io.segstream.purchases.domain.StoreUnavailableException;
import io.segstream.runtime.outbox.Outbox;
import io.segstream.runtime.outbox.OutboxOutcome;
import io.segstream.runtime.outbox.OutboxRecord;
import io.segstream.runtime.outbox.OutboxUnavailableException;
import org.bson.Document;
import org.bson.types.Decimal128;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The purchase ledger in the {@value #COLLECTION} collection: one document per recorded event, {@code _id = eventId},
 * with the event's fields (money as Decimal128, times as dates) for the customer history, and the outbox state that
 * gets it published. Indexes: {@code _id} (idempotency), {@code {customerId: 1, occurredAt: -1}} (history), and the
 * outbox's {@code {outbox.published: 1, outbox.createdAt: 1}} (relay).
 */
public class MongoPurchaseLedger implements PurchaseLedger {
    public static final String COLLECTION = "purchases";

    private final MongoCollection<Document> collection;
    private final Outbox<PurchaseRecorded> outbox;

    public MongoPurchaseLedger(MongoCollection<Document> collection, Outbox<PurchaseRecorded> outbox) {
        this.collection = collection;
        this.outbox = outbox;
        collection.createIndex(Indexes.compoundIndex(Indexes.ascending("customerId"), Indexes.descending("occurredAt")),
                new IndexOptions().name("customer_history"));
    }

    @Override
    public List<Recording> record(List<PurchaseRecorded> events) {
        List<OutboxRecord<PurchaseRecorded>> records = new ArrayList<>(events.size());
        for (PurchaseRecorded event : events) {
            records.add(new OutboxRecord<>(event.eventId(), event.customerId(), event.occurredAt(), event, view(event)));
        }
        List<OutboxOutcome> outcomes;
        try {
            outcomes = outbox.submit(records);
        } catch (OutboxUnavailableException | MongoException e) {
            throw new StoreUnavailableException("the purchase ledger is not available", e);
        }
        List<Recording> recordings = new ArrayList<>(outcomes.size());
        for (OutboxOutcome outcome : outcomes) {
            recordings.add(switch (outcome) {
                case PUBLISHED -> Recording.PUBLISHED;
                case PENDING -> Recording.PENDING;
                case DUPLICATE -> Recording.DUPLICATE;
            });
        }
        return recordings;
    }

    @Override
    public Set<String> recordedAmong(Collection<String> eventIds) {
        try {
            Set<String> known = new HashSet<>();
            collection.find(Filters.in("_id", eventIds)).projection(Projections.include("_id"))
                    .forEach(document -> known.add(document.getString("_id")));
            return known;
        } catch (MongoException e) {
            throw new StoreUnavailableException("the purchase ledger is not available", e);
        }
    }

    @Override
    public PurchaseHistory history(String customerId, int page, int size) {
        try {
            List<PurchaseRecorded> purchases = new ArrayList<>(size);
            collection.find(Filters.eq("customerId", customerId))
                    .projection(Projections.exclude(Outbox.FIELD))
                    .sort(Sorts.orderBy(Sorts.descending("occurredAt"), Sorts.descending("_id")))
                    .skip(page * size)
                    .limit(size)
                    .forEach(document -> purchases.add(event(document)));
            long total = collection.countDocuments(Filters.eq("customerId", customerId));
            return new PurchaseHistory(purchases, total);
        } catch (MongoException e) {
            throw new StoreUnavailableException("the purchase ledger is not available", e);
        }
    }

    static Document view(PurchaseRecorded e) {
        List<Document> items = new ArrayList<>();
        if (e.items() != null) {
            for (LineItem item : e.items()) {
                items.add(new Document("sku", item.sku())
                        .append("category", item.category())
                        .append("quantity", item.quantity())
                        .append("unitPrice", decimal(item.unitPrice())));
            }
        }
        return new Document("type", e.type().name())
                .append("customerId", e.customerId())
                .append("orderId", e.orderId())
                .append("occurredAt", Date.from(e.occurredAt()))
                .append("channel", e.channel().name())
                .append("storeId", e.storeId())
                .append("region", e.region())
                .append("currency", e.currency())
                .append("totalAmount", decimal(e.totalAmount()))
                .append("discountAmount", decimal(e.discountAmount()))
                .append("items", items)
                .append("source", e.source())
                .append("recordedAt", Date.from(e.recordedAt()))
                .append("reportingAmount", decimal(e.reportingAmount()))
                .append("reportingCurrency", e.reportingCurrency());
    }

    static PurchaseRecorded event(Document d) {
        List<LineItem> items = new ArrayList<>();
        for (Document item : d.getList("items", Document.class, List.of())) {
            items.add(new LineItem(item.getString("sku"), item.getString("category"), item.getInteger("quantity"),
                    money(item.get("unitPrice"))));
        }
        return new PurchaseRecorded(d.getString("_id"), PurchaseType.valueOf(d.getString("type")),
                d.getString("customerId"), d.getString("orderId"), d.getDate("occurredAt").toInstant(),
                Channel.valueOf(d.getString("channel")), d.getString("storeId"), d.getString("region"),
                d.getString("currency"), money(d.get("totalAmount")), money(d.get("discountAmount")), items,
                d.getString("source"), d.getDate("recordedAt").toInstant(), money(d.get("reportingAmount")),
                d.getString("reportingCurrency"));
    }

    private static Decimal128 decimal(BigDecimal amount) {
        return amount == null ? null : new Decimal128(amount);
    }

    private static BigDecimal money(Object stored) {
        return stored instanceof Decimal128 decimal ? decimal.bigDecimalValue() : null;
    }
}
