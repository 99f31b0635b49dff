package io.segstream.localstack.bench;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LatencySummaryTest {

    @Test
    void nearestRankPercentilesOfTwentySamplesInAnyOrder() {
        // 1..20 ms shuffled: p50 = 10th smallest, p95 = 19th (ceil 19.0), p99 = 20th (ceil 19.8), max 20
        long[] millis = {7, 20, 3, 15, 1, 12, 18, 5, 9, 14, 2, 19, 11, 6, 17, 4, 13, 8, 16, 10};
        long[] nanos = new long[millis.length];
        for (int i = 0; i < millis.length; i++) {
            nanos[i] = millis[i] * 1_000_000;
        }
        LatencySummary summary = LatencySummary.of(nanos);
        assertThat(summary).isEqualTo(new LatencySummary(20, 10_000_000, 19_000_000, 20_000_000, 20_000_000));
        assertThat(summary.describe()).isEqualTo("p50 10.0 ms, p95 19.0 ms, p99 20.0 ms, max 20.0 ms (20 events)");
    }

    @Test
    void sevenSamplesRoundTheRankUp() {
        // n = 7: p50 rank ceil(3.5) = 4 -> 40; p95 rank ceil(6.65) = 7 -> 70; p99 rank 7 -> 70
        long[] sorted = {10, 20, 30, 40, 50, 60, 70};
        assertThat(LatencySummary.percentile(sorted, 50)).isEqualTo(40);
        assertThat(LatencySummary.percentile(sorted, 95)).isEqualTo(70);
        assertThat(LatencySummary.percentile(sorted, 99)).isEqualTo(70);
        assertThat(LatencySummary.percentile(sorted, 10)).isEqualTo(10);
    }

    @Test
    void aHundredSamplesGiveTheSampleAtThePercent() {
        long[] values = new long[100];
        for (int i = 0; i < 100; i++) {
            values[i] = 100 - i; // descending: sorting must happen
        }
        LatencySummary summary = LatencySummary.of(values);
        assertThat(summary.p50()).isEqualTo(50);
        assertThat(summary.p95()).isEqualTo(95);
        assertThat(summary.p99()).isEqualTo(99);
        assertThat(summary.max()).isEqualTo(100);
        assertThat(values[0]).as("the caller's array is left as it was").isEqualTo(100);
    }

    @Test
    void noSamplesSaySo() {
        assertThat(LatencySummary.of(new long[0]).describe()).isEqualTo("no samples");
    }
}
