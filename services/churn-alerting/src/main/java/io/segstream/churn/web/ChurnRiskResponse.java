package io.segstream.churn.web;

import io.segstream.churn.domain.ActivityFigures;
import io.segstream.churn.domain.ChurnRiskFigures;
import io.segstream.churn.domain.model.ChurnRiskScore;
import io.segstream.churn.domain.scoring.ChurnAssessment;
import io.segstream.contracts.churn.AlertLevel;
import io.segstream.contracts.churn.ChurnReason;
import io.segstream.contracts.churn.SuggestedAction;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * GET /api/v1/customers/{customerId}/churn-risk: the activity figures, the BG/NBD figures and the early-warning
 * reasons with the figures behind each, combined into a level and a suggested action.
 *
 * @param asOf                  the instant the clock-dependent figures are counted to
 * @param daysSinceLastPurchase whole days from the last purchase day to the as-of day; null if never bought
 * @param purchaseDays          distinct days with a purchase (the model's transactions)
 * @param repeatPurchaseDays    purchase days after the first (the model's x)
 * @param purchaseCount         purchases (refunds are not purchases)
 * @param monetary              spend net of refunds, in {@code reportingCurrency}
 * @param lifecycle             lifecycle class from segmentation, null until one arrived
 * @param valueTier             value tier from segmentation, null until one arrived
 * @param riskScore             P(no purchase within the risk horizon) from the model; null before the first fit
 * @param pAlive                P(alive | x, t_x, T); 1 for customers without repeat purchase; null without model
 * @param expectedPurchases30d  E[purchase days in the next 30 days]; null without model
 * @param expectedPurchases90d  E[purchase days in the next 90 days]; null without model
 * @param repeatBuyer           whether P(alive) carries evidence (x > 0); null without model
 * @param level                 combined level of the model and the rules
 * @param reasons               the rules that fired, each with its figures
 */
record ChurnRiskResponse(String customerId, Instant asOf, Integer daysSinceLastPurchase, Instant firstPurchaseAt,
                         Instant lastPurchaseAt, LocalDate firstPurchaseDay, LocalDate lastPurchaseDay,
                         long purchaseDays, long repeatPurchaseDays, long purchaseCount, long refundCount,
                         BigDecimal monetary, String reportingCurrency, String lifecycle, String valueTier,
                         Double riskScore, Double pAlive, Double expectedPurchases30d, Double expectedPurchases90d,
                         Boolean repeatBuyer, AlertLevel level, SuggestedAction suggestedAction,
                         List<Reason> reasons) {

    record Reason(ChurnReason code, Map<String, Object> figures) {
    }

    static ChurnRiskResponse of(ChurnRiskFigures figures, ChurnAssessment assessment) {
        ActivityFigures activity = figures.activity();
        ChurnRiskScore score = assessment.score();
        return new ChurnRiskResponse(figures.customerId(), figures.asOf(), figures.daysSinceLastPurchase(),
                activity.firstPurchaseAt(), activity.lastPurchaseAt(), activity.firstPurchaseDay(),
                activity.lastPurchaseDay(), activity.purchaseDays(), activity.repeatPurchaseDays(),
                activity.purchaseCount(), activity.refundCount(), activity.monetary(), figures.reportingCurrency(),
                figures.lifecycle(), figures.valueTier(),
                score == null ? null : score.risk(), score == null ? null : score.probabilityAlive(),
                score == null ? null : score.expectedPurchasesShortHorizon(),
                score == null ? null : score.expectedPurchasesLongHorizon(),
                score == null ? null : score.repeatBuyer(), assessment.level(), assessment.suggestedAction(),
                assessment.findings().stream().map(f -> new Reason(f.reason(), f.figures())).toList());
    }
}
