package io.segstream.segmentation.domain;

/** What applying one purchase event did to a profile. */
public enum PurchaseOutcome {
    /** The event was new: figures and classes were re-derived. */
    APPLIED,
    /** The profile already holds this event id (a redelivery): nothing changed. */
    DUPLICATE,
    /**
     * The event falls on a day the profile has already folded into its totals (older than the history it keeps):
     * it cannot be told apart from a redelivery, so it is not applied.
     */
    TOO_LATE
}
