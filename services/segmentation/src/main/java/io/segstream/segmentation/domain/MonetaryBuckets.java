package io.segstream.segmentation.domain;

/**
 * Net spend grouped into buckets of a relative width: two values fall into the same bucket only when they differ by
 * less than {@code relativeAccuracy} of their size, and bucket keys keep the order of the values (negative spend,
 * after refunds, below zero, below positive spend). The population ranks monetary values by bucket, so the counts
 * stay small and mergeable however many customers there are, and customers can leave the counts again (a quantile
 * sketch cannot forget a value); the price is that values closer than the accuracy rank as tied.
 */
public final class MonetaryBuckets {
    /** Keeps negative keys below zero's and positive keys above, whatever the magnitude (|log| stays far smaller). */
    private static final long SIGN_OFFSET = 1L << 40;

    private final double relativeAccuracy;
    private final double logBase;

    public MonetaryBuckets(double relativeAccuracy) {
        if (!(relativeAccuracy > 0 && relativeAccuracy < 1)) {
            throw new IllegalArgumentException("the relative accuracy is between 0 and 1, not " + relativeAccuracy);
        }
        this.relativeAccuracy = relativeAccuracy;
        this.logBase = Math.log1p(relativeAccuracy);
    }

    public double relativeAccuracy() {
        return relativeAccuracy;
    }

    /** The bucket of a value: equal values share one; a larger value never has a smaller key. */
    public long keyOf(double value) {
        if (value == 0 || Double.isNaN(value)) {
            return 0;
        }
        long magnitude = (long) Math.ceil(Math.log(Math.abs(value)) / logBase);
        return value > 0 ? SIGN_OFFSET + magnitude : -SIGN_OFFSET - magnitude;
    }
}
