package io.segstream.churn.domain.alerts;

/** Another writer changed the customer's watch first; repeating is safe. */
public class ConcurrentAlertUpdate extends RuntimeException {
    public ConcurrentAlertUpdate(String message) {
        super(message);
    }
}
