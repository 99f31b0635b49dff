package io.segstream.churn.domain.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The closed forms of {@link BgNbdModel} against values derived independently: quadrature over the posterior
 * ({@link PosteriorIntegrals}) for several parameter sets and histories, and the figures Hardie's BG/NBD spreadsheet
 * publishes for CDNOW.
 */
class BgNbdModelTest {

    /** The paper's CDNOW estimates, weeks (Fader, Hardie and Lee 2005, section 4). */
    static final BgNbdParameters PAPER = new BgNbdParameters(0.243, 4.414, 0.793, 2.426, ModelTimeUnit.WEEKS);
    /** The same estimates to four significant digits, as in Hardie's note "Implementing the BG/NBD model in Excel". */
    static final BgNbdParameters HARDIE = new BgNbdParameters(0.2426, 4.4136, 0.7929, 2.4259, ModelTimeUnit.WEEKS);

    /**
     * Populations covering a < 1 and a > 1, b < 1, slow and fast buyers, a exactly 1 (eq. 7 divides by a - 1), a + b
     * exactly 1 (eq. 7's 2F1 has c = 0), a + b < 1 (c < 0), large a (the direct form of the series once a z > 30,
     * and past eq. 7's parameter box), and r well above a + b - 1 (the direct form again).
     */
    private static final List<BgNbdParameters> POPULATIONS = List.of(
            PAPER,
            new BgNbdParameters(1.6, 12.0, 2.7, 0.6, ModelTimeUnit.WEEKS),
            new BgNbdParameters(0.55, 30.0, 0.35, 4.0, ModelTimeUnit.DAYS),
            new BgNbdParameters(3.0, 2.0, 1.0, 1.8, ModelTimeUnit.WEEKS),
            new BgNbdParameters(0.8, 5.0, 0.5, 0.5, ModelTimeUnit.WEEKS),
            new BgNbdParameters(0.7, 8.0, 0.3, 0.4, ModelTimeUnit.WEEKS),
            new BgNbdParameters(0.5, 2.0, 40, 3, ModelTimeUnit.WEEKS),
            new BgNbdParameters(2.0, 10.0, 60, 180, ModelTimeUnit.WEEKS),
            new BgNbdParameters(12.0, 3.0, 0.6, 2.0, ModelTimeUnit.WEEKS));

    /** (x, t_x, T) histories: one-time buyer, recent and silent repeat buyers, a heavy buyer. */
    private static final double[][] HISTORIES = {{0, 0, 20}, {1, 3, 30}, {2, 30.43, 38.86}, {4, 5, 39}, {7, 35, 36},
            {15, 60, 80}};

    private static final double QUADRATURE_TOLERANCE = 1e-9;

    @Test
    void probabilityAliveMatchesThePosteriorIntegral() {
        for (BgNbdParameters p : POPULATIONS) {
            BgNbdModel model = new BgNbdModel(p);
            PosteriorIntegrals truth = new PosteriorIntegrals(p);
            for (double[] h : HISTORIES) {
                PurchaseSummary s = summary(h, p.unit());
                double expected = truth.probabilityAlive(s.repeatPurchases(), s.timeOfLastPurchase(), s.age());
                assertThat(model.probabilityAlive(s)).as("%s %s", p, s)
                        .isCloseTo(expected, within(QUADRATURE_TOLERANCE));
            }
        }
    }

    @Test
    void expectedTransactionsMatchesTheIntegralOverThePrior() {
        for (BgNbdParameters p : POPULATIONS) {
            BgNbdModel model = new BgNbdModel(p);
            PosteriorIntegrals truth = new PosteriorIntegrals(p);
            for (double t : new double[] {0.05, 1, 13, 39, 78, 520}) {
                double expected = truth.expectedTransactions(t);
                assertThat(model.expectedTransactions(t)).as("%s t=%s", p, t)
                        .isCloseTo(expected, within(QUADRATURE_TOLERANCE * Math.max(1, expected)));
            }
        }
    }

    @Test
    void conditionalExpectationMatchesTheIntegralOverThePosterior() {
        for (BgNbdParameters p : POPULATIONS) {
            BgNbdModel model = new BgNbdModel(p);
            PosteriorIntegrals truth = new PosteriorIntegrals(p);
            for (double[] h : HISTORIES) {
                PurchaseSummary s = summary(h, p.unit());
                for (double t : new double[] {1, 39}) {
                    double expected = truth.conditionalExpectedTransactions(t, s.repeatPurchases(),
                            s.timeOfLastPurchase(), s.age());
                    assertThat(model.conditionalExpectedTransactions(t, s)).as("%s %s t=%s", p, s, t)
                            .isCloseTo(expected, within(QUADRATURE_TOLERANCE * Math.max(1, expected)));
                }
            }
        }
    }

