package io.segstream.churn.domain.alerts;

import io.segstream.contracts.churn.AlertStatus;

import java.util.List;

/** What one pass over customers did: the alert state changes written (published unless publishing failed). */
public record AlertOutcome(List<Alert> changes, int customers, int conflicts) {
    public AlertOutcome {
        changes = List.copyOf(changes);
    }

    public long count(AlertStatus status) {
        return changes.stream().filter(alert -> alert.status() == status).count();
    }

    public long winBacks() {
        return changes.stream().filter(Alert::winBack).count();
    }
}
