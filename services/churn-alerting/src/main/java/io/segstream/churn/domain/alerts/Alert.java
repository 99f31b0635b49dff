package io.segstream.churn.domain.alerts;

import io.segstream.contracts.churn.AlertLevel;
import io.segstream.contracts.churn.AlertStatus;
import io.segstream.contracts.churn.ChurnReason;
import io.segstream.contracts.churn.SuggestedAction;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A customer's churn alert as it stands (immutable: every change makes a new one).
 *
 * @param sequence       1 for OPEN, +1 per state change: numbers the alert's messages (their ce_id derives from it)
 * @param acknowledgedAt when an operator acknowledged it (not a status change: no message), or null
 * @param winBack        resolved because the customer bought again
 * @param acknowledgedBy the principal (JWT subject) who acknowledged it, or null
 * @param resolvedBy     the principal who resolved it through the endpoint; null while open and for a resolution by a
 *                       purchase (reason CUSTOMER_RETURNED: the service resolved it)
 */
public record Alert(String alertId, String customerId, AlertStatus status, AlertLevel level, double riskScore,
                    Double pAlive, Double expectedPurchases90d, Integer daysSinceLastPurchase, String valueTier,
                    List<ChurnReason> reasons, SuggestedAction suggestedAction, Instant openedAt, Instant changedAt,
                    Instant acknowledgedAt, Instant resolvedAt, boolean winBack, int sequence, String acknowledgedBy,
                    String resolvedBy) {

    public Alert {
        Objects.requireNonNull(alertId, "alertId");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(suggestedAction, "suggestedAction");
        Objects.requireNonNull(openedAt, "openedAt");
        Objects.requireNonNull(changedAt, "changedAt");
        reasons = List.copyOf(reasons);
    }

    public boolean isOpen() {
        return status != AlertStatus.RESOLVED;
    }

    Alert escalated(AlertLevel newLevel, double risk, Double alive, Double expected, Integer days, String tier,
                    List<ChurnReason> newReasons, SuggestedAction action, Instant at) {
        return new Alert(alertId, customerId, AlertStatus.ESCALATED, newLevel, risk, alive, expected, days, tier,
                newReasons, action, openedAt, at, acknowledgedAt, null, false, sequence + 1, acknowledgedBy, null);
    }

    /** @param by the operator who resolved it, or null when the service did (a win-back) */
    Alert resolved(ChurnReason why, boolean byWinBack, Integer days, Instant at, String by) {
        return new Alert(alertId, customerId, AlertStatus.RESOLVED, level, riskScore, pAlive, expectedPurchases90d,
                days, valueTier, List.of(why), suggestedAction, openedAt, at, acknowledgedAt, at, byWinBack,
                sequence + 1, acknowledgedBy, by);
    }

    Alert acknowledged(Instant at, String by) {
        return new Alert(alertId, customerId, status, level, riskScore, pAlive, expectedPurchases90d,
                daysSinceLastPurchase, valueTier, reasons, suggestedAction, openedAt, changedAt, at, resolvedAt,
                winBack, sequence, by, resolvedBy);
    }
}
