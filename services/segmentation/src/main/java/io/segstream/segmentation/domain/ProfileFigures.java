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
 * @param behaviour    windows, gaps, shares, discounts and regions
 * @param feedback     survey, review, complaint, topic and referral figures
 * @param rfm          quintile scores against the current population; null before scoring or without purchases
 */
public record ProfileFigures(
        Instant asOf,
        Instant firstPurchaseAt,
        Instant lastPurchaseAt,
        Integer recencyDays,
        long orderCount,
        long refundCount,
        BigDecimal monetary,
        long purchaseDays,
        PurchaseBehaviour behaviour,
        FeedbackFigures feedback,
        RfmScore rfm) {

    public ProfileFigures {
        behaviour = behaviour == null ? PurchaseBehaviour.NONE : behaviour;
        feedback = feedback == null ? FeedbackFigures.NONE : feedback;
    }

    /** Figures of purchases alone, without behaviour or feedback detail. */
    public ProfileFigures(Instant asOf, Instant firstPurchaseAt, Instant lastPurchaseAt, Integer recencyDays,
                          long orderCount, long refundCount, BigDecimal monetary, long purchaseDays) {
        this(asOf, firstPurchaseAt, lastPurchaseAt, recencyDays, orderCount, refundCount, monetary, purchaseDays,
                null, null, null);
    }

    /** These figures with the customer's RFM scores. */
    public ProfileFigures withRfm(RfmScore score) {
        return new ProfileFigures(asOf, firstPurchaseAt, lastPurchaseAt, recencyDays, orderCount, refundCount,
                monetary, purchaseDays, behaviour, feedback, score);
    }

    public boolean hasPurchased() {
        return purchaseDays > 0;
    }
}
