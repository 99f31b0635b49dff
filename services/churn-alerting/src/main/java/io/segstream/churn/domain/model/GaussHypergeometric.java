package io.segstream.churn.domain.model;

import org.apache.commons.math3.special.Gamma;

/**
 * The Gaussian hypergeometric function 2F1(a, b; c; z) for real parameters and real z <= 1, as E[X(t)] (eq. 7) needs it.
 * <ul>
 *   <li>|z| <= {@value #DIRECT_SERIES_LIMIT}: the defining series, sum of (a)_n (b)_n / ((c)_n n!) z^n, which converges
 *       at least as fast as 0.5^n there;</li>
 *   <li>z < -{@value #DIRECT_SERIES_LIMIT}: Pfaff's transformation 2F1(a,b;c;z) = (1-z)^-a 2F1(a, c-b; c; z/(z-1)),
 *       which maps z into (1/3, 1);</li>
 *   <li>{@value #DIRECT_SERIES_LIMIT} < z < 1: the defining series first, within a budget of
 *       {@value #DIRECT_SERIES_BUDGET} terms: it converges for any z < 1 and, with positive parameters, adds positive
 *       terms only, so it is accurate whatever their size. Only when the budget is not enough (z very close to 1) is
 *       the connection formula to 1 - z used (Abramowitz and Stegun 15.3.6), whose two series converge at least as
 *       fast as 0.5^n; it degenerates when s = c - a - b is an integer (its gamma factors have poles that cancel) and
 *       is ill-conditioned when |s| is large (its sub-series then have a third parameter far below 0 whose
 *       Pochhammer symbols pass close to 0), so within {@value #INTEGER_GAP} of an integer or for
 *       |s| > {@value #CONNECTION_EXCESS_LIMIT} the defining series is continued instead, up to {@value #MAX_TERMS}
 *       terms;</li>
 *   <li>z = 1: Gauss's theorem, when c - a - b > 0.</li>
 * </ul>
 */
final class GaussHypergeometric {

    /** Beyond |z| = 0.5 the defining series is slower than the transformed ones. */
    static final double DIRECT_SERIES_LIMIT = 0.5;
    /**
     * How close c - a - b may come to an integer before the connection formula is abandoned: its two terms grow like
     * 1 / gap and cancel, so a gap of 1e-3 costs about three of the sixteen significant digits.
     */
    static final double INTEGER_GAP = 1e-3;
    /** Terms of the defining series tried before the connection formula, for 0.5 < z < 1 (z < 0.9963 needs fewer). */
    static final int DIRECT_SERIES_BUDGET = 10_000;
    /** Beyond this |c - a - b| the connection formula loses more precision than the slower defining series. */
    static final double CONNECTION_EXCESS_LIMIT = 5;
    /** Relative size of the last term at which a series is considered summed: double precision. */
    static final double RELATIVE_PRECISION = 1e-16;
    /** Terms before giving up; z = 1 - 1e-5 needs about 4 million, which is beyond any use here. */
    static final int MAX_TERMS = 5_000_000;

    private GaussHypergeometric() {
    }

    static double value(double a, double b, double c, double z) {
        if (isNonPositiveInteger(c)) {
            throw new IllegalArgumentException("2F1 is undefined for c a non-positive integer: " + c);
        }
        if (!(z <= 1)) {
            throw new IllegalArgumentException("2F1 implemented for real z <= 1, was " + z);
        }
        if (z == 0 || a == 0 || b == 0) {
            return 1;
        }
        if (isNonPositiveInteger(a) || isNonPositiveInteger(b)) {
            return series(a, b, c, z); // a polynomial: the series terminates
        }
        if (z == 1) {
            return gaussSum(a, b, c);
        }
        if (z < -DIRECT_SERIES_LIMIT) {
            return Math.pow(1 - z, -a) * value(a, c - b, c, z / (z - 1));
        }
        if (z <= DIRECT_SERIES_LIMIT) {
            return series(a, b, c, z);
        }
        double quick = series(a, b, c, z, DIRECT_SERIES_BUDGET);
        if (!Double.isNaN(quick)) {
            return quick;
        }
        double s = c - a - b;
        if (Math.abs(s - Math.rint(s)) < INTEGER_GAP || Math.abs(s) > CONNECTION_EXCESS_LIMIT) {
            return series(a, b, c, z);
        }
        return connectionToOneMinusZ(a, b, c, z);
    }

