package io.segstream.churn.domain;

/** What taking in one event did to a customer's activity. */
public enum ActivityOutcome {
    /** New: the view changed. */
    APPLIED,
    /** Seen before (a redelivery): nothing changed. */
    DUPLICATE,
    /** A purchase on a day already folded into totals: cannot be told from a redelivery, so not applied. */
    TOO_LATE
}
