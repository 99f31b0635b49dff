package io.segstream.runtime.outbox;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoException;
import com.mongodb.MongoWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.segstream.contracts.ContractJson;
import io.segstream.contracts.EventContract;
import io.segstream.runtime.messaging.ContractEventPublisher;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Records events in a service's own MongoDB collection and publishes them, with a relay for what could not be
 * published: see the package documentation for the protocol and what an intake answers. One instance per collection;
 * thread-safe.
 *
 * <p>Stored document: {@code {_id: eventId, <view fields>, outbox: {published, createdAt, publishedAt, key, time,
 * payload}}} where {@code payload} is the contract JSON, kept only until the event is published.
 *
 * @param <T> the contract record this collection publishes
 */
public class Outbox<T> {
    /** Name of the sub-document that holds the outbox state. */
    public static final String FIELD = "outbox";
    public static final String PUBLISHED = FIELD + ".published";
    public static final String CREATED_AT = FIELD + ".createdAt";
    public static final String PUBLISHED_AT = FIELD + ".publishedAt";
    static final String KEY = "key";
    static final String TIME = "time";
    static final String PAYLOAD = "payload";

    private static final Logger log = LoggerFactory.getLogger(Outbox.class);

    private final MongoCollection<Document> collection;
    private final EventContract<T> contract;
    private final ContractEventPublisher publisher;
    private final OutboxProperties props;
    private final Clock clock;
    private final AtomicLong pending = new AtomicLong();
    private final Counter relayed;
    private final Counter publishFailures;
    private volatile boolean indexed;

    /**
     * Creates the relay index on the collection (idempotent); when MongoDB is not reachable yet, the relay creates it
     * on a later pass.
     *
     * @param collection the service's collection that holds its view and the outbox state
     * @param contract   the event the documents of this collection are published as
     */
    public Outbox(MongoCollection<Document> collection, EventContract<T> contract, ContractEventPublisher publisher,
                  OutboxProperties props, MeterRegistry meters, Clock clock) {
        this.collection = collection;
        this.contract = contract;
        this.publisher = publisher;
        this.props = props;
        this.clock = clock;
        String name = collection.getNamespace().getCollectionName();
        Gauge.builder("segstream.outbox.pending", pending, AtomicLong::get)
                .description("documents recorded but not yet published, as of the last relay pass")
                .tag("collection", name).register(meters);
        relayed = Counter.builder("segstream.outbox.relayed")
                .description("events republished by the outbox relay")
                .tag("collection", name).register(meters);
        publishFailures = Counter.builder("segstream.outbox.publish.failures")
                .description("events the intake could not publish in time, left to the relay")
                .tag("collection", name).register(meters);
        ensureIndex();
    }

    public String collectionName() {
        return collection.getNamespace().getCollectionName();
    }

    public OutboxOutcome submit(OutboxRecord<T> record) {
        return submit(List.of(record)).get(0);
    }

