package io.segstream.feedback.domain;

/** What the ledger did with one piece of feedback. */
public enum Recording {
    /** Recorded and published (Kafka acknowledged feedback.recorded.v1). */
    PUBLISHED,
    /** Recorded; Kafka did not acknowledge in time, the outbox relay publishes it. */
    PENDING,
    /** Its eventId was recorded before: nothing written, nothing published. */
    DUPLICATE
}
