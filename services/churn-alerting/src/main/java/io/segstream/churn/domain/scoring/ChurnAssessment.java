package io.segstream.churn.domain.scoring;

import io.segstream.churn.domain.model.ChurnRiskScore;
import io.segstream.churn.domain.rules.RuleFinding;
import io.segstream.contracts.churn.AlertLevel;
import io.segstream.contracts.churn.ChurnReason;
import io.segstream.contracts.churn.SuggestedAction;

import java.time.Instant;
import java.util.List;

/**
 * A customer's churn risk as of an instant: the model's figures (null before the first fit or for a customer who
 * never bought), the rules that fired with their figures, and the combined level and suggested action.
 *
 * @param score     the BG/NBD figures, or null
 * @param valueTier segmentation's value tier, null until one arrived
 */
public record ChurnAssessment(String customerId, Instant asOf, Integer daysSinceLastPurchase, String valueTier,
                              ChurnRiskScore score, List<RuleFinding> findings, AlertLevel level,
                              SuggestedAction suggestedAction) {

    public ChurnAssessment {
        findings = List.copyOf(findings);
    }

    public List<ChurnReason> reasons() {
        return findings.stream().map(RuleFinding::reason).toList();
    }

    /**
     * The risk in [0, 1] an alert carries: the model's risk when there is one, else the level's rank (LOW 0,
     * MEDIUM 1/3, HIGH 2/3, CRITICAL 1) so that an alert raised by the rules alone still orders by severity.
     */
    public double alertRiskScore() {
        if (score != null) {
            return score.risk();
        }
        return (double) level.ordinal() / (AlertLevel.values().length - 1);
    }
}
