package io.segstream.churn.domain.rules;

import io.segstream.churn.domain.CustomerActivity;
import io.segstream.contracts.churn.AlertLevel;
import io.segstream.contracts.churn.ChurnReason;
import io.segstream.contracts.churn.SuggestedAction;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static io.segstream.churn.domain.rules.RuleFixtures.NOW;
import static io.segstream.churn.domain.rules.RuleFixtures.POLICY;
import static io.segstream.churn.domain.rules.RuleFixtures.RULES;
import static org.assertj.core.api.Assertions.assertThat;

class RulePropertiesTest {
    private final AlertGrading grading = new AlertGrading(Set.of("HIGH"), Set.of("LOW"));

    @Property(tries = 200)
    void aSteadyBuyerIsOverdueExactlyWhenSilentLongerThanTwiceHerGap(@ForAll @IntRange(min = 1, max = 60) int gap,
                                                                       @ForAll @IntRange(min = 3, max = 12) int days,
                                                                       @ForAll @IntRange(min = 0, max = 400) int silence) {
        long[] ago = new long[days];
        for (int i = 0; i < days; i++) {
            ago[i] = silence + (long) (days - 1 - i) * gap;
        }
        CustomerActivity customer = RuleFixtures.boughtDaysAgo(ago);
        LocalDate today = POLICY.dayOf(NOW);

        boolean overdue = RULES.overdue(customer.purchaseDays(), today).isPresent();

        assertThat(overdue).isEqualTo(silence > 2.0 * gap);
        LocalDate from = RULES.overdueFrom(customer.purchaseDays()).orElseThrow();
        assertThat(overdue).isEqualTo(!today.isBefore(from));
    }

    @Property(tries = 200)
    void moreReasonsNeverLowerTheLevel(@ForAll("reasons") List<ChurnReason> reasons, @ForAll("tiers") String tier,
                                        @ForAll ChurnReason extra) {
        List<ChurnReason> more = new ArrayList<>(reasons);
        more.add(extra);
        assertThat(grading.level(more, tier)).isGreaterThanOrEqualTo(grading.level(reasons, tier));
    }

    @Property(tries = 200)
    void highValueIsNeverGradedBelowOtherTiers(@ForAll("reasons") List<ChurnReason> reasons,
                                               @ForAll("tiers") String tier) {
        assertThat(grading.level(reasons, "HIGH")).isGreaterThanOrEqualTo(grading.level(reasons, tier));
    }

    @Property(tries = 200)
    void noReasonMeansLowAndMonitorAndAnyReasonMeansActing(@ForAll("reasons") List<ChurnReason> reasons,
                                                          @ForAll("tiers") String tier) {
        AlertLevel level = grading.level(reasons, tier);
        SuggestedAction action = grading.action(reasons, tier);
        assertThat(level == AlertLevel.LOW).isEqualTo(reasons.isEmpty());
        assertThat(action == SuggestedAction.MONITOR).isEqualTo(reasons.isEmpty());
    }

    @Property(tries = 200)
    void serviceFailuresAskForServiceRecoveryWhateverTheTier(@ForAll("reasons") List<ChurnReason> reasons,
                                                            @ForAll("tiers") String tier) {
        List<ChurnReason> withRefunds = new ArrayList<>(reasons);
        withRefunds.add(ChurnReason.REFUND_SPIKE);
        assertThat(grading.action(withRefunds, tier)).isEqualTo(SuggestedAction.SERVICE_RECOVERY);
    }

    @Property(tries = 200)
    void silenceAloneIsActedOnByValueTier(@ForAll @IntRange(min = 1, max = 3) int count) {
        List<ChurnReason> silence = List.of(ChurnReason.OVERDUE_VS_OWN_CADENCE, ChurnReason.FALLING_FREQUENCY,
                ChurnReason.LOW_PROBABILITY_ALIVE).subList(0, count);
        assertThat(grading.action(silence, "HIGH")).isEqualTo(SuggestedAction.PERSONAL_OUTREACH);
        assertThat(grading.action(silence, "MEDIUM")).isEqualTo(SuggestedAction.WIN_BACK_OFFER);
        assertThat(grading.action(silence, null)).isEqualTo(SuggestedAction.WIN_BACK_OFFER);
        assertThat(grading.action(silence, "LOW")).isEqualTo(SuggestedAction.REACTIVATION_CAMPAIGN);
    }

    @Provide
    Arbitrary<List<ChurnReason>> reasons() {
        return Arbitraries.of(ChurnReason.OVERDUE_VS_OWN_CADENCE, ChurnReason.FALLING_FREQUENCY,
                ChurnReason.LOW_PROBABILITY_ALIVE, ChurnReason.DETRACTOR_FEEDBACK, ChurnReason.NEGATIVE_REVIEW,
                ChurnReason.OPEN_COMPLAINTS, ChurnReason.REPEATED_COMPLAINTS, ChurnReason.HIGH_VALUE_GOING_QUIET,
                ChurnReason.REFUND_SPIKE).set().map(ArrayList::new);
    }

    @Provide
    Arbitrary<String> tiers() {
        return Arbitraries.of("HIGH", "MEDIUM", "LOW").injectNull(0.2);
    }
}
