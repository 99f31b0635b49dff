package io.segstream.localstack.bench;

import org.HdrHistogram.Histogram;

import java.util.Locale;

/**
 * Percentiles of a set of latencies, read from an HdrHistogram by the nearest-rank method: the p-th percentile is
 * the smallest recorded value such that at least p % of the samples are less than or equal to it (no interpolation).
 * A figure is the upper end of the histogram bucket its sample fell in: never below the sample and above it by less
 * than one part in 10^{@value #SIGNIFICANT_DIGITS}, so the report, which prints tenths of a millisecond, shows the
 * samples' own figures unless one lies within that margin below a rounding boundary. Small values are exact.
 *
 * @param count number of samples
 * @param p50   median, in nanoseconds
 * @param p95   95th percentile, in nanoseconds
 * @param p99   99th percentile, in nanoseconds
 * @param max   largest sample, in nanoseconds
 */
record LatencySummary(int count, long p50, long p95, long p99, long max) {
    /** Precision of the figures; a further digit would multiply the histogram's memory for no visible change. */
    static final int SIGNIFICANT_DIGITS = 4;
    private static final double NANOS_PER_MILLI = 1_000_000.0;

    static LatencySummary of(long[] latenciesNanos) {
        if (latenciesNanos.length == 0) {
            return new LatencySummary(0, 0, 0, 0, 0);
        }
        Histogram histogram = new Histogram(SIGNIFICANT_DIGITS);
        for (long latency : latenciesNanos) {
            histogram.recordValue(latency);
        }
        return new LatencySummary(latenciesNanos.length, histogram.getValueAtPercentile(50),
                histogram.getValueAtPercentile(95), histogram.getValueAtPercentile(99), histogram.getMaxValue());
    }

    /** "p50 12.3 ms, p95 ..." for the console and the report; "no samples" when there are none. */
    String describe() {
        if (count == 0) {
            return "no samples";
        }
        return String.format(Locale.ROOT, "p50 %,.1f ms, p95 %,.1f ms, p99 %,.1f ms, max %,.1f ms (%,d events)",
                p50 / NANOS_PER_MILLI, p95 / NANOS_PER_MILLI, p99 / NANOS_PER_MILLI, max / NANOS_PER_MILLI, count);
    }
}