    @Test
    void probabilityOfPurchaseMatchesTheIntegralOverThePosterior() {
        for (BgNbdParameters p : POPULATIONS) {
            BgNbdModel model = new BgNbdModel(p);
            PosteriorIntegrals truth = new PosteriorIntegrals(p);
            for (double[] h : HISTORIES) {
                PurchaseSummary s = summary(h, p.unit());
                double expected = truth.probabilityOfPurchaseWithin(13, s.repeatPurchases(), s.timeOfLastPurchase(),
                        s.age());
                assertThat(model.probabilityOfPurchaseWithin(p.unit().toDuration(13), s)).as("%s %s", p, s)
                        .isCloseTo(expected, within(QUADRATURE_TOLERANCE));
            }
        }
    }

    /** Hardie's spreadsheet: E[X(t)] for t = 1/7, 1, 3, 31.86, 32 and 78 weeks, and E[Y(39) | 2, 30.43, 38.86]. */
    @Test
    void reproducesHardiesPublishedCdnowFigures() {
        BgNbdModel model = new BgNbdModel(HARDIE);
        double[] weeks = {0.1429, 1, 3, 31.8571, 32, 78};
        double[] published = {0.0078, 0.0532, 0.1506, 1.0405, 1.0437, 1.8576};
        for (int i = 0; i < weeks.length; i++) {
            assertThat(model.expectedTransactions(weeks[i])).as("t=%s", weeks[i])
                    .isCloseTo(published[i], within(6e-4));
        }
        PurchaseSummary customer = new PurchaseSummary(2, 30.43, 38.86, ModelTimeUnit.WEEKS);
        assertThat(model.conditionalExpectedTransactions(39, customer)).isCloseTo(1.226, within(6e-4));
    }

    /** The unconditional expectation is the conditional one of a customer seen at her first purchase. */
    @Test
    void equationSevenAgreesWithTheConditionalSeriesAtTimeZero() {
        PurchaseSummary justArrived = new PurchaseSummary(0, 0, 0, ModelTimeUnit.WEEKS);
        for (BgNbdParameters p : List.of(PAPER, new BgNbdParameters(0.9, 3, 4.5, 7, ModelTimeUnit.WEEKS),
                new BgNbdParameters(0.9, 3, 1 + 1e-7, 7, ModelTimeUnit.WEEKS))) {
            BgNbdModel model = new BgNbdModel(p.in(ModelTimeUnit.WEEKS));
            for (double t : new double[] {0.3, 10, 200, 5000}) {
                double conditional = model.conditionalExpectedTransactions(t, justArrived);
                assertThat(model.expectedTransactions(t)).isCloseTo(conditional, within(1e-11 * conditional));
            }
        }
    }

    /** Across a = 1 the expectation is continuous (eq. 7 divides by a - 1; the model must not). */
    @Test
    void expectationIsContinuousAcrossAEqualsOne() {
        PurchaseSummary s = new PurchaseSummary(3, 20, 30, ModelTimeUnit.WEEKS);
        double atOne = new BgNbdModel(new BgNbdParameters(0.5, 5, 1, 2, ModelTimeUnit.WEEKS))
                .conditionalExpectedTransactions(13, s);
        for (double gap : new double[] {1e-12, 1e-9, 1e-7, 1e-5}) {
            for (double a : new double[] {1 - gap, 1 + gap}) {
                BgNbdModel model = new BgNbdModel(new BgNbdParameters(0.5, 5, a, 2, ModelTimeUnit.WEEKS));
                assertThat(model.conditionalExpectedTransactions(13, s)).isCloseTo(atOne, within(10 * gap + 1e-13));
                assertThat(model.expectedTransactions(13)).isCloseTo(
                        new BgNbdModel(new BgNbdParameters(0.5, 5, 1, 2, ModelTimeUnit.WEEKS)).expectedTransactions(13),
                        within(10 * gap + 1e-9));
            }
        }
    }

