package io.segstream.churn.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * When the schedule may try a model fit again after fits failed. A fit reads every customer's activity, so at a
 * million customers a fit that keeps failing (the database refusing a long read, a population the fitter cannot
 * identify) must not start a full scan at every check: the wait doubles with each consecutive failure, from the check
 * interval up to {@code maxWait}, and a successful fit resets it. Not thread-safe: one schedule owns it.
 */
public final class FitBackoff {
    private final Duration firstWait;
    private final Duration maxWait;
    private int consecutiveFailures;
    private Instant nextAttemptAt = Instant.MIN;

    public FitBackoff(Duration firstWait, Duration maxWait) {
        if (firstWait.isNegative() || firstWait.isZero() || maxWait.compareTo(firstWait) < 0) {
            throw new IllegalArgumentException("a fit backoff needs 0 < first wait (" + firstWait
                    + ") <= max wait (" + maxWait + ")");
        }
        this.firstWait = firstWait;
        this.maxWait = maxWait;
    }

    /** Whether a fit may be tried at {@code now}: no failure since the last success, or the wait has passed. */
    public boolean mayTry(Instant now) {
        return !now.isBefore(nextAttemptAt);
    }

    /** Records a failed fit at {@code now}; returns how long the next attempt waits. */
    public Duration failed(Instant now) {
        consecutiveFailures++;
        Duration wait = waitAfter(consecutiveFailures);
        nextAttemptAt = now.plus(wait);
        return wait;
    }

    /** Records a successful fit: the next failure waits the first wait again. */
    public void succeeded() {
        consecutiveFailures = 0;
        nextAttemptAt = Instant.MIN;
    }

    public int consecutiveFailures() {
        return consecutiveFailures;
    }

    /** firstWait * 2^(failures - 1), at most maxWait (no overflow however many failures). */
    private Duration waitAfter(int failures) {
        Duration wait = firstWait;
        for (int i = 1; i < failures && wait.compareTo(maxWait) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(maxWait) > 0 ? maxWait : wait;
    }
}
