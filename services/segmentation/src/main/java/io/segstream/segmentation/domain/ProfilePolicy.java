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
 * @param maxFeedback              most feedback facts kept one by one; older ones are folded into totals
 * @param recentFeedbackDays       the window, in days before the as-of instant, of "recent" complaints
 */
public record ProfilePolicy(ZoneId purchaseDayZone, int maxPurchases, Duration historyHorizon,
                            int maxCategoriesPerPurchase, int maxFeedback, int recentFeedbackDays) {
    /** Defaults of the feedback bounds for callers that only care about purchases. */
    static final int DEFAULT_MAX_FEEDBACK = 500;
    static final int DEFAULT_RECENT_FEEDBACK_DAYS = 90;

    public ProfilePolicy(ZoneId purchaseDayZone, int maxPurchases, Duration historyHorizon,
                         int maxCategoriesPerPurchase) {
        this(purchaseDayZone, maxPurchases, historyHorizon, maxCategoriesPerPurchase, DEFAULT_MAX_FEEDBACK,
                DEFAULT_RECENT_FEEDBACK_DAYS);
    }

    public ProfilePolicy {
        Objects.requireNonNull(purchaseDayZone, "purchaseDayZone");
        Objects.requireNonNull(historyHorizon, "historyHorizon");
        if (maxPurchases < 1 || maxCategoriesPerPurchase < 1 || historyHorizon.isNegative() || maxFeedback < 1
                || recentFeedbackDays < 1) {
            throw new IllegalArgumentException("profile bounds must be positive");
        }
    }

    public LocalDate dayOf(Instant instant) {
        return LocalDate.ofInstant(instant, purchaseDayZone);
    }
}
