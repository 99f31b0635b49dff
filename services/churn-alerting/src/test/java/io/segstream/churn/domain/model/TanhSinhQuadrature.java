package io.segstream.churn.domain.model;

import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;

/**
 * Tanh-sinh (double exponential) quadrature, the independent yardstick of the closed forms: it integrates functions
 * with integrable end-point singularities (gamma and beta densities with shapes below 1) to near double precision.
 * The unit interval is mapped by x = (1 + tanh(pi/2 sinh t)) / 2, and the step in t is halved until two levels agree.
 */
final class TanhSinhQuadrature {

    private static final int MAX_LEVELS = 10;
    private static final double RELATIVE_TOLERANCE = 1e-13;
    private static final int MIN_LEVELS = 4;
    private static final double T_MAX = 6.5;

    private TanhSinhQuadrature() {
    }

    /**
     * Integral over (0, 1) of f(x, 1 - x). The integrand receives both x and 1 - x, each computed without
     * cancellation, so that singular factors such as (1 - x)^(b - 1) stay accurate next to 1.
     */
    static double integrateUnit(DoubleBinaryOperator f) {
        double step = 1;
        double sum = f.applyAsDouble(0.5, 0.5) * Math.PI / 4;
        sum += nodes(f, step, 1);
        double previous = sum * step;
        for (int level = 1; level < MAX_LEVELS; level++) {
            step /= 2;
            sum += nodes(f, step, 2); // only the new (odd) nodes
            double estimate = sum * step;
            if (level >= MIN_LEVELS && Math.abs(estimate - previous) <= RELATIVE_TOLERANCE * Math.abs(estimate)) {
                return estimate;
            }
            previous = estimate;
        }
        return previous;
    }

    /** Integral of f over (lo, hi), for integrands without a singularity at hi. */
    static double integrate(DoubleUnaryOperator f, double lo, double hi) {
        return (hi - lo) * integrateUnit((x, oneMinusX) -> f.applyAsDouble(lo + (hi - lo) * x));
    }

    /** Integral of f over (0, infinity), through lambda = x / (1 - x), d lambda = (1 + lambda)^2 dx. */
    static double integrateToInfinity(DoubleUnaryOperator f) {
        return integrateUnit((x, oneMinusX) -> {
            double lambda = x / oneMinusX;
            double value = f.applyAsDouble(lambda);
            return value == 0 ? 0 : value * (1 + lambda) * (1 + lambda);
        });
    }

    private static double nodes(DoubleBinaryOperator f, double step, int stride) {
        double sum = 0;
        for (int k = 1; k * step <= T_MAX; k += stride) {
            double t = k * step;
            double u = Math.PI / 2 * Math.sinh(t);
            // distance of the node from the nearer end: (1 - tanh(u)) / 2, without cancellation
            double near = 1 / (1 + Math.exp(2 * u));
            double coshU = Math.cosh(u);
            double weight = Math.PI / 4 * Math.cosh(t) / (coshU * coshU);
            if (near == 0 || weight == 0 || Double.isNaN(weight)) {
                break;
            }
            double far = 1 - near;
            sum += weight * (f.applyAsDouble(near, far) + f.applyAsDouble(far, near));
        }
        return sum;
    }
}
