package io.segstream.contracts.churn;

import io.segstream.contracts.Ids;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.List;

/**
 * A churn alert was opened, escalated or resolved (churn.alerts.v1). Every state change is one message with the same
 * {@code alertId}. The model figures ({@code pAlive}, {@code expectedPurchases90d}) are null when no model is fitted.
 */
public record ChurnAlertChanged(
        @NotBlank @Size(max = Ids.MAX_LENGTH) @Pattern(regexp = Ids.PATTERN) String alertId,
        @NotBlank @Size(max = Ids.MAX_LENGTH) @Pattern(regexp = Ids.PATTERN) String customerId,
        @NotNull AlertStatus status,
        @NotNull AlertLevel level,
        @DecimalMin("0.0") @DecimalMax("1.0") double riskScore,
        @DecimalMin("0.0") @DecimalMax("1.0") Double pAlive,
        @DecimalMin("0.0") Double expectedPurchases90d,
        @PositiveOrZero Integer daysSinceLastPurchase,
        @Size(max = 128) String valueTier,
        @NotNull List<@NotNull ChurnReason> reasons,
        @NotNull SuggestedAction suggestedAction,
        @NotNull Instant occurredAt) {
}
