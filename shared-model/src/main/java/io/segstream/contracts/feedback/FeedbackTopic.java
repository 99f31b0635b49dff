package io.segstream.contracts.feedback;

/** What a piece of feedback is about: the needs-focus dimension of segmentation is built from these. */
public enum FeedbackTopic {
    PRICE, QUALITY, SERVICE, DELIVERY, PRODUCT_RANGE, OTHER
}
