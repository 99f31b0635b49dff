package io.segstream.segmentation.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;

/**
 * How a profile counts days and how much detail it keeps.
 *
 * @param purchaseDayZone          the zone whose calendar days are "purchase days" and in which recency is counted
 * @param maxPurchases             most purchase facts kept one by one; older whole days are folded into totals
 *                                 (the day of the newest fact is never folded, so one very busy day may exceed it)
 * @param historyHorizon           facts further than this before the customer's newest fact are folded into totals
 * @param maxCategoriesPerPurchase most category shares kept per purchase (the largest)
 */
public record ProfilePolicy(ZoneId purchaseDayZone, int maxPurchases, Duration historyHorizon,
                            int maxCategoriesPerPurchase) {

    public ProfilePolicy {
        Objects.requireNonNull(purchaseDayZone, "purchaseDayZone");
        Objects.requireNonNull(historyHorizon, "historyHorizon");
        if (maxPurchases < 1 || maxCategoriesPerPurchase < 1 || historyHorizon.isNegative()) {
            throw new IllegalArgumentException("profile bounds must be positive");
        }
    }

    public LocalDate dayOf(Instant instant) {
        return LocalDate.ofInstant(instant, purchaseDayZone);
    }
}
