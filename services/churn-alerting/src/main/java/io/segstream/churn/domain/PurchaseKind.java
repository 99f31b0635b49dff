package io.segstream.churn.domain;

/** A sale, or a refund of (part of) an earlier order: a refund reduces spend but is not a purchase. */
public enum PurchaseKind {
    PURCHASE, REFUND
}
