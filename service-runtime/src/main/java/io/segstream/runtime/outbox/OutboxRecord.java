package io.segstream.runtime.outbox;

import org.bson.Document;

import java.time.Instant;
import java.util.Objects;

/**
 * One event to record and publish, with the service's own fields for the same document.
 *
 * @param eventId the idempotency key; becomes the document's {@code _id} and the event's ce_id
 * @param key     the Kafka key (the customerId)
 * @param time    the event's ce_time
 * @param payload the contract record to publish
 * @param view    the service's own fields of the document (its query model); must not contain {@code _id} or
 *                {@code outbox}
 */
public record OutboxRecord<T>(String eventId, String key, Instant time, T payload, Document view) {

    public OutboxRecord {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(payload, "payload");
        view = view == null ? new Document() : view;
        if (view.containsKey("_id") || view.containsKey(Outbox.FIELD)) {
            throw new IllegalArgumentException("the view must not set _id or " + Outbox.FIELD);
        }
    }
}
