package io.segstream.churn.domain.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;


import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

/**
 * Shape properties of the closed forms and of the risk score over random populations and histories (weeks): what
 * the rule layer and the sweep rely on. A rounding slack of {@value #SLACK} absorbs ties at saturation (risk 1).
 */
class ChurnRiskPropertiesTest {

    private static final double SLACK = 1e-12;

    @Property
    void probabilityAliveIsAProbabilityThatFallsWithSilenceAndRisesWithRecency(
            @ForAll("populations") BgNbdParameters p, @ForAll @IntRange(min = 1, max = 60) int x,
            @ForAll @DoubleRange(min = 0, max = 100) double last, @ForAll @DoubleRange(min = 0, max = 50) double silence,
            @ForAll @DoubleRange(min = 0.01, max = 20) double more, @ForAll @DoubleRange(min = 0, max = 1) double fraction) {
        BgNbdModel model = new BgNbdModel(p);
        double age = last + silence;
        double alive = model.probabilityAlive(summary(x, last, age));
        assertThat(alive).isBetween(0.0, 1.0);
        assertThat(model.probabilityAlive(summary(x, last, age + more))).isLessThanOrEqualTo(alive);
        assertThat(model.probabilityAlive(summary(x, last + fraction * silence, age)))
                .isGreaterThanOrEqualTo(alive - SLACK);
    }

    @Property
    void expectationsGrowWithTheHorizonAndStayBelowTheAliveRate(
            @ForAll("populations") BgNbdParameters p, @ForAll("histories") PurchaseSummary s,
            @ForAll @DoubleRange(min = 0.1, max = 52) double t, @ForAll @DoubleRange(min = 0.1, max = 52) double more) {
        BgNbdModel model = new BgNbdModel(p);
        double expected = model.conditionalExpectedTransactions(t, s);
        assertThat(expected).isGreaterThanOrEqualTo(0);
        assertThat(model.conditionalExpectedTransactions(t + more, s)).isGreaterThanOrEqualTo(expected);
        // never more than an immortal customer with the posterior mean rate would buy: P(alive) (r+x)/(alpha+T) t
        double immortal = model.probabilityAlive(s) * (p.r() + s.repeatPurchases()) / (p.alpha() + s.age()) * t;
        assertThat(expected).isLessThanOrEqualTo(immortal * (1 + SLACK));
        assertThat(model.expectedTransactions(t + more)).isGreaterThan(model.expectedTransactions(t));
    }

    /** The sweep's contract: for every customer, one-time buyers included, risk only rises while she stays silent. */
    @Property
    void riskRisesWithSilence(@ForAll("populations") BgNbdParameters p, @ForAll("histories") PurchaseSummary s,
                              @ForAll @DoubleRange(min = 0.01, max = 100) double more) {
        ChurnRiskScorer scorer = scorer(p);
        PurchaseSummary later = new PurchaseSummary(s.repeatPurchases(), s.timeOfLastPurchase(), s.age() + more,
                s.unit());
        double risk = scorer.risk(s);
        assertThat(risk).isBetween(0.0, 1.0);
        assertThat(scorer.risk(later)).isGreaterThanOrEqualTo(risk - SLACK);
    }

    @Property
    void riskFallsWhenTheLastPurchaseIsMoreRecent(@ForAll("populations") BgNbdParameters p,
                                                  @ForAll @IntRange(min = 1, max = 60) int x,
                                                  @ForAll @DoubleRange(min = 0, max = 100) double last,
                                                  @ForAll @DoubleRange(min = 0, max = 50) double silence,
                                                  @ForAll @DoubleRange(min = 0, max = 1) double fraction) {
        ChurnRiskScorer scorer = scorer(p);
        double age = last + silence;
        double moreRecent = last + fraction * silence;
        assertThat(scorer.risk(summary(x, moreRecent, age))).isLessThanOrEqualTo(scorer.risk(summary(x, last, age))
                + SLACK);
    }

    /**
     * More purchases at the same recency lower the risk while the silence is short next to the customer's rhythm:
     * exactly when (alpha+T)/(alpha+t_x) <= (b+x)/(b+x-1) (then P(alive) does not fall from x to x+1, and the
     * posterior rate rises). Right after a purchase (t_x = T) this always holds.
     */
    @Property
    void riskFallsWithMorePurchasesAtTheSameShortSilence(@ForAll("populations") BgNbdParameters p,
                                                         @ForAll @IntRange(min = 1, max = 60) int x,
                                                         @ForAll @DoubleRange(min = 0, max = 100) double last,
                                                         @ForAll @DoubleRange(min = 0, max = 1) double fraction) {
        ChurnRiskScorer scorer = scorer(p);
        double longestShortSilence = (p.alpha() + last) * ((p.b() + x) / (p.b() + x - 1) - 1);
        double age = last + fraction * longestShortSilence;
        assertThat(scorer.risk(summary(x + 1, last, age))).isLessThanOrEqualTo(scorer.risk(summary(x, last, age))
                + SLACK);
        assertThat(scorer.risk(summary(x + 1, age, age))).isLessThanOrEqualTo(scorer.risk(summary(x, age, age))
                + SLACK);
    }

