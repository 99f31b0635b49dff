package io.segstream.contracts.purchase;

/** A sale, or a refund that reverses (part of) an earlier order and is subtracted from spend. */
public enum PurchaseType {
    PURCHASE, REFUND
}
