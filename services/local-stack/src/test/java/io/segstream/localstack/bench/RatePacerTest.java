package io.segstream.localstack.bench;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RatePacerTest {

    @Test
    void eventsAreDueAtEvenIntervalsFromTheStart() {
        AtomicLong clock = new AtomicLong(1_000);
        RatePacer pacer = new RatePacer(2_000, clock::get);
        assertThat(pacer.dueNanos(0)).isEqualTo(1_000);
        assertThat(pacer.dueNanos(1)).isEqualTo(1_000 + 500_000);
        assertThat(pacer.dueNanos(2_000)).isEqualTo(1_000 + 1_000_000_000L);
        assertThat(pacer.dueNanos(10_000_000)).as("no overflow or drift over long runs")
                .isEqualTo(1_000 + 5_000_000_000_000L);
    }

    @Test
    void fractionalRatesKeepTheAverage() {
        RatePacer pacer = new RatePacer(3, () -> 0L);
        assertThat(pacer.dueNanos(1)).isEqualTo(333_333_333L);
        assertThat(pacer.dueNanos(3)).isEqualTo(1_000_000_000L);
    }

    @Test
    void aLateSenderIsNotHeldBackSoTheOfferedLoadCatchesUp() {
        AtomicLong clock = new AtomicLong(0);
        RatePacer pacer = new RatePacer(1_000, clock::get);
        clock.set(50_000_000); // 50 ms late: events 0..50 are all due
        long before = System.nanoTime();
        for (int i = 0; i <= 50; i++) {
            pacer.awaitTurn(i);
        }
        assertThat(clock.get()).isEqualTo(50_000_000);
        assertThat(System.nanoTime() - before).as("returned without parking for the simulated time")
                .isLessThan(1_000_000_000L);
    }

    @Test
    void awaitTurnWaitsUntilTheClockReachesTheDueTime() {
        AtomicLong reads = new AtomicLong();
        // every read of the clock advances it by 100 µs: the pacer must keep reading until 1 ms has passed
        RatePacer pacer = new RatePacer(1_000, () -> reads.getAndIncrement() * 100_000);
        pacer.awaitTurn(1);
        assertThat(reads.get() * 100_000 - 100_000).isGreaterThanOrEqualTo(1_000_000);
    }

    @Test
    void zeroMeansSaturation() {
        RatePacer pacer = new RatePacer(0, () -> 42L);
        assertThat(pacer.saturating()).isTrue();
        assertThat(pacer.dueNanos(1_000_000)).isEqualTo(42);
        assertThatThrownBy(() -> new RatePacer(-1, () -> 0L)).isInstanceOf(IllegalArgumentException.class);
    }
}
