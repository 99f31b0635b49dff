package io.segstream.feedback.domain;

import java.time.Duration;

/**
 * The tunable time limits of the feedback rules (defaults and reasons in application.yml); the contract's own limits
 * are in {@link io.segstream.contracts.feedback.FeedbackLimits}.
 *
 * @param maxFutureSkew  how far occurredAt may lie ahead of this service's clock (senders' clocks drift)
 * @param maxAge         how far back occurredAt may lie
 */
public record IntakeLimits(Duration maxFutureSkew, Duration maxAge) {
    public IntakeLimits {
        if (maxFutureSkew.isNegative() || maxAge.isNegative() || maxAge.isZero()) {
            throw new IllegalArgumentException("intake limits out of range");
        }
    }
}