    /** The next check time is the first whole step of the resolution at which the risk is reached. */
    @Property(tries = 300)
    void crossingTimeIsWhereTheRiskReachesTheThreshold(@ForAll("populations") BgNbdParameters p,
                                                       @ForAll("histories") PurchaseSummary s,
                                                       @ForAll @DoubleRange(min = 0.05, max = 0.99) double threshold) {
        ChurnRiskScorer scorer = scorer(p);
        ModelTimeUnit unit = p.unit();
        double resolution = unit.of(scorer.settings().crossingResolution());
        scorer.timeUntilRiskReaches(s, threshold).ifPresentOrElse(wait -> {
            double extra = unit.of(wait);
            assertThat(scorer.risk(later(s, extra))).isGreaterThanOrEqualTo(threshold);
            if (!wait.isZero()) {
                assertThat(scorer.risk(later(s, Math.max(0, extra - resolution)))).isLessThan(threshold);
            }
            assertThat(wait.toNanos() % scorer.settings().crossingResolution().toNanos()).isZero();
        }, () -> assertThat(scorer.risk(later(s, unit.of(scorer.settings().crossingSearchLimit()))))
                .isLessThan(threshold));
    }

    @Property
    void scoreIsConsistentAcrossUnits(@ForAll("populations") BgNbdParameters p, @ForAll("histories") PurchaseSummary s) {
        ChurnRiskScore weekly = scorer(p).score(s);
        ChurnRiskScore daily = scorer(p.in(ModelTimeUnit.DAYS)).score(s.in(ModelTimeUnit.DAYS));
        assertThat(daily.probabilityAlive()).isCloseTo(weekly.probabilityAlive(), within(1e-12));
        assertThat(daily.expectedPurchasesShortHorizon()).isCloseTo(weekly.expectedPurchasesShortHorizon(),
                within(1e-9 * Math.max(1, weekly.expectedPurchasesShortHorizon())));
        assertThat(daily.expectedPurchasesLongHorizon()).isCloseTo(weekly.expectedPurchasesLongHorizon(),
                within(1e-9 * Math.max(1, weekly.expectedPurchasesLongHorizon())));
        assertThat(daily.risk()).isCloseTo(weekly.risk(), within(1e-12));
        assertThat(weekly.risk()).isCloseTo(1 - weekly.probabilityOfPurchaseWithinRiskHorizon(), within(0.0));
        assertThat(weekly.expectedPurchasesLongHorizon()).isGreaterThanOrEqualTo(weekly.expectedPurchasesShortHorizon());
        assertThat(weekly.repeatBuyer()).isEqualTo(s.repeatPurchases() > 0);
    }

    @Provide
    Arbitrary<BgNbdParameters> populations() {
        return Combinators.combine(Arbitraries.doubles().between(0.05, 5), Arbitraries.doubles().between(0.2, 60),
                        Arbitraries.doubles().between(0.05, 5), Arbitraries.doubles().between(0.05, 12))
                .as((r, alpha, a, b) -> new BgNbdParameters(r, alpha, a, b, ModelTimeUnit.WEEKS));
    }

    @Provide
    Arbitrary<PurchaseSummary> histories() {
        return Combinators.combine(Arbitraries.integers().between(0, 80), Arbitraries.doubles().between(0, 150),
                Arbitraries.doubles().between(0, 150)).as((x, u, v) -> summary(x, x == 0 ? 0 : Math.min(u, v),
                Math.max(u, v)));
    }

    private static PurchaseSummary summary(int x, double last, double age) {
        return new PurchaseSummary(x, x == 0 ? 0 : last, age, ModelTimeUnit.WEEKS);
    }

    private static PurchaseSummary later(PurchaseSummary s, double extra) {
        return new PurchaseSummary(s.repeatPurchases(), s.timeOfLastPurchase(), s.age() + extra, s.unit());
    }

    private static ChurnRiskScorer scorer(BgNbdParameters p) {
        return new ChurnRiskScorer(new BgNbdModel(p), ScoringSettings.defaults());
    }

}
