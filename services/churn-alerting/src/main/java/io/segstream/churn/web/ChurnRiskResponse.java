package io.segstream.churn.web;

import io.segstream.churn.domain.ActivityFigures;
import io.segstream.churn.domain.ChurnRiskFigures;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * GET /api/v1/customers/{customerId}/churn-risk, first version: the activity figures a churn-risk score will be built
 * on. It has no {@code riskScore}, {@code pAlive}, {@code level} or {@code reasons} yet: those come with the BG/NBD
 * model and the early-warning rules (issue 6) and will be added to this response, never invented before.
 *
 * @param asOf                  the instant the clock-dependent figures are counted to
 * @param daysSinceLastPurchase whole days from the last purchase day to the as-of day; null if never bought
 * @param purchaseDays          distinct days with a purchase (the model's transactions)
 * @param repeatPurchaseDays    purchase days after the first (the model's x)
 * @param purchaseCount         purchases (refunds are not purchases)
 * @param monetary              spend net of refunds, in {@code reportingCurrency}
 * @param lifecycle             lifecycle class from segmentation, null until one arrived
 * @param valueTier             value tier from segmentation, null until one arrived
 */
record ChurnRiskResponse(String customerId, Instant asOf, Integer daysSinceLastPurchase, Instant firstPurchaseAt,
                         Instant lastPurchaseAt, LocalDate firstPurchaseDay, LocalDate lastPurchaseDay,
                         long purchaseDays, long repeatPurchaseDays, long purchaseCount, long refundCount,
                         BigDecimal monetary, String reportingCurrency, String lifecycle, String valueTier) {

    static ChurnRiskResponse of(ChurnRiskFigures figures) {
        ActivityFigures activity = figures.activity();
        return new ChurnRiskResponse(figures.customerId(), figures.asOf(), figures.daysSinceLastPurchase(),
                activity.firstPurchaseAt(), activity.lastPurchaseAt(), activity.firstPurchaseDay(),
                activity.lastPurchaseDay(), activity.purchaseDays(), activity.repeatPurchaseDays(),
                activity.purchaseCount(), activity.refundCount(), activity.monetary(), figures.reportingCurrency(),
                figures.lifecycle(), figures.valueTier());
    }
}
