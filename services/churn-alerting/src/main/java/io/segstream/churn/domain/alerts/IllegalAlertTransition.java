package io.segstream.churn.domain.alerts;

/** The alert cannot make this move from its status (for example resolving a resolved alert). */
public class IllegalAlertTransition extends RuntimeException {
    public IllegalAlertTransition(String message) {
        super(message);
    }
}