    /**
     * Records the events (one unordered bulk insert), publishes the newly recorded ones (one wait for all
     * acknowledgements) and marks the acknowledged ones published (one update). A second record with the same eventId
     * in the same call is a duplicate of the first.
     *
     * @return one outcome per record, in the same order
     * @throws OutboxUnavailableException when MongoDB did not take the insert
     */
    public List<OutboxOutcome> submit(List<OutboxRecord<T>> records) {
        if (records.isEmpty()) {
            return List.of();
        }
        Instant now = clock.instant();
        boolean[] duplicate = insert(records, now);
        List<OutboxRecord<T>> recorded = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            if (!duplicate[i]) {
                recorded.add(records.get(i));
            }
        }
        Set<String> published = publish(recorded);
        markPublished(published);
        int failures = recorded.size() - published.size();
        if (failures > 0) {
            publishFailures.increment(failures);
            log.warn("{} of {} events recorded in {} were not acknowledged by Kafka; the relay will publish them",
                    failures, recorded.size(), collectionName());
        }
        List<OutboxOutcome> outcomes = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            outcomes.add(duplicate[i] ? OutboxOutcome.DUPLICATE
                    : published.contains(records.get(i).eventId()) ? OutboxOutcome.PUBLISHED : OutboxOutcome.PENDING);
        }
        return outcomes;
    }

    /**
     * One relay pass: republishes, oldest first and {@code batchSize} at a time, what is still unpublished after the
     * grace period, until nothing is due or a batch could not be published completely. Refreshes the pending gauge.
     *
     * @return how many events were republished
     */
    public int relayPending() {
        ensureIndex();
        int total = 0;
        while (!Thread.currentThread().isInterrupted()) {
            Date cutoff = Date.from(clock.instant().minus(props.gracePeriod()));
            List<Document> due = collection.find(Filters.and(Filters.eq(PUBLISHED, false),
                            Filters.lte(CREATED_AT, cutoff)))
                    .projection(Projections.include(FIELD))
                    .sort(Sorts.ascending(CREATED_AT))
                    .limit(props.batchSize())
                    .into(new ArrayList<>());
            if (due.isEmpty()) {
                break;
            }
            List<OutboxRecord<T>> events = new ArrayList<>(due.size());
            for (Document document : due) {
                OutboxRecord<T> event = restore(document);
                if (event != null) {
                    events.add(event);
                }
            }
            Set<String> published = publish(events);
            markPublished(published);
            relayed.increment(published.size());
            total += published.size();
            if (published.size() < due.size() || due.size() < props.batchSize()) {
                break;
            }
        }
        if (total > 0) {
            log.info("outbox relay republished {} events from {}", total, collectionName());
        }
        refreshPendingCount();
        return total;
    }

    /** Counts the unpublished documents and updates the pending gauge. */
    public long refreshPendingCount() {
        long count = collection.countDocuments(Filters.eq(PUBLISHED, false));
        pending.set(count);
        return count;
    }

    private void ensureIndex() {
        if (indexed) {
            return;
        }
        try {
            collection.createIndex(Indexes.ascending(PUBLISHED, CREATED_AT),
                    new IndexOptions().name("outbox_unpublished"));
            indexed = true;
        } catch (MongoException e) {
            log.warn("could not create the outbox index on {} yet ({})", collectionName(),
                    e.getClass().getSimpleName());
        }
    }

    private boolean[] insert(List<OutboxRecord<T>> records, Instant now) {
        boolean[] duplicate = new boolean[records.size()];
        List<Document> documents = new ArrayList<>(records.size());
        for (OutboxRecord<T> record : records) {
            documents.add(document(record, now));
        }
        try {
            if (documents.size() == 1) {
                collection.insertOne(documents.get(0));
            } else {
                collection.insertMany(documents, new InsertManyOptions().ordered(false));
            }
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw new IllegalStateException("MongoDB refused an outbox insert into " + collectionName()
                        + " with code " + e.getError().getCode(), e);
            }
            duplicate[0] = true;
        } catch (MongoBulkWriteException e) {
            for (BulkWriteError error : e.getWriteErrors()) {
                if (error.getCategory() != ErrorCategory.DUPLICATE_KEY) {
                    throw new IllegalStateException("MongoDB refused an outbox insert into " + collectionName()
                            + " with code " + error.getCode(), e);
                }
                duplicate[error.getIndex()] = true;
            }
            if (e.getWriteConcernError() != null) {
                throw new OutboxUnavailableException("MongoDB did not confirm the write concern for "
                        + collectionName(), e);
            }
        } catch (MongoException e) {
            throw new OutboxUnavailableException("MongoDB is not available for " + collectionName(), e);
        }
        return duplicate;
    }

    private Document document(OutboxRecord<T> record, Instant now) {
        Document outbox = new Document("published", false)
                .append("createdAt", Date.from(now))
                .append("publishedAt", null)
                .append(KEY, record.key())
                // ISO text, not a Date: a Date would cut the event time to milliseconds and change ce_time.
                .append(TIME, record.time().toString())
                .append(PAYLOAD, ContractJson.mapper().writeValueAsString(record.payload()));
        Document document = new Document("_id", record.eventId());
        document.putAll(record.view());
        document.append(FIELD, outbox);
        return document;
    }

    /** The event stored in a document, or null (logged) when the stored outbox state cannot be read back. */
    private OutboxRecord<T> restore(Document document) {
        String eventId = String.valueOf(document.get("_id"));
        Document outbox = document.get(FIELD, Document.class);
        try {
            T payload = ContractJson.mapper().readValue(outbox.getString(PAYLOAD), contract.payloadType());
            return new OutboxRecord<>(eventId, outbox.getString(KEY), Instant.parse(outbox.getString(TIME)), payload,
                    null);
        } catch (JacksonException | DateTimeParseException | IllegalArgumentException | NullPointerException e) {
            log.error("outbox document {} in {} cannot be republished: {}", eventId, collectionName(),
                    e.getClass().getSimpleName());
            return null;
        }
    }

    /** Sends every event and waits, up to the publish timeout in total, for the acknowledgements. */
    private Set<String> publish(List<OutboxRecord<T>> events) {
        if (events.isEmpty()) {
            return Set.of();
        }
        CompletableFuture<?>[] sends = new CompletableFuture<?>[events.size()];
        for (int i = 0; i < events.size(); i++) {
            OutboxRecord<T> event = events.get(i);
            try {
                sends[i] = publisher.publish(contract, event.key(), event.eventId(), event.time(), event.payload());
            } catch (RuntimeException e) {
                // KafkaTemplate throws (rather than failing the future) when it cannot even get metadata in time.
                sends[i] = CompletableFuture.failedFuture(e);
            }
        }
        try {
            CompletableFuture.allOf(sends).get(props.publishTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // Some sends failed or are late: those stay pending below.
        }
        Set<String> acknowledged = new HashSet<>();
        for (int i = 0; i < sends.length; i++) {
            if (sends[i].isDone() && !sends[i].isCompletedExceptionally()) {
                acknowledged.add(events.get(i).eventId());
            }
        }
        return acknowledged;
    }

    private void markPublished(Set<String> eventIds) {
        if (eventIds.isEmpty()) {
            return;
        }
        try {
            collection.updateMany(Filters.in("_id", eventIds), Updates.combine(
                    Updates.set(PUBLISHED, true),
                    Updates.set(PUBLISHED_AT, Date.from(clock.instant())),
                    Updates.unset(FIELD + "." + PAYLOAD)));
        } catch (MongoException e) {
            // Published but not marked: the relay publishes these once more, which consumers de-duplicate.
            log.warn("could not mark {} published events in {}: {}", eventIds.size(), collectionName(),
                    e.getClass().getSimpleName());
        }
    }

    @Override
    public String toString() {
        return "Outbox[" + collectionName() + " -> " + contract.topic() + "]";
    }
}
