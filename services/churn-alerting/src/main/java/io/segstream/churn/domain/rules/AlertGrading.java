package io.segstream.churn.domain.rules;

import io.segstream.contracts.churn.AlertLevel;
import io.segstream.contracts.churn.ChurnReason;
import io.segstream.contracts.churn.SuggestedAction;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Combines the findings (model and rules) and the value tier into a level and a suggested action; the table is in
 * the README ("Level and action").
 *
 * <p>Level: no finding LOW, one MEDIUM, two HIGH, three or more CRITICAL; a high-value customer with at least one
 * finding goes one level up (capped at CRITICAL): losing her costs most.
 *
 * <p>Action, first match: no finding MONITOR; a complaint or a refund spike SERVICE_RECOVERY (fix what went wrong
 * before offering anything); detractor feedback or a negative review PERSONAL_OUTREACH for high value, else
 * SATISFACTION_SURVEY; otherwise (silence, falling frequency, model) PERSONAL_OUTREACH for high value,
 * REACTIVATION_CAMPAIGN for low value, WIN_BACK_OFFER for the rest (also when no tier is known).
 */
public final class AlertGrading {
    private static final Set<ChurnReason> SERVICE_FAILURES = EnumSet.of(ChurnReason.OPEN_COMPLAINTS,
            ChurnReason.REPEATED_COMPLAINTS, ChurnReason.REFUND_SPIKE);
    private static final Set<ChurnReason> DISSATISFACTION = EnumSet.of(ChurnReason.DETRACTOR_FEEDBACK,
            ChurnReason.NEGATIVE_REVIEW);
    private static final AlertLevel[] LEVELS = AlertLevel.values();

    private final Set<String> highValueTiers;
    private final Set<String> lowValueTiers;

    public AlertGrading(Set<String> highValueTiers, Set<String> lowValueTiers) {
        this.highValueTiers = Set.copyOf(highValueTiers);
        this.lowValueTiers = Set.copyOf(lowValueTiers);
    }

    public AlertLevel level(List<ChurnReason> reasons, String valueTier) {
        if (reasons.isEmpty()) {
            return AlertLevel.LOW;
        }
        int step = Math.min(reasons.size(), LEVELS.length - 1);
        if (isHighValue(valueTier)) {
            step = Math.min(step + 1, LEVELS.length - 1);
        }
        return LEVELS[step];
    }

    public SuggestedAction action(List<ChurnReason> reasons, String valueTier) {
        if (reasons.isEmpty()) {
            return SuggestedAction.MONITOR;
        }
        if (reasons.stream().anyMatch(SERVICE_FAILURES::contains)) {
            return SuggestedAction.SERVICE_RECOVERY;
        }
        if (reasons.stream().anyMatch(DISSATISFACTION::contains)) {
            return isHighValue(valueTier) ? SuggestedAction.PERSONAL_OUTREACH : SuggestedAction.SATISFACTION_SURVEY;
        }
        if (isHighValue(valueTier)) {
            return SuggestedAction.PERSONAL_OUTREACH;
        }
        return valueTier != null && lowValueTiers.contains(valueTier) ? SuggestedAction.REACTIVATION_CAMPAIGN
                : SuggestedAction.WIN_BACK_OFFER;
    }

    private boolean isHighValue(String valueTier) {
        return valueTier != null && highValueTiers.contains(valueTier);
    }
}
