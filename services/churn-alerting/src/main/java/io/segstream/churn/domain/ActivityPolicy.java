package io.segstream.churn.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;

/**
 * How the activity view counts days and how much it keeps per customer.
 *
 * @param purchaseDayZone          the zone whose calendar days are purchase days (one transaction per customer-day)
 * @param maxPurchases             purchase facts kept one by one; older whole days are folded into exact totals (the
 *                                 newest fact's day is never folded)
 * @param historyHorizon           facts further than this before the newest one are folded
 * @param maxPurchaseDays          distinct purchase days kept as dates; beyond it the oldest dates are dropped while
 *                                 the count and the first purchase stay exact
 * @param rememberedSegmentChanges segment-change event ids remembered per customer to recognise redeliveries
 * @param maxFeedback              feedback facts kept per customer (the newest by event time); an older redelivery
 *                                 beyond them is not applied
 */
public record ActivityPolicy(ZoneId purchaseDayZone, int maxPurchases, Duration historyHorizon, int maxPurchaseDays,
                             int rememberedSegmentChanges, int maxFeedback) {

    public ActivityPolicy {
        Objects.requireNonNull(purchaseDayZone, "purchaseDayZone");
        Objects.requireNonNull(historyHorizon, "historyHorizon");
        if (maxPurchases < 1 || maxPurchaseDays < 1 || rememberedSegmentChanges < 1 || maxFeedback < 1 || historyHorizon.isNegative()) {
            throw new IllegalArgumentException("activity bounds must be positive");
        }
    }

    public LocalDate dayOf(Instant instant) {
        return LocalDate.ofInstant(instant, purchaseDayZone);
    }
}
