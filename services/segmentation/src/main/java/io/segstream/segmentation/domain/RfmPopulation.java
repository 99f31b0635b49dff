package io.segstream.segmentation.domain;

import java.util.Arrays;
import java.util.Collection;

/**
 * The recency, frequency and monetary values of every customer who bought, as of one instant: the population RFM
 * scores are quintiles of.
 *
 * <p>Score of a value: its mid-rank percentile {@code p = (below + tied / 2) / n} among the population, where
 * {@code below} counts worse values and {@code tied} equal ones (the customer's own included, so a customer not yet
 * in the population counts as one more); score = {@code min(5, 1 + floor(5 p))}. Worse means a longer recency, fewer
 * orders, less net spend. Ties therefore all get the same score, the one of their group's middle: a single customer
 * or a population of equals scores 3; a monetary value taken to zero by refunds ranks with the lowest.
 */
public final class RfmPopulation implements RfmScoring {
    private static final int QUINTILES = 5;
    public static final RfmPopulation EMPTY = new RfmPopulation(new long[0], new long[0], new double[0]);

    private final long[] recency;
    private final long[] frequency;
    private final double[] monetary;

    private RfmPopulation(long[] recency, long[] frequency, double[] monetary) {
        this.recency = recency;
        this.frequency = frequency;
        this.monetary = monetary;
        Arrays.sort(this.recency);
        Arrays.sort(this.frequency);
        Arrays.sort(this.monetary);
    }

    /** The population of these customers' figures; those who never bought are left out. */
    public static RfmPopulation of(Collection<ProfileFigures> figures) {
        long[] r = figures.stream().filter(ProfileFigures::hasPurchased).mapToLong(f -> f.recencyDays()).toArray();
        long[] f = figures.stream().filter(ProfileFigures::hasPurchased).mapToLong(ProfileFigures::orderCount)
                .toArray();
        double[] m = figures.stream().filter(ProfileFigures::hasPurchased)
                .mapToDouble(x -> x.monetary().doubleValue()).toArray();
        return new RfmPopulation(r, f, m);
    }

    /** Collects a population one customer at a time, without keeping their figures. */
    public static final class Builder {
        private long[] recency = new long[1024];
        private long[] frequency = new long[1024];
        private double[] monetary = new double[1024];
        private int size;

        public Builder add(ProfileFigures figures) {
            if (!figures.hasPurchased()) {
                return this;
            }
            if (size == recency.length) {
                recency = Arrays.copyOf(recency, size * 2);
                frequency = Arrays.copyOf(frequency, size * 2);
                monetary = Arrays.copyOf(monetary, size * 2);
            }
            recency[size] = figures.recencyDays();
            frequency[size] = figures.orderCount();
            monetary[size] = figures.monetary().doubleValue();
            size++;
            return this;
        }

        public RfmPopulation build() {
            return new RfmPopulation(Arrays.copyOf(recency, size), Arrays.copyOf(frequency, size),
                    Arrays.copyOf(monetary, size));
        }
    }

    @Override
    public long size() {
        return recency.length;
    }

    @Override
    public RfmScore score(ProfileFigures figures) {
        if (!figures.hasPurchased()) {
            return null;
        }
        long r = figures.recencyDays();
        // For recency, fewer days is better: the customers "below" are those with more days.
        int rScore = scoreOf(recency.length - upper(recency, r), upper(recency, r) - lower(recency, r),
                recency.length);
        int fScore = scoreOf(lower(frequency, figures.orderCount()),
                upper(frequency, figures.orderCount()) - lower(frequency, figures.orderCount()), frequency.length);
        double m = figures.monetary().doubleValue();
        int mScore = scoreOf(lower(monetary, m), upper(monetary, m) - lower(monetary, m), monetary.length);
        return RfmScore.of(rScore, fScore, mScore);
    }

    /** Score from the counts of worse and equal values; a value absent from the population counts itself. */
    static int scoreOf(int worse, int tied, int n) {
        int ties = tied == 0 ? 1 : tied;
        int population = tied == 0 ? n + 1 : n;
        double percentile = (worse + ties / 2.0) / population;
        return Math.min(QUINTILES, 1 + (int) Math.floor(QUINTILES * percentile));
    }

    private static int lower(long[] sorted, long value) {
        int low = 0;
        int high = sorted.length;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (sorted[mid] < value) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    private static int upper(long[] sorted, long value) {
        int low = 0;
        int high = sorted.length;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (sorted[mid] <= value) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    private static int lower(double[] sorted, double value) {
        int low = 0;
        int high = sorted.length;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (Double.compare(sorted[mid], value) < 0) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    private static int upper(double[] sorted, double value) {
        int low = 0;
        int high = sorted.length;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (Double.compare(sorted[mid], value) <= 0) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }
}
