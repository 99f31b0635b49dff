package io.segstream.churn.domain.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** Examples of the risk score at the CDNOW estimates (weeks); the general shape is in ChurnRiskPropertiesTest. */
class ChurnRiskScorerTest {

    private final BgNbdModel model = new BgNbdModel(BgNbdModelTest.PAPER);
    private final ChurnRiskScorer scorer = new ChurnRiskScorer(model, ScoringSettings.defaults());

    @Test
    void scoresWithTheModelsQuantities() {
        PurchaseSummary s = new PurchaseSummary(2, 30.43, 38.86, ModelTimeUnit.WEEKS);
        ChurnRiskScore score = scorer.score(s);
        assertThat(score.probabilityAlive()).isEqualTo(model.probabilityAlive(s));
        assertThat(score.expectedPurchasesShortHorizon())
                .isCloseTo(model.conditionalExpectedTransactions(30 / 7.0, s), within(1e-14));
        assertThat(score.expectedPurchasesLongHorizon())
                .isCloseTo(model.conditionalExpectedTransactions(90 / 7.0, s), within(1e-14));
        assertThat(score.probabilityOfPurchaseWithinRiskHorizon())
                .isCloseTo(model.probabilityOfPurchaseWithin(Duration.ofDays(90), s), within(1e-15));
        assertThat(score.risk()).isCloseTo(1 - score.probabilityOfPurchaseWithinRiskHorizon(), within(0.0));
        assertThat(scorer.risk(s)).isCloseTo(score.risk(), within(1e-15));
        assertThat(score.repeatBuyer()).isTrue();
    }

    /**
     * The frequency paradox: after 34 weeks of silence, a customer who had bought 10 times by week 5 is more likely
     * gone than one who had bought once (her silence is far longer than her rhythm), so her risk is higher.
     */
    @Test
    void aFrequentBuyerGoneQuietIsRiskierThanAnOccasionalOne() {
        double occasional = scorer.risk(new PurchaseSummary(1, 5, 39, ModelTimeUnit.WEEKS));
        double frequent = scorer.risk(new PurchaseSummary(10, 5, 39, ModelTimeUnit.WEEKS));
        assertThat(frequent).isGreaterThan(occasional);
        assertThat(frequent).isGreaterThan(0.99);
        // right after their last purchase the order is the intuitive one
        assertThat(scorer.risk(new PurchaseSummary(10, 39, 39, ModelTimeUnit.WEEKS)))
                .isLessThan(scorer.risk(new PurchaseSummary(1, 39, 39, ModelTimeUnit.WEEKS)));
    }

    /** One-time buyers: P(alive) stays 1, yet the risk rises with silence, from the purchase-rate part. */
    @Test
    void oneTimeBuyersGetARiskThatRisesWithSilence() {
        ChurnRiskScore fresh = scorer.score(new PurchaseSummary(0, 0, 1, ModelTimeUnit.WEEKS));
        ChurnRiskScore quiet = scorer.score(new PurchaseSummary(0, 0, 52, ModelTimeUnit.WEEKS));
        assertThat(fresh.probabilityAlive()).isEqualTo(1.0);
        assertThat(quiet.probabilityAlive()).isEqualTo(1.0);
        assertThat(fresh.repeatBuyer()).isFalse();
        assertThat(quiet.risk()).isGreaterThan(fresh.risk());
        assertThat(quiet.expectedPurchasesLongHorizon()).isLessThan(fresh.expectedPurchasesLongHorizon());
    }

    @Test
    void nextCheckTimeIsZeroWhenAlreadyAtRiskAndEmptyWhenOutOfReach() {
        PurchaseSummary gone = new PurchaseSummary(10, 5, 39, ModelTimeUnit.WEEKS);
        assertThat(scorer.timeUntilRiskReaches(gone, 0.9)).contains(Duration.ZERO);
        // a one-time buyer's risk creeps towards 1 like 1 - r h / (alpha + T): 0.999999 needs millions of weeks
        PurchaseSummary newcomer = new PurchaseSummary(0, 0, 1, ModelTimeUnit.WEEKS);
        assertThat(scorer.timeUntilRiskReaches(newcomer, 0.999999)).isEmpty();
    }

    @Test
    void nextCheckTimeOfARegularBuyer() {
        PurchaseSummary regular = new PurchaseSummary(8, 38, 39, ModelTimeUnit.WEEKS);
        double threshold = 0.8;
        Duration wait = scorer.timeUntilRiskReaches(regular, threshold).orElseThrow();
        assertThat(wait).isGreaterThan(Duration.ofDays(7)).isLessThan(Duration.ofDays(3650));
        assertThat(wait.toMinutesPart()).isZero(); // whole hours: the default resolution
        double weeks = ModelTimeUnit.WEEKS.of(wait);
        assertThat(scorer.risk(new PurchaseSummary(8, 38, 39 + weeks, ModelTimeUnit.WEEKS))).isGreaterThanOrEqualTo(
                threshold);
        double hourEarlier = weeks - ModelTimeUnit.WEEKS.of(Duration.ofHours(1));
        assertThat(scorer.risk(new PurchaseSummary(8, 38, 39 + hourEarlier, ModelTimeUnit.WEEKS))).isLessThan(
                threshold);
    }

    @Test
    void refusesThresholdsThatAreNotProbabilities() {
        PurchaseSummary s = new PurchaseSummary(1, 1, 2, ModelTimeUnit.WEEKS);
        assertThatThrownBy(() -> scorer.timeUntilRiskReaches(s, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> scorer.timeUntilRiskReaches(s, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ScoringSettings(Duration.ZERO, Duration.ofDays(90), Duration.ofDays(90),
                Duration.ofHours(1), Duration.ofDays(10))).isInstanceOf(IllegalArgumentException.class);
    }
}
