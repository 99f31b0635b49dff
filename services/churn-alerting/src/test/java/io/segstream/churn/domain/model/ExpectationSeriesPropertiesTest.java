package io.segstream.churn.domain.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Scale;

/**
 * The expectation has three independent routes in the code: eq. 7 through the general 2F1 (Pfaff, connection
 * formula, Gauss sum), the Euler-transformed series and the direct series. Wherever two of them apply they must agree.
 */
class ExpectationSeriesPropertiesTest {

    private static final double TOLERANCE = 1e-10;

    /** Over eq. 7's whole parameter box and horizons from a day to a hundred times alpha. */
    @Property(tries = 2000)
    void equationSevenAgreesWithTheSeries(@ForAll @DoubleRange(min = 0.01, max = 50) double r,
                                          @ForAll @DoubleRange(min = 0.05, max = 50) double alpha,
                                          @ForAll @DoubleRange(min = 0.01, max = 50) double a,
                                          @ForAll @DoubleRange(min = 0.01, max = 50) double b,
                                          @ForAll @DoubleRange(min = 0.001, max = 100) @Scale(6) double horizonOverAlpha) {
        BgNbdModel model = new BgNbdModel(new BgNbdParameters(r, alpha, a, b, ModelTimeUnit.WEEKS));
        double t = horizonOverAlpha * alpha;
        double series = model.expectedGivenAlive(0, 0, t);
        assertThat(model.expectedTransactions(t)).isCloseTo(series, within(TOLERANCE * Math.max(1, series)));
    }

    /**
     * Where both are claimed accurate (a away from 1, r at most 5 above a + b - 1) and converge quickly (a z up to 60),
     * the Euler and direct forms give the same number.
     */
    @Property(tries = 2000)
    void eulerAndDirectFormsAgree(@ForAll @DoubleRange(min = 0.01, max = 20) double r,
                                  @ForAll @DoubleRange(min = 1.5, max = 80) double a,
                                  @ForAll @DoubleRange(min = 0.05, max = 50) double b,
                                  @ForAll @IntRange(min = 0, max = 200) int x,
                                  @ForAll @DoubleRange(min = 0.001, max = 0.75) @Scale(6) double z) {
        Assume.that(a + b - 1 - r >= -BgNbdModel.EULER_NEGATIVE_SHIFT_LIMIT);
        BgNbdModel model = new BgNbdModel(new BgNbdParameters(r, 1, a, b, ModelTimeUnit.WEEKS));
        double logOneMinusZ = Math.log1p(-z);
        double euler = model.eulerForm(x, z, logOneMinusZ);
        double direct = model.directForm(x, z, logOneMinusZ);
        assertThat(direct).isCloseTo(euler, within(1e-9 * Math.max(1, Math.abs(euler))));
    }
}
