package io.segstream.churn.domain;

/** Something that happened to a customer and that the activity view takes in, idempotently by its event id. */
public sealed interface ActivityEvent permits PurchaseFact, SegmentFact {
    String eventId();

    String customerId();
}