    /** The figures do not depend on the unit they are asked in: parameters and summaries convert consistently. */
    @Test
    void unitsDoNotChangeTheAnswers() {
        BgNbdModel weekly = new BgNbdModel(PAPER);
        BgNbdModel daily = new BgNbdModel(PAPER.in(ModelTimeUnit.DAYS));
        PurchaseSummary s = PurchaseSummary.fromPurchaseDays(List.of(java.time.LocalDate.of(2024, 1, 3),
                java.time.LocalDate.of(2024, 2, 10), java.time.LocalDate.of(2024, 3, 1)),
                java.time.LocalDate.of(2024, 6, 30), ModelTimeUnit.DAYS).orElseThrow();
        Duration ninetyDays = Duration.ofDays(90);
        assertThat(daily.parameters().alpha()).isCloseTo(PAPER.alpha() * 7, within(1e-12));
        assertThat(weekly.probabilityAlive(s)).isCloseTo(daily.probabilityAlive(s), within(1e-14));
        assertThat(weekly.conditionalExpectedTransactions(ninetyDays, s))
                .isCloseTo(daily.conditionalExpectedTransactions(ninetyDays, s), within(1e-12));
        assertThat(weekly.expectedTransactions(ninetyDays))
                .isCloseTo(daily.expectedTransactions(ninetyDays), within(1e-12));
        assertThat(weekly.probabilityOfPurchaseWithin(ninetyDays, s))
                .isCloseTo(daily.probabilityOfPurchaseWithin(ninetyDays, s), within(1e-14));
    }

    /** Very long histories stay finite and sensible: no overflow in the powers, no runaway series. */
    @Test
    void staysFiniteForLargeHistories() {
        BgNbdModel model = new BgNbdModel(PAPER.in(ModelTimeUnit.DAYS));
        PurchaseSummary loyal = new PurchaseSummary(5_000, 36_400, 36_500, ModelTimeUnit.DAYS);
        PurchaseSummary gone = new PurchaseSummary(5_000, 18_000, 36_500, ModelTimeUnit.DAYS);
        assertThat(model.probabilityAlive(loyal)).isBetween(0.0, 1.0);
        assertThat(model.probabilityAlive(gone)).isEqualTo(0.0);
        // about r+x purchases per alpha+T days: 5000 / 36,500 per day, times P(alive), over 90 days
        double expected = model.conditionalExpectedTransactions(90, loyal);
        double rate = (PAPER.r() + 5_000) / (PAPER.alpha() * 7 + 36_500);
        assertThat(expected).isPositive().isLessThan(90 * rate);
        assertThat(model.conditionalExpectedTransactions(90, gone)).isEqualTo(0.0);
        assertThat(model.expectedTransactions(365_000)).isFinite().isPositive();
    }

    /**
     * Huge a and b are a population with (almost) one dropout probability: the posterior Beta(a, b + x) is so narrow
     * that E[Y(t) | alive, x, T] = E[(1 - (1 + p t / (alpha + T))^-(r+x)) / p] is that expression at its mean
     * p = a / (a + b + x), to within the posterior variance (relative 1e-6 here).
     */
    @Test
    void largeDropoutShapesApproachASingleDropoutProbability() {
        double p = 0.25;
        double scale = 1e6;
        BgNbdModel model = new BgNbdModel(new BgNbdParameters(0.8, 3, p * scale, (1 - p) * scale,
                ModelTimeUnit.WEEKS));
        for (int x : new int[] {0, 3, 400}) {
            for (double t : new double[] {1, 39, 400}) {
                double age = 20;
                double u = t / (3 + age);
                double posteriorMean = p * scale / (scale + x);
                double limit = -Math.expm1(-(0.8 + x) * Math.log1p(posteriorMean * u)) / posteriorMean;
                assertThat(model.expectedGivenAlive(x, age, t)).as("x=%d t=%s", x, t)
                        .isCloseTo(limit, within(1e-4 * limit));
            }
        }
        assertThat(model.expectedTransactions(39)).isCloseTo(-Math.expm1(-0.8 * Math.log1p(p * 13)) / p,
                within(1e-4));
    }

    @Test
    void oneTimeBuyersAreAliveByConstruction() {
        BgNbdModel model = new BgNbdModel(PAPER);
        assertThat(model.probabilityAlive(new PurchaseSummary(0, 0, 1, ModelTimeUnit.WEEKS))).isEqualTo(1.0);
        assertThat(model.probabilityAlive(new PurchaseSummary(0, 0, 1_000, ModelTimeUnit.WEEKS))).isEqualTo(1.0);
    }

    @Test
    void nothingHappensInAnEmptyPeriod() {
        BgNbdModel model = new BgNbdModel(PAPER);
        PurchaseSummary s = new PurchaseSummary(2, 10, 20, ModelTimeUnit.WEEKS);
        assertThat(model.expectedTransactions(0)).isZero();
        assertThat(model.conditionalExpectedTransactions(0, s)).isZero();
        assertThat(model.probabilityOfPurchaseWithin(Duration.ZERO, s)).isZero();
    }

    private static PurchaseSummary summary(double[] history, ModelTimeUnit unit) {
        return new PurchaseSummary((int) history[0], history[1], history[2], unit);
    }
}
