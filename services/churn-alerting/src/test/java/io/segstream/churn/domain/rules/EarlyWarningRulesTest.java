package io.segstream.churn.domain.rules;

import io.segstream.churn.domain.CustomerActivity;
import io.segstream.churn.domain.model.ChurnRiskScore;
import io.segstream.contracts.churn.ChurnReason;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static io.segstream.churn.domain.rules.RuleFixtures.NOW;
import static io.segstream.churn.domain.rules.RuleFixtures.RULES;
import static io.segstream.churn.domain.rules.RuleFixtures.boughtDaysAgo;
import static org.assertj.core.api.Assertions.assertThat;

class EarlyWarningRulesTest {

    private static List<ChurnReason> reasons(CustomerActivity customer, ChurnRiskScore score) {
        return RULES.evaluate(customer, NOW, Optional.ofNullable(score)).stream().map(RuleFinding::reason).toList();
    }

    @Test
    void overdueFiresAfterTwiceTheMedianGapWithTheFigures() {
        // gaps 10, 10, 40: median 10, overdue after 20 days
        CustomerActivity onTime = boughtDaysAgo(80, 70, 60, 20);
        CustomerActivity late = boughtDaysAgo(81, 71, 61, 21);

        assertThat(reasons(onTime, null)).doesNotContain(ChurnReason.OVERDUE_VS_OWN_CADENCE);
        RuleFinding finding = RULES.evaluate(late, NOW, Optional.empty()).get(0);
        assertThat(finding.reason()).isEqualTo(ChurnReason.OVERDUE_VS_OWN_CADENCE);
        assertThat(finding.figures()).containsEntry("daysSinceLastPurchase", 21L).containsEntry("medianGapDays", 10.0)
                .containsEntry("overdueAfterDays", 20.0);
    }

    @Test
    void overdueNeedsARhythm() {
        assertThat(reasons(boughtDaysAgo(300, 200), null)).doesNotContain(ChurnReason.OVERDUE_VS_OWN_CADENCE);
        assertThat(RULES.overdueFrom(boughtDaysAgo(300, 200).purchaseDays())).isEmpty();
    }

    @Test
    void overdueFromIsTheFirstDayTheRuleFires() {
        CustomerActivity customer = boughtDaysAgo(40, 33, 26);
        LocalDate from = RULES.overdueFrom(customer.purchaseDays()).orElseThrow();
        LocalDate today = RuleFixtures.POLICY.dayOf(NOW);

        assertThat(from).isEqualTo(today.minusDays(26).plusDays(15));
        assertThat(RULES.overdue(customer.purchaseDays(), from)).isPresent();
        assertThat(RULES.overdue(customer.purchaseDays(), from.minusDays(1))).isEmpty();
    }

    @Test
    void fallingFrequencyComparesTheLastWindowWithTheOneBefore() {
        CustomerActivity falling = boughtDaysAgo(170, 150, 130, 110, 50);
        CustomerActivity steady = boughtDaysAgo(170, 150, 130, 60, 40, 20);

        assertThat(reasons(falling, null)).contains(ChurnReason.FALLING_FREQUENCY);
        assertThat(reasons(steady, null)).doesNotContain(ChurnReason.FALLING_FREQUENCY);
        RuleFinding finding = RULES.fallingFrequency(falling.purchaseDays(), RuleFixtures.POLICY.dayOf(NOW))
                .orElseThrow();
        assertThat(finding.figures()).containsEntry("recentPurchaseDays", 1).containsEntry("previousPurchaseDays", 4);
    }

    @Test
    void lowProbabilityAliveCountsPAliveOnlyForRepeatBuyersButRiskForEveryone() {
        CustomerActivity customer = boughtDaysAgo(10);
        ChurnRiskScore lowAliveRepeat = new ChurnRiskScore(0.2, 0.1, 0.2, 0.3, 0.7, true);
        ChurnRiskScore oneTimeBuyer = new ChurnRiskScore(1.0, 0.1, 0.2, 0.3, 0.7, false);
        ChurnRiskScore highRisk = new ChurnRiskScore(1.0, 0.01, 0.02, 0.03, 0.97, false);

        assertThat(reasons(customer, lowAliveRepeat)).contains(ChurnReason.LOW_PROBABILITY_ALIVE);
        assertThat(reasons(customer, oneTimeBuyer)).doesNotContain(ChurnReason.LOW_PROBABILITY_ALIVE);
        assertThat(reasons(customer, highRisk)).contains(ChurnReason.LOW_PROBABILITY_ALIVE);
        assertThat(reasons(customer, null)).doesNotContain(ChurnReason.LOW_PROBABILITY_ALIVE);
    }

    @Test
    void highValueGoingQuietNeedsAHighValueTier() {
        CustomerActivity quietHigh = boughtDaysAgo(35);
        RuleFixtures.valueTier(quietHigh, "HIGH");
        CustomerActivity quietLow = boughtDaysAgo(35);
        RuleFixtures.valueTier(quietLow, "LOW");
        CustomerActivity recentHigh = boughtDaysAgo(5);
        RuleFixtures.valueTier(recentHigh, "HIGH");

        assertThat(reasons(quietHigh, null)).contains(ChurnReason.HIGH_VALUE_GOING_QUIET);
        assertThat(reasons(quietLow, null)).doesNotContain(ChurnReason.HIGH_VALUE_GOING_QUIET);
        assertThat(reasons(recentHigh, null)).doesNotContain(ChurnReason.HIGH_VALUE_GOING_QUIET);
        // no value tier at all (none published for the customer yet): the rule stays silent
        assertThat(reasons(boughtDaysAgo(35), null)).doesNotContain(ChurnReason.HIGH_VALUE_GOING_QUIET);
    }

    @Test
    void aRefundSpikeNeedsEnoughRefundsOfEnoughOfTheSpend() {
        CustomerActivity spike = boughtDaysAgo(20, 10);
        RuleFixtures.refund(spike, "r1", 8, "40.00");
        RuleFixtures.refund(spike, "r2", 5, "30.00");
        CustomerActivity small = boughtDaysAgo(20, 10);
        RuleFixtures.refund(small, "r1", 8, "10.00");
        RuleFixtures.refund(small, "r2", 5, "10.00");
        CustomerActivity single = boughtDaysAgo(20, 10);
        RuleFixtures.refund(single, "r1", 8, "150.00");

        assertThat(reasons(spike, null)).contains(ChurnReason.REFUND_SPIKE);
        assertThat(reasons(small, null)).doesNotContain(ChurnReason.REFUND_SPIKE);
        assertThat(reasons(single, null)).doesNotContain(ChurnReason.REFUND_SPIKE);
    }
}
