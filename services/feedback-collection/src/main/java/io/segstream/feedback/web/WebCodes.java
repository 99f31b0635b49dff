package io.segstream.feedback.web;

/** Codes of this service's HTTP layer that are not feedback rules. */
final class WebCodes {
    /** A batch with more items than segstream.feedback.intake.max-batch-items (413). */
    static final String BATCH_TOO_LARGE = "BATCH_TOO_LARGE";
    /** A batch body that is an empty array (422). */
    static final String BATCH_EMPTY = "BATCH_EMPTY";
    /** A path id that does not follow the contract's id syntax (400). */
    static final String INVALID_ID = "INVALID_ID";
    /** from/to of the NPS roll-up that are not instants or dates, or from not before to (400). */
    static final String INVALID_PERIOD = "INVALID_PERIOD";

    private WebCodes() {
    }
}
