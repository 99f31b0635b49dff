package io.segstream.segmentation.web;

import io.segstream.segmentation.domain.CustomerProfile;
import io.segstream.segmentation.domain.ProfileFigures;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * GET /api/v1/customers/{customerId}/profile: the customer's figures as of now.
 *
 * @param recencyDays  whole days since the last purchase day; null when the customer never bought
 * @param orderCount   purchases (refunds are not orders)
 * @param monetary     spend net of refunds, in {@code reportingCurrency}
 * @param purchaseDays distinct days with a purchase
 */
record ProfileResponse(String customerId, Instant asOf, Instant firstPurchaseAt, Instant lastPurchaseAt,
                       Integer recencyDays, long orderCount, long refundCount, BigDecimal monetary,
                       String reportingCurrency, long purchaseDays) {

    static ProfileResponse of(CustomerProfile profile, ProfileFigures figures) {
        return new ProfileResponse(profile.customerId(), figures.asOf(), figures.firstPurchaseAt(),
                figures.lastPurchaseAt(), figures.recencyDays(), figures.orderCount(), figures.refundCount(),
                figures.monetary(), profile.reportingCurrency(), figures.purchaseDays());
    }
}
