package io.segstream.churn.domain.alerts;

import io.segstream.contracts.churn.ChurnAlertChanged;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.UUID;

/**
 * One state change of an alert, waiting to be published on churn.alerts.v1.
 *
 * @param messageId the ce_id: derived from the alert id and the change's sequence number, so a republish of the
 *                  same change carries the same id and consumers can recognise it
 */
public record AlertMessage(String messageId, ChurnAlertChanged payload) {
    public AlertMessage {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(payload, "payload");
    }

    static AlertMessage of(Alert alert) {
        String id = UUID.nameUUIDFromBytes((alert.alertId() + "#" + alert.sequence())
                .getBytes(StandardCharsets.UTF_8)).toString();
        return new AlertMessage(id, new ChurnAlertChanged(alert.alertId(), alert.customerId(), alert.status(),
                alert.level(), alert.riskScore(), alert.pAlive(), alert.expectedPurchases90d(),
                alert.daysSinceLastPurchase(), alert.valueTier(), alert.reasons(), alert.suggestedAction(),
                alert.changedAt()));
    }
}
