package io.segstream.contracts.churn;

/** Why a customer is flagged; each early-warning rule and the model have one code. */
public enum ChurnReason {
    OVERDUE_VS_OWN_CADENCE,
    FALLING_FREQUENCY,
    LOW_PROBABILITY_ALIVE,
    DETRACTOR_FEEDBACK,
    NEGATIVE_REVIEW,
    OPEN_COMPLAINTS,
    REPEATED_COMPLAINTS,
    HIGH_VALUE_GOING_QUIET,
    REFUND_SPIKE,
    CUSTOMER_RETURNED,
    OPERATOR_RESOLVED
}
