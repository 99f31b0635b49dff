package io.segstream.segmentation.web;

import io.segstream.segmentation.domain.CustomerProfile;
import io.segstream.segmentation.domain.FeedbackFigures;
import io.segstream.segmentation.domain.ProfileFigures;
import io.segstream.segmentation.domain.PurchaseBehaviour;
import io.segstream.segmentation.domain.RfmScore;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * GET /api/v1/customers/{customerId}/profile: the customer's figures as of now (README: "Profile figures").
 *
 * @param recencyDays  whole days since the last purchase day; null when the customer never bought
 * @param orderCount   purchases (refunds are not orders)
 * @param monetary     spend net of refunds, in {@code reportingCurrency}
 * @param purchaseDays distinct days with a purchase
 * @param behaviour    rolling windows, gaps, shares, discounts, regions
 * @param feedback     NPS, CSAT, complaints, reviews, topics, referrals
 * @param rfm          R, F, M scores (quintiles of the population) and FM; null without purchases
 */
record ProfileResponse(String customerId, Instant asOf, Instant firstPurchaseAt, Instant lastPurchaseAt,
                       Integer recencyDays, long orderCount, long refundCount, BigDecimal monetary,
                       String reportingCurrency, long purchaseDays, PurchaseBehaviour behaviour,
                       FeedbackFigures feedback, RfmScore rfm) {

    static ProfileResponse of(CustomerProfile profile, ProfileFigures figures) {
        return new ProfileResponse(profile.customerId(), figures.asOf(), figures.firstPurchaseAt(),
                figures.lastPurchaseAt(), figures.recencyDays(), figures.orderCount(), figures.refundCount(),
                figures.monetary(), profile.reportingCurrency(), figures.purchaseDays(), figures.behaviour(),
                figures.feedback(), figures.rfm());
    }
}
