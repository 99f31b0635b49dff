package io.segstream.churn.domain.model;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The population a model is fitted on: customer summaries in one time unit, with identical (x, t_x, T) rows merged
 * into one row and a count. Day-granular summaries repeat a lot (far fewer distinct rows than customers), and
 * the likelihood of a row does not depend on who it belongs to, so the fit costs per distinct row, not per customer.
 * The distinct values of x, t_x and T are also indexed, so that a likelihood evaluation computes each log-gamma and
 * each logarithm once per distinct value.
 */
public final class CalibrationData {

    private final ModelTimeUnit unit;
    private final long customers;
    private final double meanAge;
    final int[] distinctRepeatPurchases;
    final double[] distinctLastPurchaseTimes;
    final double[] distinctAges;
    final int[] rowRepeatPurchases;
    final int[] rowLastPurchaseTime;
    final int[] rowAge;
    final double[] rowCount;

    private CalibrationData(ModelTimeUnit unit, Map<Row, Long> counts) {
        this.unit = unit;
        TreeMap<Integer, Integer> xIndex = new TreeMap<>();
        TreeMap<Double, Integer> lastIndex = new TreeMap<>();
        TreeMap<Double, Integer> ageIndex = new TreeMap<>();
        long total = 0;
        double ageSum = 0;
        for (Map.Entry<Row, Long> entry : counts.entrySet()) {
            xIndex.put(entry.getKey().repeatPurchases(), 0);
            lastIndex.put(entry.getKey().timeOfLastPurchase(), 0);
            ageIndex.put(entry.getKey().age(), 0);
            total += entry.getValue();
            ageSum += entry.getKey().age() * entry.getValue();
        }
        this.customers = total;
        this.meanAge = total == 0 ? 0 : ageSum / total;
        this.distinctRepeatPurchases = xIndex.keySet().stream().mapToInt(Integer::intValue).toArray();
        this.distinctLastPurchaseTimes = lastIndex.keySet().stream().mapToDouble(Double::doubleValue).toArray();
        this.distinctAges = ageIndex.keySet().stream().mapToDouble(Double::doubleValue).toArray();
        int rows = counts.size();
        this.rowRepeatPurchases = new int[rows];
        this.rowLastPurchaseTime = new int[rows];
        this.rowAge = new int[rows];
        this.rowCount = new double[rows];
        int i = 0;
        for (Map.Entry<Row, Long> entry : counts.entrySet()) {
            Row row = entry.getKey();
            rowRepeatPurchases[i] = Arrays.binarySearch(distinctRepeatPurchases, row.repeatPurchases());
            rowLastPurchaseTime[i] = Arrays.binarySearch(distinctLastPurchaseTimes, row.timeOfLastPurchase());
            rowAge[i] = Arrays.binarySearch(distinctAges, row.age());
            rowCount[i] = entry.getValue();
            i++;
        }
    }

    /** A builder collecting summaries in {@code unit} (summaries in another unit are converted). */
    public static Builder builder(ModelTimeUnit unit) {
        return new Builder(unit);
    }

    public ModelTimeUnit unit() {
        return unit;
    }

    /** Number of customers (the sample size of the fit). */
    public long customers() {
        return customers;
    }

    /** Number of distinct (x, t_x, T) rows. */
    public int distinctSummaries() {
        return rowCount.length;
    }

    /** Mean of T over the customers, in {@link #unit()}: the natural time scale of the population. */
    public double meanAge() {
        return meanAge;
    }

    private record Row(int repeatPurchases, double timeOfLastPurchase, double age) {
    }

    /** Accumulates summaries; not thread-safe. */
    public static final class Builder {
        private final ModelTimeUnit unit;
        private final Map<Row, Long> counts = new HashMap<>();

        private Builder(ModelTimeUnit unit) {
            this.unit = Objects.requireNonNull(unit, "unit");
        }

        public Builder add(PurchaseSummary summary) {
            return add(summary, 1);
        }

        /** Adds {@code count} customers with the same summary (for callers that aggregate upstream). */
        public Builder add(PurchaseSummary summary, long count) {
            if (count < 0) {
                throw new IllegalArgumentException("count must be >= 0");
            }
            if (count > 0) {
                PurchaseSummary s = summary.in(unit);
                counts.merge(new Row(s.repeatPurchases(), s.timeOfLastPurchase(), s.age()), count, Long::sum);
            }
            return this;
        }

        public Builder addAll(Iterable<PurchaseSummary> summaries) {
            for (PurchaseSummary summary : summaries) {
                add(summary);
            }
            return this;
        }

        public CalibrationData build() {
            return new CalibrationData(unit, counts);
        }
    }
}
