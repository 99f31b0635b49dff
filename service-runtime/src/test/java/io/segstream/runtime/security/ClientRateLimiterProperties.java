package io.segstream.runtime.security;

import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class ClientRateLimiterProperties {

    /**
     * Over any schedule of requests, a client is admitted exactly when its bucket holds a whole token: burst at first,
     * refilled continuously at the rate (the model counts in billionths of a token, so it is exact), and never more
     * than burst + rate x elapsed in all.
     */
    @Property
    void admitsExactlyWhatTheBucketHolds(@ForAll @IntRange(min = 1, max = 50) int perSecond,
                                         @ForAll @IntRange(min = 1, max = 20) int burst,
                                         @ForAll @Size(min = 1, max = 300) List<@LongRange(min = 0, max = 200)
                                                 Long> gapsMillis) {
        AtomicLong now = new AtomicLong(0);
        ClientRateLimiter limiter = new ClientRateLimiter(perSecond, burst, 10, Duration.ofHours(1), now::get);
        long token = 1_000_000_000L;
        int admitted = 0;
        long billionths = burst * token;
        long last = 0;
        for (long gap : gapsMillis) {
            now.addAndGet(Duration.ofMillis(gap).toNanos());
            billionths = Math.min(burst * token, billionths + (now.get() - last) * perSecond);
            last = now.get();
            ClientRateLimiter.Decision decision = limiter.tryAcquire("client");
            boolean expected = billionths >= token;
            assertThat(decision.admitted()).isEqualTo(expected);
            if (expected) {
                billionths -= token;
                admitted++;
            } else {
                assertThat(decision.retryAfter()).isPositive()
                        .isLessThanOrEqualTo(Duration.ofNanos((long) Math.ceil(1e9 / perSecond)));
            }
        }
        double elapsedSeconds = now.get() / 1e9;
        assertThat(admitted).isLessThanOrEqualTo((int) Math.floor(burst + perSecond * elapsedSeconds));
    }

    /** A rate below one a second: the next request is admitted once the fraction has added up to a token. */
    @Example
    void aFractionalRateWaitsForAWholeToken() {
        AtomicLong now = new AtomicLong(0);
        ClientRateLimiter limiter = new ClientRateLimiter(0.5, 1, 10, Duration.ofHours(1), now::get);
        assertThat(limiter.tryAcquire("client").admitted()).isTrue();
        ClientRateLimiter.Decision refused = limiter.tryAcquire("client");
        assertThat(refused.admitted()).isFalse();
        assertThat(refused.retryAfter()).isEqualTo(Duration.ofSeconds(2));
        now.set(Duration.ofMillis(1_999).toNanos());
        assertThat(limiter.tryAcquire("client").admitted()).isFalse();
        now.set(Duration.ofSeconds(2).toNanos());
        assertThat(limiter.tryAcquire("client").admitted()).isTrue();
    }

    /** The configured rate becomes whole tokens per period without losing its decimals. */
    @Example
    void ratesBecomeWholeTokensPerPeriod() {
        assertThat(ClientRateLimiter.Refill.of(200)).isEqualTo(
                new ClientRateLimiter.Refill(200, Duration.ofSeconds(1)));
        assertThat(ClientRateLimiter.Refill.of(0.5)).isEqualTo(
                new ClientRateLimiter.Refill(1, Duration.ofSeconds(2)));
        assertThat(ClientRateLimiter.Refill.of(2.5)).isEqualTo(
                new ClientRateLimiter.Refill(5, Duration.ofSeconds(2)));
        assertThat(ClientRateLimiter.Refill.of(0.3)).isEqualTo(
                new ClientRateLimiter.Refill(3, Duration.ofSeconds(10)));
    }

    /** A client that has been idle for idleAfter is forgotten, and comes back to a full bucket. */
    @Example
    void anIdleClientIsForgotten() {
        AtomicLong now = new AtomicLong(0);
        ClientRateLimiter limiter = new ClientRateLimiter(1, 1, 10, Duration.ofMinutes(10), now::get);
        limiter.tryAcquire("a");
        assertThat(limiter.trackedClients()).isEqualTo(1);
        now.set(Duration.ofMinutes(11).toNanos());
        assertThat(limiter.trackedClients()).isZero();
    }

    /** One client's bursts never use another client's budget. */
    @Property
    void clientsAreIndependent(@ForAll @IntRange(min = 1, max = 20) int burst) {
        ClientRateLimiter limiter = new ClientRateLimiter(1, burst, 10, Duration.ofHours(1), () -> 0L);
        for (int i = 0; i < burst; i++) {
            assertThat(limiter.tryAcquire("a").admitted()).isTrue();
        }
        assertThat(limiter.tryAcquire("a").admitted()).isFalse();
        assertThat(limiter.tryAcquire("b").admitted()).isTrue();
    }

    /** The number of tracked clients stays bounded, however many there are. */
    @Property
    void tracksAtMostMaxClients(@ForAll @IntRange(min = 1, max = 30) int maxClients,
                                @ForAll @IntRange(min = 1, max = 200) int clients) {
        AtomicLong now = new AtomicLong();
        ClientRateLimiter limiter = new ClientRateLimiter(5, 5, maxClients, Duration.ofHours(1), now::get);
        for (int i = 0; i < clients; i++) {
            now.addAndGet(1_000);
            limiter.tryAcquire("client-" + i);
            assertThat(limiter.trackedClients()).isLessThanOrEqualTo(maxClients);
        }
    }
}
