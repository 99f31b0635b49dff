package io.segstream.churn.domain.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.LongRange;

/**
 * Recovery across the parameter space: for random true parameters and a random simulation seed, the fit must beat
 * the truth (a maximum is at least as likely as any other point, so failing this means the optimiser stopped short),
 * and the likelihood ratio statistic 2 (LL(fit) - LL(truth)) must stay below the 99.99% quantile of chi-squared with 4
 * degrees of freedom, its asymptotic distribution (Wilks): a larger value means the fit wandered away from a truth the
 * data supports. jqwik's seed is fixed, so CI sees the same populations every run.
 */
class BgNbdFitterPropertiesTest {

    /** chi-squared(4) quantile at 0.9999. */
    static final double CHI_SQUARED_4_UPPER = 23.51;
    private static final int CUSTOMERS = 2_000;

    @Property(tries = 10, seed = "6022005")
    void fitBeatsTheTruthByAPlausibleMargin(@ForAll @DoubleRange(min = 0.2, max = 2) double r,
                                            @ForAll @DoubleRange(min = 1, max = 20) double alpha,
                                            @ForAll @DoubleRange(min = 0.3, max = 3) double a,
                                            @ForAll @DoubleRange(min = 0.8, max = 6) double b,
                                            @ForAll @LongRange(min = 1, max = Long.MAX_VALUE) long seed) {
        BgNbdParameters truth = new BgNbdParameters(r, alpha, a, b, ModelTimeUnit.WEEKS);
        CalibrationData data = new BgNbdSimulator(truth, seed).cohort(CUSTOMERS, 52, 26);
        FittedModel fit = new BgNbdFitter(FitSettings.defaults()).fit(data, Instant.EPOCH);
        double ratio = 2 * (fit.logLikelihood() - new BgNbdLikelihood(data).total(truth));
        assertThat(ratio).as("%s fitted %s", truth, fit.parameters()).isGreaterThanOrEqualTo(-1e-6)
                .isLessThan(CHI_SQUARED_4_UPPER);
    }
}