    /** A&S 15.3.6: the expansion around z = 1. */
    private static double connectionToOneMinusZ(double a, double b, double c, double z) {
        double s = c - a - b;
        double w = 1 - z;
        double first = gammaRatio(new double[] {c, s}, new double[] {c - a, c - b});
        double second = gammaRatio(new double[] {c, -s}, new double[] {a, b});
        double result = 0;
        if (first != 0) {
            result += first * series(a, b, 1 - s, w);
        }
        if (second != 0) {
            result += second * Math.pow(w, s) * series(c - a, c - b, 1 + s, w);
        }
        return result;
    }

    /** Gauss: 2F1(a,b;c;1) = G(c) G(c-a-b) / (G(c-a) G(c-b)) for c - a - b > 0. */
    private static double gaussSum(double a, double b, double c) {
        if (!(c - a - b > 0)) {
            throw new IllegalArgumentException("2F1(a,b;c;1) diverges unless c - a - b > 0");
        }
        return gammaRatio(new double[] {c, c - a - b}, new double[] {c - a, c - b});
    }

    /** The defining series, for |z| < 1 (or any z when a or b is a non-positive integer). */
    static double series(double a, double b, double c, double z) {
        double sum = series(a, b, c, z, MAX_TERMS);
        if (Double.isNaN(sum)) {
            throw new ArithmeticException("2F1 series did not converge in " + MAX_TERMS + " terms at z = " + z);
        }
        return sum;
    }

    /** The defining series summed to double precision, or NaN if that takes more than {@code maxTerms} terms. */
    private static double series(double a, double b, double c, double z, int maxTerms) {
        double term = 1;
        double sum = 1;
        for (int n = 0; n < maxTerms; n++) {
            term *= (a + n) * (b + n) / ((c + n) * (n + 1)) * z;
            sum += term;
            if (term == 0) {
                return sum;
            }
            double ratio = Math.abs((a + n + 1) * (b + n + 1) / ((c + n + 1) * (n + 2)) * z);
            if (tailIsNegligible(term, ratio, z, sum)) {
                return sum;
            }
        }
        return Double.NaN;
    }

    /**
     * Whether the terms after {@code term} cannot change {@code sum} at double precision. The ratio of consecutive
     * terms tends to z; bounding the later ratios by the larger of the current one and |z| bounds the tail by a
     * geometric series.
     */
    static boolean tailIsNegligible(double term, double currentRatio, double z, double sum) {
        double bound = Math.max(Math.abs(currentRatio), Math.abs(z));
        return bound < 1 && Math.abs(term) * bound / (1 - bound) <= RELATIVE_PRECISION * Math.abs(sum);
    }

    /** Product of G(numerator[i]) over product of G(denominator[j]), 0 when a denominator argument is a pole. */
    private static double gammaRatio(double[] numerator, double[] denominator) {
        double logMagnitude = 0;
        double sign = 1;
        for (double x : denominator) {
            if (isNonPositiveInteger(x)) {
                return 0;
            }
            logMagnitude -= logAbsGamma(x);
            sign *= gammaSign(x);
        }
        for (double x : numerator) {
            if (isNonPositiveInteger(x)) {
                throw new ArithmeticException("gamma pole at " + x);
            }
            logMagnitude += logAbsGamma(x);
            sign *= gammaSign(x);
        }
        return sign * Math.exp(logMagnitude);
    }

    /** ln |G(x)| for x not a non-positive integer, by reflection for x <= 0. */
    static double logAbsGamma(double x) {
        if (x > 0) {
            return Gamma.logGamma(x);
        }
        // G(x) G(1 - x) = pi / sin(pi x)
        return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - Gamma.logGamma(1 - x);
    }

    /** Sign of G(x): positive for x > 0, alternating between the poles for x < 0. */
    static double gammaSign(double x) {
        if (x > 0) {
            return 1;
        }
        return Math.floor(x) % 2 == 0 ? 1 : -1;
    }

    private static boolean isNonPositiveInteger(double x) {
        return x <= 0 && x == Math.rint(x);
    }
}
