package io.segstream.runtime.erasure;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Tombstones of erased customers (collection {@value #COLLECTION}): the pseudonymous id and the instant of the
 * erasure, nothing else: the instants a service weighs a customer's later events against, under the contracts'
 * {@link io.segstream.contracts.erasure.ErasureCutoff} (at or before the erasure: dropped; after it: a new customer).
 */
public class ErasedCustomers {
    public static final String COLLECTION = "erased_customers";
    private final MongoTemplate mongo;
    private final Counter suppressed;

    public ErasedCustomers(MongoTemplate mongo, MeterRegistry meters) {
        this.mongo = mongo;
        this.suppressed = Counter.builder("segstream.erasure.suppressed")
                .description("Events dropped because they occurred before their customer was erased")
                .register(meters);
    }

    /** Counts events a service dropped under the policy above. */
    public void countSuppressed(long events) {
        suppressed.increment(events);
    }

    /** Records (or moves forward) the tombstone; {@code rechecked} is reset so the late sweep runs again. */
    public void record(String customerId, Instant erasedAt, Instant processedAt) {
        mongo.upsert(Query.query(Criteria.where("_id").is(customerId)), new Update()
                .max("erasedAt", Date.from(erasedAt))
                .set("processedAt", Date.from(processedAt))
                .set("rechecked", false), COLLECTION);
    }

    public Instant erasedAt(String customerId) {
        Document doc = mongo.findById(customerId, Document.class, COLLECTION);
        return doc == null ? null : doc.getDate("erasedAt").toInstant();
    }

    /** The erasure instants of those of {@code customerIds} that were erased: one query for a whole batch. */
    public Map<String, Instant> erasedAmong(Collection<String> customerIds) {
        if (customerIds.isEmpty()) {
            return Map.of();
        }
        Query query = Query.query(Criteria.where("_id").in(customerIds.stream().distinct().toList()));
        query.fields().include("erasedAt");
        Map<String, Instant> erased = new HashMap<>();
        for (Document doc : mongo.find(query, Document.class, COLLECTION)) {
            erased.put(String.valueOf(doc.get("_id")), doc.getDate("erasedAt").toInstant());
        }
        return erased;
    }

    /** Tombstones processed before {@code before} whose late sweep has not run: customer id to erasure instant. */
    Map<String, Instant> awaitingRecheck(Instant before, int limit) {
        Query query = Query.query(Criteria.where("rechecked").is(false).and("processedAt").lt(Date.from(before)))
                .limit(limit);
        query.fields().include("erasedAt");
        Map<String, Instant> due = new java.util.LinkedHashMap<>();
        for (Document doc : mongo.find(query, Document.class, COLLECTION)) {
            due.put(String.valueOf(doc.get("_id")), doc.getDate("erasedAt").toInstant());
        }
        return due;
    }

    void markRechecked(String customerId) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(customerId)), new Update().set("rechecked", true),
                COLLECTION);
    }
}
