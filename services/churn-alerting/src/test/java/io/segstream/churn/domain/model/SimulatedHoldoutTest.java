package io.segstream.churn.domain.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The conditional quantities against the generative story itself: simulate customers past the calibration end, and
 * compare what the model says from their calibration summaries (at the true parameters) with what they then did.
 * Sums over {@value #CUSTOMERS} customers; each comparison allows {@value #Z} standard errors of the Monte Carlo sum,
 * estimated from the per-customer residuals (fixed seed: deterministic).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SimulatedHoldoutTest {

    private static final BgNbdParameters TRUTH = new BgNbdParameters(0.6, 6.0, 0.9, 3.0, ModelTimeUnit.WEEKS);
    private static final int CUSTOMERS = 40_000;
    private static final double CALIBRATION = 39;
    private static final double HOLDOUT = 39;
    private static final double ENTRY = 12;
    private static final double Z = 4;
    private static final long SEED = 78L;

    private final BgNbdModel model = new BgNbdModel(TRUTH);
    private final List<PurchaseSummary> summaries = new ArrayList<>();
    private final List<BgNbdSimulator.Life> lives = new ArrayList<>();

    @BeforeAll
    void simulate() {
        BgNbdSimulator simulator = new BgNbdSimulator(TRUTH, SEED);
        java.util.Random entry = new java.util.Random(SEED);
        for (int i = 0; i < CUSTOMERS; i++) {
            double age = CALIBRATION - ENTRY * entry.nextDouble();
            BgNbdSimulator.Life life = simulator.life(age + HOLDOUT);
            lives.add(life);
            summaries.add(life.summaryAt(age, ModelTimeUnit.WEEKS));
        }
    }

    @Test
    void probabilityAliveIsTheShareOfCustomersStillAlive() {
        double[] residuals = new double[CUSTOMERS];
        for (int i = 0; i < CUSTOMERS; i++) {
            double alive = lives.get(i).aliveAt(summaries.get(i).age()) ? 1 : 0;
            residuals[i] = alive - model.probabilityAlive(summaries.get(i));
        }
        assertWithinMonteCarloError(residuals);
    }

    @Test
    void conditionalExpectationIsTheMeanHoldoutCount() {
        double[] residuals = new double[CUSTOMERS];
        for (int i = 0; i < CUSTOMERS; i++) {
            PurchaseSummary s = summaries.get(i);
            residuals[i] = lives.get(i).purchasesBetween(s.age(), s.age() + HOLDOUT)
                    - model.conditionalExpectedTransactions(HOLDOUT, s);
        }
        assertWithinMonteCarloError(residuals);
    }

    @Test
    void probabilityOfPurchaseIsTheShareThatBoughtInTheWindow() {
        double window = 13;
        double[] residuals = new double[CUSTOMERS];
        for (int i = 0; i < CUSTOMERS; i++) {
            PurchaseSummary s = summaries.get(i);
            double bought = lives.get(i).purchasesBetween(s.age(), s.age() + window) > 0 ? 1 : 0;
            residuals[i] = bought - model.probabilityOfPurchaseWithin(TRUTH.unit().toDuration(window), s);
        }
        assertWithinMonteCarloError(residuals);
    }

    @Test
    void unconditionalExpectationIsTheMeanCount() {
        double[] residuals = new double[CUSTOMERS];
        for (int i = 0; i < CUSTOMERS; i++) {
            residuals[i] = lives.get(i).purchasesBetween(0, CALIBRATION) - model.expectedTransactions(CALIBRATION);
        }
        assertWithinMonteCarloError(residuals);
    }

    /** The residuals' sum must be within Z standard errors of 0; the standard error must be small enough to matter. */
    private static void assertWithinMonteCarloError(double[] residuals) {
        double sum = 0;
        double squares = 0;
        for (double r : residuals) {
            sum += r;
            squares += r * r;
        }
        double meanResidual = sum / residuals.length;
        double standardError = Math.sqrt((squares / residuals.length - meanResidual * meanResidual)
                / residuals.length);
        assertThat(Math.abs(meanResidual)).as("mean residual, standard error %s", standardError)
                .isLessThanOrEqualTo(Z * standardError);
        assertThat(standardError).isLessThan(0.02);
    }
}
