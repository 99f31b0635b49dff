package io.segstream.churn.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * A customer's new class in a dimension, from segmentation's change stream (audiences are not tracked here).
 *
 * @param key       the dimension, e.g. "lifecycle" or "value-tier"
 * @param className the class the customer moved to
 */
public record SegmentFact(String eventId, String customerId, String key, String className, long definitionVersion,
                          Instant occurredAt) implements ActivityEvent {

    public SegmentFact {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(className, "className");
        Objects.requireNonNull(occurredAt, "occurredAt");
    }
}
