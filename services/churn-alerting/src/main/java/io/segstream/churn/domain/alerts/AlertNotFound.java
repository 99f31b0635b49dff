package io.segstream.churn.domain.alerts;

/** No customer's current alert has this id. */
public class AlertNotFound extends RuntimeException {
    public AlertNotFound(String alertId) {
        super("no current alert with id " + alertId);
    }
}
