package io.segstream.purchases.domain;

/** What the order book made of a refund claim. */
public enum RefundDecision {
    /** Taken off the order's remaining amount now. */
    APPLIED,
    /** This refund (same eventId) was taken off before: a redelivery or retry; nothing taken again. */
    ALREADY_APPLIED,
    UNKNOWN_ORDER,
    EXCEEDS_REMAINING,
    CURRENCY_MISMATCH,
    CUSTOMER_MISMATCH
}
