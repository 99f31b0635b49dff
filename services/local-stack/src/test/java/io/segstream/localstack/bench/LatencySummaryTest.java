package io.segstream.localstack.bench;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LatencySummaryTest {
    /** The histogram's figure for a sample: never below it, above it by less than one part in 10^digits. */
    private static void assertFigure(long figure, long sample) {
        long tolerance = sample / (long) Math.pow(10, LatencySummary.SIGNIFICANT_DIGITS);
        assertThat(figure).isBetween(sample, sample + tolerance);
    }

    @Test
    void nearestRankPercentilesOfTwentySamplesInAnyOrder() {
        // 1..20 ms shuffled: p50 = 10th smallest, p95 = 19th (ceil 19.0), p99 = 20th (ceil 19.8), max 20
        long[] millis = {7, 20, 3, 15, 1, 12, 18, 5, 9, 14, 2, 19, 11, 6, 17, 4, 13, 8, 16, 10};
        long[] nanos = new long[millis.length];
        for (int i = 0; i < millis.length; i++) {
            nanos[i] = millis[i] * 1_000_000;
        }
        LatencySummary summary = LatencySummary.of(nanos);
        assertThat(summary.count()).isEqualTo(20);
        assertFigure(summary.p50(), 10_000_000);
        assertFigure(summary.p95(), 19_000_000);
        assertFigure(summary.p99(), 20_000_000);
        assertFigure(summary.max(), 20_000_000);
        assertThat(summary.describe()).isEqualTo("p50 10.0 ms, p95 19.0 ms, p99 20.0 ms, max 20.0 ms (20 events)");
    }

    @Test
    void sevenSamplesRoundTheRankUp() {
        // n = 7: p50 rank ceil(3.5) = 4 -> 40; p95 rank ceil(6.65) = 7 -> 70; p99 rank 7 -> 70
        LatencySummary summary = LatencySummary.of(new long[] {10, 20, 30, 40, 50, 60, 70});
        assertThat(summary).isEqualTo(new LatencySummary(7, 40, 70, 70, 70));
    }

    @Test
    void aHundredSamplesGiveTheSampleAtThePercent() {
        long[] values = new long[100];
        for (int i = 0; i < 100; i++) {
            values[i] = 100 - i; // descending: the order of the samples must not matter
        }
        LatencySummary summary = LatencySummary.of(values);
        assertThat(summary.p50()).isEqualTo(50);
        assertThat(summary.p95()).isEqualTo(95);
        assertThat(summary.p99()).isEqualTo(99);
        assertThat(summary.max()).isEqualTo(100);
        assertThat(values[0]).as("the caller's array is left as it was").isEqualTo(100);
    }

    @Test
    void theReportsRoundingIsThatOfTheSamples() {
        // either side of where rounding to a tenth of a millisecond turns, further away than the histogram's margin
        assertThat(LatencySummary.of(new long[] {12_340_000, 98_760_000}).describe())
                .isEqualTo("p50 12.3 ms, p95 98.8 ms, p99 98.8 ms, max 98.8 ms (2 events)");
        assertThat(LatencySummary.of(new long[] {12_360_000, 98_740_000}).describe())
                .isEqualTo("p50 12.4 ms, p95 98.7 ms, p99 98.7 ms, max 98.7 ms (2 events)");
    }

    @Test
    void noSamplesSaySo() {
        assertThat(LatencySummary.of(new long[0]).describe()).isEqualTo("no samples");
    }
}
