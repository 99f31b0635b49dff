package io.segstream.churn.store;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import io.segstream.churn.domain.alerts.Alert;
import io.segstream.churn.domain.alerts.AlertCounts;
import io.segstream.churn.domain.alerts.AlertStore;
import io.segstream.churn.domain.alerts.CustomerWatch;
import io.segstream.contracts.churn.AlertLevel;
import io.segstream.contracts.churn.AlertStatus;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static io.segstream.churn.store.AlertDocuments.ALERT_ID;
import static io.segstream.churn.store.AlertDocuments.CHANGED_AT;
import static io.segstream.churn.store.AlertDocuments.COUNTS;
import static io.segstream.churn.store.AlertDocuments.ID;
import static io.segstream.churn.store.AlertDocuments.LEVEL;
import static io.segstream.churn.store.AlertDocuments.NEXT_CHECK_AT;
import static io.segstream.churn.store.AlertDocuments.PENDING;
import static io.segstream.churn.store.AlertDocuments.PENDING_SINCE;
import static io.segstream.churn.store.AlertDocuments.STATUS;
import static io.segstream.churn.store.AlertDocuments.VALUE_TIER;
import static io.segstream.churn.store.AlertDocuments.VERSION;

/**
 * Customer watches in the MongoDB collection {@code customer_alerts}, one document per customer ({@code _id} =
 * customerId): the current alert, cooldown, next check, pending messages and counts, written optimistically by
 * {@code version}; every write touches one document, so no transaction is needed.
 *
 * <p>Indexes: {@code next_check_at} (the sweep's {@code nextCheckAt <= now}), {@code pending_since} (sparse: set only
 * while messages are pending, for the relay), {@code alert_id} ({@code current.alertId}, for the operator
 * endpoints), {@code status_level} ({@code current.status}, {@code current.level}, for the list and the gauge).
 */
@Component
class MongoAlertStore implements AlertStore {
    static final String COLLECTION = "customer_alerts";
    private static final Logger log = LoggerFactory.getLogger(MongoAlertStore.class);
    private static final List<String> OPEN = List.of(AlertStatus.OPEN.name(), AlertStatus.ESCALATED.name());

    private final MongoCollection<Document> watches;
    private final Clock clock;

    MongoAlertStore(MongoTemplate mongo, Clock clock) {
        this.watches = mongo.getCollection(COLLECTION);
        this.clock = clock;
        try {
            watches.createIndex(Indexes.ascending(NEXT_CHECK_AT), new IndexOptions().name("next_check_at"));
            watches.createIndex(Indexes.ascending(PENDING_SINCE), new IndexOptions().name("pending_since")
                    .sparse(true));
            watches.createIndex(Indexes.ascending(ALERT_ID), new IndexOptions().name("alert_id").sparse(true));
            watches.createIndex(Indexes.ascending(STATUS, LEVEL), new IndexOptions().name("status_level"));
        } catch (RuntimeException e) {
            log.warn("could not create the customer_alerts indexes ({})", e.getClass().getSimpleName());
        }
    }

    @Override
    public Map<String, CustomerWatch> findAll(Collection<String> customerIds) {
        Map<String, CustomerWatch> found = new HashMap<>();
        for (Document document : watches.find(Filters.in(ID, customerIds))) {
            CustomerWatch watch = AlertDocuments.toWatch(document);
            found.put(watch.customerId(), watch);
        }
        return found;
    }

    @Override
    public List<String> dueForCheck(Instant now, int limit) {
        List<String> due = new ArrayList<>();
        for (Document document : watches.find(Filters.lte(NEXT_CHECK_AT, Date.from(now)))
                .sort(Sorts.ascending(NEXT_CHECK_AT)).limit(limit).projection(Projections.include(ID))) {
            due.add(document.getString(ID));
        }
        return due;
    }

    @Override
    public List<CustomerWatch> withPendingMessages(Instant cutoff, int limit) {
        List<CustomerWatch> found = new ArrayList<>();
        for (Document document : watches.find(Filters.lte(PENDING_SINCE, Date.from(cutoff))).limit(limit)) {
            found.add(AlertDocuments.toWatch(document));
        }
        return found;
    }

    @Override
    public Optional<CustomerWatch> findByAlertId(String alertId) {
        return Optional.ofNullable(watches.find(Filters.eq(ALERT_ID, alertId)).first())
                .map(AlertDocuments::toWatch);
    }

