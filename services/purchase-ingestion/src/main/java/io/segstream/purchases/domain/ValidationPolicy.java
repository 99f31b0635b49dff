package io.segstream.purchases.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The tunable limits of the purchase rules (the contract's own limits are in
 * {@link io.segstream.contracts.purchase.PurchaseLimits}).
 *
 * @param epoch                 earliest accepted occurredAt
 * @param maxClockSkew          how far occurredAt may lie after the service's clock (producers' clocks drift)
 * @param totalToleranceMinor   how far, in minor units of the currency, sum(quantity x unitPrice) - discount may be
 *                              from totalAmount (line prices may have more decimals than the currency)
 */
public record ValidationPolicy(Instant epoch, Duration maxClockSkew, int totalToleranceMinor) {
    public ValidationPolicy {
        Objects.requireNonNull(epoch, "epoch");
        Objects.requireNonNull(maxClockSkew, "maxClockSkew");
        if (maxClockSkew.isNegative() || totalToleranceMinor < 0) {
            throw new IllegalArgumentException("clock skew and tolerance must not be negative");
        }
    }
}
