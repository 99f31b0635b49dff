package io.segstream.churn.domain.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.List;
import java.util.function.ToDoubleFunction;

import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Parameter recovery on a simulated population with known parameters. The tolerances come from the fit's own
 * asymptotic distribution, not from guesses: the estimates of ln r, ln alpha, ln a, ln b are asymptotically normal
 * with the covariance (-H)^-1 of the observed information, so each must lie within {@value #Z} standard errors of the
 * truth (each fails by chance with probability 6e-5; the seed is fixed, so the test is deterministic anyway).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BgNbdFitterTest {

    /** Population of CDNOW's shape (weeks), ten thousand customers entering over 12 weeks of a 39-week window. */
    private static final BgNbdParameters TRUTH = BgNbdModelTest.PAPER;
    private static final int CUSTOMERS = 10_000;
    private static final double WINDOW = 39;
    private static final double ENTRY = 12;
    private static final long SEED = 20_050_301L;
    private static final double Z = 4;
    private static final Instant AS_OF = Instant.parse("2025-01-31T00:00:00Z");

    private CalibrationData data;
    private FittedModel fit;

    @BeforeAll
    void fitOnce() {
        data = new BgNbdSimulator(TRUTH, SEED).cohort(CUSTOMERS, WINDOW, ENTRY);
        fit = new BgNbdFitter(FitSettings.defaults()).fit(data, AS_OF);
    }

    @Test
    void recoversEachParameterWithinItsStandardErrors() {
        ObservedInformation information = new ObservedInformation(data, fit.parameters());
        double[] se = information.standardErrors();
        BgNbdParameters p = fit.parameters();
        double[] deviation = {Math.log(p.r() / TRUTH.r()), Math.log(p.alpha() / TRUTH.alpha()),
                Math.log(p.a() / TRUTH.a()), Math.log(p.b() / TRUTH.b())};
        for (int i = 0; i < deviation.length; i++) {
            assertThat(Math.abs(deviation[i])).as("parameter %d, se %s", i, se[i]).isLessThanOrEqualTo(Z * se[i]);
        }
        // and the errors are those of a usable sample: r and alpha to a few percent, a and b to a few tens
        assertThat(se[0]).isLessThan(0.05);
        assertThat(se[1]).isLessThan(0.1);
        assertThat(se[2]).isLessThan(0.3);
        assertThat(se[3]).isLessThan(0.3);
    }

    /** What the business reads (E[X(52 weeks)], the mean P(alive)) is recovered far more tightly (delta method). */
    @Test
    void recoversTheBusinessQuantitiesWithinTheirStandardErrors() {
        List<PurchaseSummary> sample = List.of(new PurchaseSummary(0, 0, 30, ModelTimeUnit.WEEKS),
                new PurchaseSummary(2, 10, 35, ModelTimeUnit.WEEKS), new PurchaseSummary(5, 33, 36, ModelTimeUnit.WEEKS));
        List<ToDoubleFunction<BgNbdModel>> quantities = List.of(
                m -> m.expectedTransactions(52),
                m -> m.probabilityAlive(sample.get(1)),
                m -> m.conditionalExpectedTransactions(13, sample.get(2)));
        RealMatrix covariance = new ObservedInformation(data, fit.parameters()).covariance();
        for (ToDoubleFunction<BgNbdModel> quantity : quantities) {
            double estimate = quantity.applyAsDouble(fit.model());
            double truth = quantity.applyAsDouble(new BgNbdModel(TRUTH));
            RealVector gradient = logGradient(quantity, fit.parameters());
            double se = Math.sqrt(gradient.dotProduct(covariance.operate(gradient)));
            assertThat(Math.abs(estimate - truth)).as("estimate %s truth %s se %s", estimate, truth, se)
                    .isLessThanOrEqualTo(Z * se);
            assertThat(se).isLessThan(0.05 * truth);
        }
    }

    /** The maximum-likelihood estimate is at least as likely as the truth, and not by an implausible margin. */
    @Test
    void beatsTheTrueParametersByAPlausibleLikelihoodRatio() {
        double atTruth = new BgNbdLikelihood(data).total(TRUTH);
        double ratio = 2 * (fit.logLikelihood() - atTruth);
        assertThat(ratio).isGreaterThanOrEqualTo(0).isLessThan(BgNbdFitterPropertiesTest.CHI_SQUARED_4_UPPER);
    }

    /** The optimiser stopped at the maximum: the Newton step from its point is a tiny fraction of a standard error. */
    @Test
    void stopsAtTheMaximum() {
        ObservedInformation information = new ObservedInformation(data, fit.parameters());
        double[] step = information.newtonStep();
        double[] se = information.standardErrors();
        for (int i = 0; i < step.length; i++) {
            assertThat(Math.abs(step[i])).as("parameter %d", i).isLessThan(1e-3 * se[i]);
        }
    }

    @Test
    void reportsWhatItDid() {
        assertThat(fit.customers()).isEqualTo(CUSTOMERS);
        assertThat(fit.distinctSummaries()).isEqualTo(data.distinctSummaries());
        assertThat(fit.asOf()).isEqualTo(AS_OF);
        assertThat(fit.parameters().unit()).isEqualTo(ModelTimeUnit.WEEKS);
        assertThat(fit.iterations()).isPositive();
        assertThat(fit.evaluations()).isGreaterThanOrEqualTo(fit.iterations());
        assertThat(fit.fitDuration()).isPositive();
        assertThat(fit.logLikelihood()).isCloseTo(new BgNbdLikelihood(data).total(fit.parameters()), within(1e-9));
    }

    /** Fitting in days finds the same population: alpha times 7, the rest unchanged, the likelihood shifted. */
    @Test
    void fitsTheSamePopulationInAnotherUnit() {
        CalibrationData.Builder daily = CalibrationData.builder(ModelTimeUnit.DAYS);
        CalibrationData small = new BgNbdSimulator(TRUTH, SEED + 1).cohort(2_000, WINDOW, ENTRY);
        List<PurchaseSummary> rows = rowsOf(small);
        rows.forEach(daily::add);
        FittedModel inWeeks = new BgNbdFitter(FitSettings.defaults()).fit(small, AS_OF);
        FittedModel inDays = new BgNbdFitter(FitSettings.defaults()).fit(daily.build(), AS_OF);
        BgNbdParameters converted = inDays.parameters().in(ModelTimeUnit.WEEKS);
        assertThat(converted.r()).isCloseTo(inWeeks.parameters().r(), within(1e-4 * converted.r()));
        assertThat(converted.alpha()).isCloseTo(inWeeks.parameters().alpha(), within(1e-4 * converted.alpha()));
        assertThat(converted.a()).isCloseTo(inWeeks.parameters().a(), within(1e-3 * converted.a()));
        assertThat(converted.b()).isCloseTo(inWeeks.parameters().b(), within(1e-3 * converted.b()));
        // a density in days is a density in weeks times 7 per observed time: ln 7 per purchase time observed
        long repeatPurchases = rows.stream().mapToLong(PurchaseSummary::repeatPurchases).sum();
        assertThat(inWeeks.logLikelihood() - inDays.logLikelihood())
                .isCloseTo(repeatPurchases * Math.log(7), within(1e-4));
    }

    @Test
    void refusesAPopulationWithNothingToLearnFrom() {
        BgNbdFitter fitter = new BgNbdFitter(FitSettings.defaults());
        assertThatThrownBy(() -> fitter.fit(CalibrationData.builder(ModelTimeUnit.WEEKS).build(), AS_OF))
                .isInstanceOf(IllegalArgumentException.class);
        CalibrationData newcomers = CalibrationData.builder(ModelTimeUnit.WEEKS)
                .add(new PurchaseSummary(0, 0, 0, ModelTimeUnit.WEEKS), 50).build();
        assertThatThrownBy(() -> fitter.fit(newcomers, AS_OF)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void failsLoudlyWhenTheSearchCannotConverge() {
        FitSettings starved = new FitSettings(FitSettings.defaults().startingPoints(), 0.5, 1e-12, 1e-8, 10_000, 20,
                0, 1e-8, 1e8);
        assertThatThrownBy(() -> new BgNbdFitter(starved).fit(data, AS_OF)).isInstanceOf(ModelFitException.class);
    }

    /** Every default starting point reaches the same maximum on this population. */
    @Test
    void startingPointsAgree() {
        FitSettings defaults = FitSettings.defaults();
        CalibrationData small = new BgNbdSimulator(TRUTH, SEED + 2).cohort(2_000, WINDOW, ENTRY);
        double best = new BgNbdFitter(defaults).fit(small, AS_OF).logLikelihood();
        for (FitSettings.StartingPoint start : defaults.startingPoints()) {
            FitSettings single = new FitSettings(List.of(start), defaults.initialStep(), defaults.relativeTolerance(),
                    defaults.absoluteTolerance(), defaults.maxIterations(), defaults.maxEvaluations(),
                    defaults.maxRestarts(), defaults.minParameter(), defaults.maxParameter());
            assertThat(new BgNbdFitter(single).fit(small, AS_OF).logLikelihood()).isCloseTo(best, within(1e-5));
        }
    }

    private static List<PurchaseSummary> rowsOf(CalibrationData data) {
        List<PurchaseSummary> rows = new java.util.ArrayList<>();
        for (int row = 0; row < data.distinctSummaries(); row++) {
            PurchaseSummary s = new PurchaseSummary(data.distinctRepeatPurchases[data.rowRepeatPurchases[row]],
                    data.distinctLastPurchaseTimes[data.rowLastPurchaseTime[row]],
                    data.distinctAges[data.rowAge[row]], data.unit());
            for (int k = 0; k < data.rowCount[row]; k++) {
                rows.add(s);
            }
        }
        return rows;
    }

    /** Gradient of a quantity in log-parameters, by central differences. */
    private static RealVector logGradient(ToDoubleFunction<BgNbdModel> quantity, BgNbdParameters p) {
        double step = 1e-5;
        double[] logs = {Math.log(p.r()), Math.log(p.alpha()), Math.log(p.a()), Math.log(p.b())};
        double[] gradient = new double[logs.length];
        for (int i = 0; i < logs.length; i++) {
            double[] up = logs.clone();
            double[] down = logs.clone();
            up[i] += step;
            down[i] -= step;
            gradient[i] = (quantity.applyAsDouble(model(up, p.unit())) - quantity.applyAsDouble(model(down, p.unit())))
                    / (2 * step);
        }
        return new ArrayRealVector(gradient);
    }

    private static BgNbdModel model(double[] logs, ModelTimeUnit unit) {
        return new BgNbdModel(new BgNbdParameters(Math.exp(logs[0]), Math.exp(logs[1]), Math.exp(logs[2]),
                Math.exp(logs[3]), unit));
    }
}
