package io.segstream.segmentation.domain;

import java.time.Instant;

/** Something that happened to a customer and is kept in the profile: a purchase or refund, or feedback. */
public sealed interface CustomerFact permits PurchaseFact, FeedbackFact {
    String eventId();

    String customerId();

    Instant occurredAt();
}
