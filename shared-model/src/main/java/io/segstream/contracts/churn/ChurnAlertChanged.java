package io.segstream.contracts.churn;

import java.time.Instant;
import java.util.List;

/** A churn alert was opened, escalated or resolved (churn.alerts.v1). Every state change is one message. */
public record ChurnAlertChanged(
        String alertId,
        String customerId,
        AlertStatus status,
        AlertLevel level,
        double riskScore,
        Double pAlive,
        Double expectedPurchases90d,
        Integer daysSinceLastPurchase,
        String valueTier,
        List<ChurnReason> reasons,
        SuggestedAction suggestedAction,
        Instant occurredAt) {
}
