package io.segstream.purchases.domain;

/** What the ledger did with one event. */
public enum Recording {
    /** Recorded and published to purchases.recorded.v1. */
    PUBLISHED,
    /** Recorded; the publication is left to the outbox relay (Kafka did not acknowledge in time). */
    PENDING,
    /** Recorded before under the same eventId: nothing written or published. */
    DUPLICATE
}
