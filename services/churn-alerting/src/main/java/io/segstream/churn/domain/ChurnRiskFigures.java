package io.segstream.churn.domain;

import java.time.Instant;

/**
 * The activity figures a churn-risk score is built on, as of an instant (the model figures, the rules' reasons and
 * the level are in {@code ChurnAssessment}).
 *
 * @param daysSinceLastPurchase whole days from the last purchase day to the as-of day; null if never bought
 * @param lifecycle             the lifecycle class from segmentation, null until one arrived
 * @param valueTier             the value tier from segmentation, null until one arrived
 */
public record ChurnRiskFigures(String customerId, Instant asOf, Integer daysSinceLastPurchase,
                               ActivityFigures activity, String lifecycle, String valueTier,
                               String reportingCurrency) {

    public static ChurnRiskFigures of(CustomerActivity customer, Instant asOf, ActivityPolicy policy) {
        return new ChurnRiskFigures(customer.customerId(), asOf, customer.daysSinceLastPurchase(asOf, policy),
                customer.figures(policy),
                customer.segment(CustomerActivity.LIFECYCLE).map(SegmentClass::className).orElse(null),
                customer.segment(CustomerActivity.VALUE_TIER).map(SegmentClass::className).orElse(null),
                customer.reportingCurrency());
    }
}
