package io.segstream.localstack.bench;

import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;

/**
 * Paces sending at a fixed offered load: the i-th event (from 0) is due at start + i / rate, whatever happened to the
 * earlier ones, so a stall is followed by a catch-up burst exactly as real producers behave (an open model: the
 * offered load does not drop when the system slows down). A rate of 0 means "as fast as possible" (saturation).
 */
public final class RatePacer {
    private static final double NANOS_PER_SECOND = 1_000_000_000.0;

    private final double eventsPerSecond;
    private final LongSupplier nanoTime;
    private final long startNanos;

    public RatePacer(double eventsPerSecond, LongSupplier nanoTime) {
        if (eventsPerSecond < 0) {
            throw new IllegalArgumentException("rate must not be negative");
        }
        this.eventsPerSecond = eventsPerSecond;
        this.nanoTime = nanoTime;
        this.startNanos = nanoTime.getAsLong();
    }

    boolean saturating() {
        return eventsPerSecond == 0;
    }

    /** When the event with this index is due, on the clock given to the constructor. */
    long dueNanos(long index) {
        return saturating() ? startNanos : startNanos + Math.round(index * NANOS_PER_SECOND / eventsPerSecond);
    }

    /** Waits until the event with this index is due; returns at once when it already is, or when saturating. */
    public void awaitTurn(long index) {
        long wait;
        while ((wait = dueNanos(index) - nanoTime.getAsLong()) > 0) {
            LockSupport.parkNanos(wait);
        }
    }
}
