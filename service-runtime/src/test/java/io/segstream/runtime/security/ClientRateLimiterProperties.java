package io.segstream.runtime.security;

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

    /** Over any schedule of requests, a client is admitted at most burst + rate x elapsed times, and never less. */
    @Property
    void admitsExactlyWhatTheBucketHolds(@ForAll @IntRange(min = 1, max = 50) int perSecond,
                                         @ForAll @IntRange(min = 1, max = 20) int burst,
                                         @ForAll @Size(min = 1, max = 300) List<@LongRange(min = 0, max = 200)
                                                 Long> gapsMillis) {
        AtomicLong now = new AtomicLong(0);
        ClientRateLimiter limiter = new ClientRateLimiter(perSecond, burst, 10, Duration.ofHours(1), now::get);
        int admitted = 0;
        double tokens = burst;
        long last = 0;
        for (long gap : gapsMillis) {
            now.addAndGet(Duration.ofMillis(gap).toNanos());
            tokens = Math.min(burst, tokens + (now.get() - last) * (perSecond / 1e9));
            last = now.get();
            ClientRateLimiter.Decision decision = limiter.tryAcquire("client");
            boolean expected = tokens >= 1;
            assertThat(decision.admitted()).isEqualTo(expected);
            if (expected) {
                tokens -= 1;
                admitted++;
            } else {
                assertThat(decision.retryAfter()).isPositive()
                        .isLessThanOrEqualTo(Duration.ofNanos((long) Math.ceil(1e9 / perSecond)));
            }
        }
        double elapsedSeconds = now.get() / 1e9;
        assertThat(admitted).isLessThanOrEqualTo((int) Math.floor(burst + perSecond * elapsedSeconds));
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

    /** The number of tracked clients stays bounded, forgetting the least recently seen. */
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
