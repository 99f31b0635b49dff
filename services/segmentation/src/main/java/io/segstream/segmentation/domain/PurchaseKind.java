package io.segstream.segmentation.domain;

/** A sale, or a refund that reverses (part of) an earlier order: refunds reduce spend but are not purchases. */
public enum PurchaseKind {
    PURCHASE, REFUND
}
