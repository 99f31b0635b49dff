package io.segstream.contracts.churn;

/** OPEN → ESCALATED → RESOLVED; each move is a new message with the same alertId. */
public enum AlertStatus {
    OPEN, ESCALATED, RESOLVED
}
