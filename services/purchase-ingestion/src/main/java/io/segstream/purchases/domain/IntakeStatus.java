package io.segstream.purchases.domain;

/** The answer for one submission. */
public enum IntakeStatus {
    /** Recorded now; published, or left to the outbox relay when Kafka did not acknowledge in time. */
    ACCEPTED,
    /** The eventId was recorded before: acknowledged, nothing recorded or published again. */
    DUPLICATE,
    /** Refused with a code. */
    REJECTED
}
