package io.segstream.churn.domain.scoring;

import io.segstream.churn.domain.ActivityPolicy;
import io.segstream.churn.domain.CustomerActivity;
import io.segstream.churn.domain.ModelFitting;
import io.segstream.churn.domain.model.ChurnRiskScore;
import io.segstream.churn.domain.model.ChurnRiskScorer;
import io.segstream.churn.domain.model.PurchaseSummary;
import io.segstream.churn.domain.rules.AlertGrading;
import io.segstream.churn.domain.rules.EarlyWarningRules;
import io.segstream.churn.domain.rules.RuleFinding;
import io.segstream.contracts.churn.ChurnReason;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Scores a customer with the current model and the early-warning rules, and grades the result. Plain Java. */
public final class ChurnScoring {
    private final ModelFitting fitting;
    private final EarlyWarningRules rules;
    private final AlertGrading grading;
    private final ActivityPolicy policy;

    public ChurnScoring(ModelFitting fitting, EarlyWarningRules rules, AlertGrading grading, ActivityPolicy policy) {
        this.fitting = fitting;
        this.rules = rules;
        this.grading = grading;
        this.policy = policy;
    }

    public ChurnAssessment assess(CustomerActivity customer, Instant asOf) {
        Optional<ChurnRiskScore> score = summary(customer, asOf)
                .flatMap(summary -> fitting.scorer().map(scorer -> scorer.score(summary)));
        List<RuleFinding> findings = rules.evaluate(customer, asOf, score);
        List<ChurnReason> reasons = findings.stream().map(RuleFinding::reason).toList();
        String tier = EarlyWarningRules.valueTier(customer);
        return new ChurnAssessment(customer.customerId(), asOf, customer.daysSinceLastPurchase(asOf, policy), tier,
                score.orElse(null), findings, grading.level(reasons, tier), grading.action(reasons, tier));
    }

    /** The BG/NBD summary (x, t_x, T) as of the instant; empty for a customer without purchase by then. */
    public Optional<PurchaseSummary> summary(CustomerActivity customer, Instant asOf) {
        return PurchaseSummary.fromPurchaseDays(customer.purchaseDays(), policy.dayOf(asOf), fitting.unit());
    }

    public Optional<ChurnRiskScorer> scorer() {
        return fitting.scorer();
    }

    public EarlyWarningRules rules() {
        return rules;
    }
}
