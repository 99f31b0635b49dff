package io.segstream.churn.domain;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FitBackoffTest {
    private static final Instant T0 = Instant.parse("2026-12-03T10:00:00Z");
    private static final Duration MINUTE = Duration.ofMinutes(1);

    @Test
    void theWaitDoublesFromTheFirstWaitUpToTheMaximum() {
        FitBackoff backoff = new FitBackoff(MINUTE, Duration.ofMinutes(30));
        List<Long> waits = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            waits.add(backoff.failed(T0).toMinutes());
        }
        assertThat(waits).containsExactly(1L, 2L, 4L, 8L, 16L, 30L, 30L, 30L);
        assertThat(backoff.consecutiveFailures()).isEqualTo(8);
    }

    @Test
    void aFitMayBeTriedOnlyOnceTheWaitHasPassedAndASuccessResetsIt() {
        FitBackoff backoff = new FitBackoff(MINUTE, Duration.ofMinutes(30));
        assertThat(backoff.mayTry(T0)).isTrue();

        backoff.failed(T0);
        assertThat(backoff.mayTry(T0.plusSeconds(59))).isFalse();
        assertThat(backoff.mayTry(T0.plusSeconds(60))).isTrue();

        Instant second = T0.plusSeconds(60);
        assertThat(backoff.failed(second)).isEqualTo(Duration.ofMinutes(2));
        assertThat(backoff.mayTry(second.plusSeconds(119))).isFalse();
        assertThat(backoff.mayTry(second.plusSeconds(120))).isTrue();

        backoff.succeeded();
        assertThat(backoff.consecutiveFailures()).isZero();
        assertThat(backoff.mayTry(second)).isTrue();
        assertThat(backoff.failed(second)).isEqualTo(MINUTE);
    }

    @Test
    void aZeroFirstWaitOrAMaximumBelowItIsRefused() {
        assertThatThrownBy(() -> new FitBackoff(Duration.ZERO, MINUTE)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FitBackoff(MINUTE, Duration.ofSeconds(59)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Property
    void waitsNeverShrinkNeverExceedTheMaximumAndReachIt(@ForAll @IntRange(min = 1, max = 3600) int firstSeconds,
                                                         @ForAll @IntRange(min = 1, max = 1000) int maxFactor,
                                                         @ForAll @IntRange(min = 1, max = 200) int failures) {
        Duration first = Duration.ofSeconds(firstSeconds);
        Duration max = first.multipliedBy(maxFactor);
        FitBackoff backoff = new FitBackoff(first, max);
        Duration previous = Duration.ZERO;
        for (int i = 1; i <= failures; i++) {
            Duration wait = backoff.failed(T0);
            assertThat(wait).isGreaterThanOrEqualTo(previous).isGreaterThanOrEqualTo(first).isLessThanOrEqualTo(max);
            // doubling: exactly first * 2^(i-1) until that passes the maximum
            Duration doubled = i <= 31 ? first.multipliedBy(1L << (i - 1)) : max;
            assertThat(wait).isEqualTo(doubled.compareTo(max) > 0 ? max : doubled);
            assertThat(backoff.mayTry(T0.plus(wait).minusNanos(1))).isFalse();
            assertThat(backoff.mayTry(T0.plus(wait))).isTrue();
            previous = wait;
        }
    }
}
