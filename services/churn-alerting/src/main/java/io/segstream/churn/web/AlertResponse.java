package io.segstream.churn.web;

import io.segstream.churn.domain.alerts.Alert;
import io.segstream.contracts.churn.AlertLevel;
import io.segstream.contracts.churn.AlertStatus;
import io.segstream.contracts.churn.ChurnReason;
import io.segstream.contracts.churn.SuggestedAction;

import java.time.Instant;
import java.util.List;

/**
 * A customer's current churn alert, as the alert endpoints show it.
 *
 * @param acknowledgedBy the principal (JWT subject) who acknowledged it, or null
 * @param resolvedBy     the principal who resolved it through the endpoint; null while open and when a purchase
 *                       resolved it (a win-back)
 */
record AlertResponse(String alertId, String customerId, AlertStatus status, AlertLevel level, double riskScore,
                     Double pAlive, Double expectedPurchases90d, Integer daysSinceLastPurchase, String valueTier,
                     List<ChurnReason> reasons, SuggestedAction suggestedAction, Instant openedAt, Instant changedAt,
                     Instant acknowledgedAt, String acknowledgedBy, Instant resolvedAt, String resolvedBy,
                     boolean winBack) {

    static AlertResponse of(Alert a) {
        return new AlertResponse(a.alertId(), a.customerId(), a.status(), a.level(), a.riskScore(), a.pAlive(),
                a.expectedPurchases90d(), a.daysSinceLastPurchase(), a.valueTier(), a.reasons(),
                a.suggestedAction(), a.openedAt(), a.changedAt(), a.acknowledgedAt(), a.acknowledgedBy(),
                a.resolvedAt(), a.resolvedBy(), a.winBack());
    }
}
