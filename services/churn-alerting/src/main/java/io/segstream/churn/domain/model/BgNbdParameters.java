package io.segstream.churn.domain.model;

import java.util.Objects;

/**
 * The four BG/NBD parameters: while alive a customer buys at a rate lambda ~ Gamma(shape {@code r}, rate
 * {@code alpha}) per {@code unit}; after each repeat purchase she drops out with probability p ~ Beta({@code a},
 * {@code b}). {@code alpha} is a time scale and depends on the unit; r, a and b do not.
 */
public record BgNbdParameters(double r, double alpha, double a, double b, ModelTimeUnit unit) {

    public BgNbdParameters {
        Objects.requireNonNull(unit, "unit");
        requirePositive(r, "r");
        requirePositive(alpha, "alpha");
        requirePositive(a, "a");
        requirePositive(b, "b");
    }

    private static void requirePositive(double value, String name) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be a positive finite number, was " + value);
        }
    }

    /** The same population expressed in {@code target}: only alpha changes. */
    public BgNbdParameters in(ModelTimeUnit target) {
        if (target == unit) {
            return this;
        }
        return new BgNbdParameters(r, unit.convert(alpha, target), a, b, target);
    }

    /** Mean purchase rate of the population while alive, per unit: E[lambda] = r / alpha. */
    public double meanPurchaseRate() {
        return r / alpha;
    }

    /** Mean dropout probability after a repeat purchase: E[p] = a / (a + b). */
    public double meanDropoutProbability() {
        return a / (a + b);
    }
}
