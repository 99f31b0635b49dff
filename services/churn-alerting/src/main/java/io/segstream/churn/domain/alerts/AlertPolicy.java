package io.segstream.churn.domain.alerts;

import io.segstream.contracts.churn.AlertLevel;

import java.time.Duration;
import java.util.Objects;

/**
 * When alerts are raised and customers checked again (application.yml documents each default, under
 * {@code segstream.churn.alerts}).
 *
 * @param raiseLevel       an alert is opened when a customer's level reaches this
 * @param cooldown         after a resolution, no new alert for the customer within this period
 * @param maxCheckInterval a customer is looked at again at the latest after this (rules whose due time cannot be
 *                         computed ahead, such as the sliding frequency windows, and model refits)
 * @param modelRiskCheck   the model risk whose crossing time is the model's next check (the rule threshold)
 */
public record AlertPolicy(AlertLevel raiseLevel, Duration cooldown, Duration maxCheckInterval,
                          double modelRiskCheck) {
    public AlertPolicy {
        Objects.requireNonNull(raiseLevel, "raiseLevel");
        if (raiseLevel == AlertLevel.LOW) {
            throw new IllegalArgumentException("raise level must be above LOW: LOW means no finding");
        }
        if (cooldown.isNegative() || maxCheckInterval.isNegative() || maxCheckInterval.isZero()) {
            throw new IllegalArgumentException("cooldown >= 0 and max check interval > 0");
        }
    }
}
