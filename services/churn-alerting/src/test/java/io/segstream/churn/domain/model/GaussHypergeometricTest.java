package io.segstream.churn.domain.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.apache.commons.math3.special.Gamma;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * 2F1 against closed forms (Abramowitz and Stegun 15.1), chosen so that every branch is exercised: the defining
 * series (|z| <= 0.5, and 0.5 < z < 1 within its budget of terms), Pfaff's transformation (z < -0.5), the connection
 * formula to 1 - z (z so close to 1 that the series would need more than 10,000 terms, c - a - b not an integer), the
 * long series (the same, c - a - b an integer) and Gauss's sum (z = 1).
 */
class GaussHypergeometricTest {

    private static final double TIGHT = 1e-13;

    /** 2F1(1, 1; 2; z) = -ln(1 - z) / z; c - a - b = 0, so z > 0.5 goes through the slow series. */
    @ParameterizedTest
    @ValueSource(doubles = {-0.99, -0.7, -0.3, 1e-9, 0.2, 0.5, 0.51, 0.8, 0.95, 0.999})
    void logarithm(double z) {
        double expected = -Math.log1p(-z) / z;
        assertThat(GaussHypergeometric.value(1, 1, 2, z)).isCloseTo(expected, within(TIGHT * Math.abs(expected)));
    }

    /**
     * The long series at z = 1 - 1e-5 (c - a - b = 0 rules out the connection formula): millions of terms, each
     * obtained from the previous by a multiplication, so rounding drifts to about 1e-11.
     */
    @Test
    void logarithmNextToOne() {
        double z = 0.99999;
        double expected = -Math.log1p(-z) / z;
        assertThat(GaussHypergeometric.value(1, 1, 2, z)).isCloseTo(expected, within(1e-10 * expected));
    }

    /** 2F1(a, b; b; z) = (1 - z)^-a: the connection formula with a pole (c - b = 0) that must drop a term. */
    @ParameterizedTest
    @ValueSource(doubles = {-5, -0.6, 0.3, 0.55, 0.75, 0.9, 0.99, 0.9999, 0.999999})
    void binomial(double z) {
        double a = 0.37;
        double b = 2.3;
        double expected = Math.pow(1 - z, -a);
        assertThat(GaussHypergeometric.value(a, b, b, z)).isCloseTo(expected, within(TIGHT * expected));
    }

    /** 2F1(1/2, 1/2; 3/2; x^2) = arcsin(x) / x; c - a - b = 1/2: the connection formula proper. */
    @ParameterizedTest
    @ValueSource(doubles = {0.3, 0.75, 0.9, 0.97, 0.999, 0.99999})
    void arcsine(double x) {
        double expected = Math.asin(x) / x;
        assertThat(GaussHypergeometric.value(0.5, 0.5, 1.5, x * x)).isCloseTo(expected, within(1e-12 * expected));
    }

    /** 2F1(1/2, 1; 3/2; -x^2) = arctan(x) / x: Pfaff's transformation for large negative arguments. */
    @ParameterizedTest
    @ValueSource(doubles = {0.5, 1, 3, 30})
    void arctangent(double x) {
        double expected = Math.atan(x) / x;
        assertThat(GaussHypergeometric.value(0.5, 1, 1.5, -x * x)).isCloseTo(expected, within(TIGHT * expected));
    }

    /** A negative integer a makes a polynomial: 2F1(-2, b; c; z) = 1 - 2bz/c + b(b+1)z^2/(c(c+1)). */
    @Test
    void polynomial() {
        double b = 1.7;
        double c = 2.9;
        for (double z : new double[] {-3, 0.4, 0.9, 1}) {
            double expected = 1 - 2 * b * z / c + b * (b + 1) * z * z / (c * (c + 1));
            assertThat(GaussHypergeometric.value(-2, b, c, z)).isCloseTo(expected, within(TIGHT));
        }
    }

    /** Gauss: 2F1(a, b; c; 1) = G(c) G(c-a-b) / (G(c-a) G(c-b)), and the function is continuous up to z = 1. */
    @Test
    void gaussSumAndContinuityAtOne() {
        double a = 0.3;
        double b = 1.1;
        double c = 2.2;
        double expected = Math.exp(Gamma.logGamma(c) + Gamma.logGamma(c - a - b) - Gamma.logGamma(c - a)
                - Gamma.logGamma(c - b));
        assertThat(GaussHypergeometric.value(a, b, c, 1)).isCloseTo(expected, within(TIGHT * expected));
        assertThat(GaussHypergeometric.value(a, b, c, 1 - 1e-12)).isCloseTo(expected, within(1e-8));
    }

    /**
     * The Euler integral 2F1(a,b;c;z) = G(c)/(G(b)G(c-b)) int_0^1 t^(b-1) (1-t)^(c-b-1) (1-zt)^(-a) dt (c > b > 0),
     * computed by quadrature; the first set is E[X(t)]'s 2F1(r, b; a+b-1; z) at the CDNOW estimates, a and b swapped.
     */
    @ParameterizedTest
    @ValueSource(doubles = {-8, -0.9, 0.1, 0.45, 0.6, 0.83, 0.97})
    void eulerIntegral(double z) {
        // the last two have c - a - b = 20.5 and -25: the defining series instead of the connection formula
        double[][] parameterSets = {{2.426, 0.243, 2.219}, {1.7, 0.8, 3.1}, {5.2, 3.3, 4.05}, {0.6, 0.45, 1.3},
                {0.3, 1.2, 22}, {30, 2, 7}};
        for (double[] set : parameterSets) {
            double a = set[0];
            double b = set[1];
            double c = set[2];
            double integral = TanhSinhQuadrature.integrateUnit((t, oneMinusT) ->
                    Math.pow(t, b - 1) * Math.pow(oneMinusT, c - b - 1) * Math.pow(1 - z * t, -a));
            double expected = Math.exp(Gamma.logGamma(c) - Gamma.logGamma(b) - Gamma.logGamma(c - b)) * integral;
            assertThat(GaussHypergeometric.value(a, b, c, z)).as("a=%s b=%s c=%s z=%s", a, b, c, z)
                    .isCloseTo(expected, within(1e-11 * Math.abs(expected)));
        }
    }

    @Test
    void signedLogGammaReflects() {
        // G(-0.5) = -2 sqrt(pi), G(-1.5) = 4 sqrt(pi) / 3
        assertThat(GaussHypergeometric.gammaSign(-0.5)).isEqualTo(-1);
        assertThat(GaussHypergeometric.logAbsGamma(-0.5)).isCloseTo(Math.log(2 * Math.sqrt(Math.PI)), within(1e-14));
        assertThat(GaussHypergeometric.gammaSign(-1.5)).isEqualTo(1);
        assertThat(GaussHypergeometric.logAbsGamma(-1.5))
                .isCloseTo(Math.log(4 * Math.sqrt(Math.PI) / 3), within(1e-14));
    }

    @Test
    void refusesWhereUndefined() {
        assertThatThrownBy(() -> GaussHypergeometric.value(1, 1, -2, 0.3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> GaussHypergeometric.value(1, 1, 2, 1.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> GaussHypergeometric.value(1, 1, 2, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
