package io.segstream.purchases.web;

/** Codes of this service's HTTP layer that are not purchase rules. */
final class WebCodes {
    /** A batch with more elements than segstream.purchases.max-batch-size (413). */
    static final String BATCH_TOO_LARGE = "BATCH_TOO_LARGE";
    /** A path id that does not match the contract's id syntax (400). */
    static final String INVALID_ID = "INVALID_ID";

    private WebCodes() {
    }
}
