package io.segstream.feedback.domain;

import java.time.Duration;

/**
 * Limits of the feedback rules (defaults and reasons in application.yml).
 *
 * @param maxTextLength  longest text accepted, in Unicode characters (code points, as JSON Schema counts)
 * @param maxFutureSkew  how far occurredAt may lie ahead of this service's clock (senders' clocks drift)
 * @param maxAge         how far back occurredAt may lie
 */
public record IntakeLimits(int maxTextLength, Duration maxFutureSkew, Duration maxAge) {
    public IntakeLimits {
        if (maxTextLength <= 0 || maxFutureSkew.isNegative() || maxAge.isNegative() || maxAge.isZero()) {
            throw new IllegalArgumentException("intake limits out of range");
        }
    }
}
