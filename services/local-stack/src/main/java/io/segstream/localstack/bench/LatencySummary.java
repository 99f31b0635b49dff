package io.segstream.localstack.bench;

import java.util.Arrays;

/**
 * Percentiles of a set of latencies by the nearest-rank method: the p-th percentile is the smallest sample such that
 * at least p % of the samples are less than or equal to it (no interpolation, so every figure is a latency that was
 * actually observed).
 *
 * @param count number of samples
 * @param p50   median, in nanoseconds
 * @param p95   95th percentile, in nanoseconds
 * @param p99   99th percentile, in nanoseconds
 * @param max   largest sample, in nanoseconds
 */
record LatencySummary(int count, long p50, long p95, long p99, long max) {
    private static final double NANOS_PER_MILLI = 1_000_000.0;

    static LatencySummary of(long[] latenciesNanos) {
        if (latenciesNanos.length == 0) {
            return new LatencySummary(0, 0, 0, 0, 0);
        }
        long[] sorted = latenciesNanos.clone();
        Arrays.sort(sorted);
        return new LatencySummary(sorted.length, percentile(sorted, 50), percentile(sorted, 95),
                percentile(sorted, 99), sorted[sorted.length - 1]);
    }

    /** Nearest rank: the sample at position ceil(p/100 × n), counted from 1. */
    static long percentile(long[] sorted, double percent) {
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    /** "p50 12.3 ms, p95 ..." for the console and the report; "no samples" when there are none. */
    String describe() {
        if (count == 0) {
            return "no samples";
        }
        return String.format(java.util.Locale.ROOT, "p50 %,.1f ms, p95 %,.1f ms, p99 %,.1f ms, max %,.1f ms (%,d events)",
                p50 / NANOS_PER_MILLI, p95 / NANOS_PER_MILLI, p99 / NANOS_PER_MILLI, max / NANOS_PER_MILLI, count);
    }
}
