package io.segstream.runtime.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * A Bucket4j token bucket per client: {@code burst} requests at once, refilled continuously at
 * {@code requestsPerSecond}. In memory, so the limit is per instance (a deployment of n replicas admits n times the
 * rate; documented). The buckets are held in a Caffeine cache bounded to {@code maxClients} that drops a bucket
 * unused for {@code idleAfter}, so many clients cannot make it grow without end.
 */
public final class ClientRateLimiter {
    /** The answer to one request: admitted, or refused with how long until a request would be admitted. */
    public record Decision(boolean admitted, Duration retryAfter) {
        static final Decision ADMITTED = new Decision(true, Duration.ZERO);
    }

    /** Decimal places of the configured rate that are kept exactly; finer fractions are rounded. */
    private static final int RATE_SCALE = 6;

    private final int burst;
    private final Refill refill;
    private final TimeMeter clock;
    private final Cache<String, Bucket> buckets;

    public ClientRateLimiter(double requestsPerSecond, int burst, int maxClients, Duration idleAfter,
                             LongSupplier nanoClock) {
        if (requestsPerSecond <= 0 || burst < 1 || maxClients < 1) {
            throw new IllegalArgumentException("rate limit needs requestsPerSecond > 0, burst >= 1, maxClients >= 1");
        }
        this.burst = burst;
        this.refill = Refill.of(requestsPerSecond);
        this.clock = new TimeMeter() {
            @Override
            public long currentTimeNanos() {
                return nanoClock.getAsLong();
            }

            @Override
            public boolean isWallClockBased() {
                return false;
            }
        };
        this.buckets = Caffeine.newBuilder()
                .maximumSize(maxClients)
                .expireAfterAccess(idleAfter)
                .ticker(nanoClock::getAsLong)
                .executor(Runnable::run) // evict on the request's thread: no background work to wait for
                .build();
    }

    public Decision tryAcquire(String client) {
        ConsumptionProbe probe = buckets.get(client, c -> newBucket()).tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? Decision.ADMITTED
                : new Decision(false, Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }

    int trackedClients() {
        buckets.cleanUp();
        return (int) buckets.estimatedSize();
    }

    private Bucket newBucket() {
        return Bucket.builder()
                .addLimit(limit -> limit.capacity(burst).refillGreedy(refill.tokens(), refill.period()))
                .withCustomTimePrecision(clock)
                .build();
    }

    /**
     * The configured rate as whole tokens per period, exactly for a rate with up to {@link #RATE_SCALE} decimals:
     * 200 is 200 per second, 0.5 is one per two seconds, 2.5 five per two seconds.
     */
    record Refill(long tokens, Duration period) {
        static Refill of(double requestsPerSecond) {
            BigDecimal rate = BigDecimal.valueOf(requestsPerSecond)
                    .setScale(RATE_SCALE, RoundingMode.HALF_EVEN).stripTrailingZeros();
            if (rate.signum() <= 0) {
                throw new IllegalArgumentException("rate limit requestsPerSecond is below the smallest rate kept: "
                        + BigDecimal.ONE.movePointLeft(RATE_SCALE).toPlainString());
            }
            if (rate.scale() <= 0) {
                return new Refill(rate.longValueExact(), Duration.ofSeconds(1));
            }
            BigInteger tokens = rate.unscaledValue();
            BigInteger seconds = BigInteger.TEN.pow(rate.scale());
            BigInteger common = tokens.gcd(seconds);
            return new Refill(tokens.divide(common).longValueExact(),
                    Duration.ofSeconds(seconds.divide(common).longValueExact()));
        }
    }
}
