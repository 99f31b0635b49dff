package io.segstream.churn.domain.alerts;

import java.util.Objects;

/**
 * What an operator's acknowledge or resolve did to an alert, for the response and the audit trail.
 *
 * @param before the alert as it was
 * @param after  the alert as it is now; {@code before} itself when the action changed nothing (a repeated
 *               acknowledgement)
 */
public record OperatorAction(Alert before, Alert after) {
    public OperatorAction {
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
    }

    /** Whether the action changed the alert (and so was written). */
    public boolean changed() {
        return before != after;
    }
}
