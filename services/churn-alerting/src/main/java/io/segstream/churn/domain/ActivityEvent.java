package io.segstream.churn.domain;

/** Something that happened to a customer and that the activity view takes in, idempotently by its event id. */
public sealed interface ActivityEvent permits PurchaseFact, SegmentFact, FeedbackFact {
    String eventId();

    String customerId();

    /** When it happened (event time): the alert clock follows it during a replay. */
    java.time.Instant occurredAt();
}
