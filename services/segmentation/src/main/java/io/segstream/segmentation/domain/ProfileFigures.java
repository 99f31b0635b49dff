package io.segstream.segmentation.domain;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A profile's figures as of an instant, derived from its stored facts; what dimensions classify on.
 *
 * @param recencyDays  whole calendar days from the last purchase day to the as-of day, never negative; null when
 *                     the customer never bought
 * @param orderCount   purchases (refunds are not orders)
 * @param monetary     spend net of refunds, in the reporting currency
 * @param purchaseDays distinct calendar days with at least one purchase
 */
public record ProfileFigures(
        Instant asOf,
        Instant firstPurchaseAt,
        Instant lastPurchaseAt,
        Integer recencyDays,
        long orderCount,
        long refundCount,
        BigDecimal monetary,
        long purchaseDays) {

    public boolean hasPurchased() {
        return purchaseDays > 0;
    }
}