    @Override
    public List<String> saveAll(Collection<CustomerWatch> changed) {
        if (changed.isEmpty()) {
            return List.of();
        }
        Date now = Date.from(clock.instant());
        List<WriteModel<Document>> writes = new ArrayList<>(changed.size());
        List<CustomerWatch> order = new ArrayList<>(changed);
        Map<String, Long> replaced = new HashMap<>();
        for (CustomerWatch watch : order) {
            Document document = AlertDocuments.toDocument(watch)
                    .append(VERSION, watch.version() + 1)
                    .append("updatedAt", now);
            if (!watch.pending().isEmpty()) {
                // Restamped on every write: recently written messages are published by their writer, not the relay.
                document.append(PENDING_SINCE, now);
            }
            if (watch.isStored()) {
                writes.add(new ReplaceOneModel<>(Filters.and(Filters.eq(ID, watch.customerId()),
                        Filters.eq(VERSION, watch.version())), document));
                replaced.put(watch.customerId(), watch.version() + 1);
            } else {
                writes.add(new InsertOneModel<>(document));
            }
        }
        Set<String> lost = new HashSet<>();
        try {
            watches.bulkWrite(writes, new BulkWriteOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            for (BulkWriteError error : e.getWriteErrors()) {
                if (error.getCategory() != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
                lost.add(order.get(error.getIndex()).customerId());
            }
        }
        if (!replaced.isEmpty()) {
            // A replacement that matched nothing lost to a concurrent writer: its document is at another version.
            for (Document document : watches.find(Filters.in(ID, replaced.keySet()))
                    .projection(Projections.include(ID, VERSION))) {
                String id = document.getString(ID);
                if (AlertDocuments.number(document, VERSION) != replaced.get(id)) {
                    lost.add(id);
                }
            }
        }
        return List.copyOf(lost);
    }

    @Override
    public void clearPublished(Collection<CustomerWatch> published) {
        if (published.isEmpty()) {
            return;
        }
        List<WriteModel<Document>> writes = new ArrayList<>();
        for (CustomerWatch watch : published) {
            writes.add(new UpdateOneModel<>(Filters.and(Filters.eq(ID, watch.customerId()),
                    Filters.eq(VERSION, watch.version())),
                    Updates.combine(Updates.set(PENDING, List.of()), Updates.unset(PENDING_SINCE))));
        }
        watches.bulkWrite(writes, new BulkWriteOptions().ordered(false));
    }

    @Override
    public AlertPage list(AlertStatus status, AlertLevel level, String valueTier, int page, int size) {
        List<Bson> filters = new ArrayList<>();
        filters.add(Filters.exists(ALERT_ID));
        if (status != null) {
            filters.add(Filters.eq(STATUS, status.name()));
        }
        if (level != null) {
            filters.add(Filters.eq(LEVEL, level.name()));
        }
        if (valueTier != null) {
            filters.add(Filters.eq(VALUE_TIER, valueTier));
        }
        Bson filter = Filters.and(filters);
        List<Alert> alerts = new ArrayList<>();
        for (Document document : watches.find(filter).sort(Sorts.orderBy(Sorts.descending(CHANGED_AT),
                Sorts.ascending(ID))).skip(page * size).limit(size)) {
            alerts.add(AlertDocuments.toWatch(document).current());
        }
        return new AlertPage(alerts, page, size, watches.countDocuments(filter));
    }

    @Override
    public AlertCounts totals() {
        Document sums = watches.aggregate(List.of(Aggregates.group(null,
                Accumulators.sum("raised", "$" + COUNTS + ".raised"),
                Accumulators.sum("escalated", "$" + COUNTS + ".escalated"),
                Accumulators.sum("resolved", "$" + COUNTS + ".resolved"),
                Accumulators.sum("winBacks", "$" + COUNTS + ".winBacks")))).first();
        if (sums == null) {
            return new AlertCounts();
        }
        return new AlertCounts(AlertDocuments.number(sums, "raised"), AlertDocuments.number(sums, "escalated"),
                AlertDocuments.number(sums, "resolved"), AlertDocuments.number(sums, "winBacks"));
    }

    @Override
    public Map<AlertLevel, Long> openByLevel() {
        Map<AlertLevel, Long> counts = new EnumMap<>(AlertLevel.class);
        for (AlertLevel level : AlertLevel.values()) {
            counts.put(level, 0L);
        }
        for (Document group : watches.aggregate(List.of(Aggregates.match(Filters.in(STATUS, OPEN)),
                Aggregates.group("$" + LEVEL, Accumulators.sum("count", 1))))) {
            counts.put(AlertLevel.valueOf(group.getString("_id")), AlertDocuments.number(group, "count"));
        }
        return counts;
    }
}
