package io.segstream.purchases.domain;

import io.segstream.contracts.purchase.PurchaseSubmitted;

/**
 * One item handed to the intake: a decoded purchase, or the reason it could not be decoded (with whatever eventId
 * could be read, for the per-item result).
 */
public record Submission(PurchaseSubmitted purchase, Rejection unreadable, String eventIdHint) {

    public static Submission of(PurchaseSubmitted purchase) {
        return new Submission(purchase, null, purchase.eventId());
    }

    public static Submission unreadable(Rejection reason, String eventIdHint) {
        return new Submission(null, reason, eventIdHint);
    }

    public String eventId() {
        return purchase != null ? purchase.eventId() : eventIdHint;
    }
}
