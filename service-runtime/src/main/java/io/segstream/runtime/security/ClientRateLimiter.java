package io.segstream.runtime.security;

import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * A token bucket per client: {@code burst} requests at once, refilled at {@code requestsPerSecond}. Plain Java and
 * in memory, so the limit is per instance (a deployment of n replicas admits n times the rate; documented).
 */
public final class ClientRateLimiter {
    /** The answer to one request: admitted, or refused with how long until a request would be admitted. */
    public record Decision(boolean admitted, Duration retryAfter) {
        static final Decision ADMITTED = new Decision(true, Duration.ZERO);
    }

    private static final double NANOS_PER_SECOND = 1_000_000_000d;

    private final double perNano;
    private final double burst;
    private final int maxClients;
    private final long idleNanos;
    private final LongSupplier nanoClock;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    public ClientRateLimiter(double requestsPerSecond, int burst, int maxClients, Duration idleAfter,
                             LongSupplier nanoClock) {
        if (requestsPerSecond <= 0 || burst < 1 || maxClients < 1) {
            throw new IllegalArgumentException("rate limit needs requestsPerSecond > 0, burst >= 1, maxClients >= 1");
        }
        this.perNano = requestsPerSecond / NANOS_PER_SECOND;
        this.burst = burst;
        this.maxClients = maxClients;
        this.idleNanos = idleAfter.toNanos();
        this.nanoClock = nanoClock;
    }

    public Decision tryAcquire(String client) {
        long now = nanoClock.getAsLong();
        if (buckets.size() >= maxClients && !buckets.containsKey(client)) {
            forgetIdle(now);
        }
        Bucket bucket = buckets.computeIfAbsent(client, c -> new Bucket(burst, now));
        synchronized (bucket) {
            bucket.tokens = Math.min(burst, bucket.tokens + (now - bucket.updatedAt) * perNano);
            bucket.updatedAt = now;
            if (bucket.tokens >= 1) {
                bucket.tokens -= 1;
                return Decision.ADMITTED;
            }
            long wait = (long) Math.ceil((1 - bucket.tokens) / perNano);
            return new Decision(false, Duration.ofNanos(wait));
        }
    }

    int trackedClients() {
        return buckets.size();
    }

    private void forgetIdle(long now) {
        buckets.entrySet().removeIf(e -> now - e.getValue().updatedAt > idleNanos);
        while (buckets.size() >= maxClients) {
            buckets.entrySet().stream().min(Comparator.comparingLong(e -> e.getValue().updatedAt))
                    .ifPresent(oldest -> buckets.remove(oldest.getKey()));
        }
    }

    private static final class Bucket {
        double tokens;
        long updatedAt;

        Bucket(double tokens, long updatedAt) {
            this.tokens = tokens;
            this.updatedAt = updatedAt;
        }
    }
}
