package io.segstream.segmentation.stream;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * The definitions' fingerprint, read once per round of background work for all of an instance's tasks. They read the
 * same global store, and reading it copies every stored version's bytes: read by each task every round, it would be most
 * of the service's garbage.
 */
final class DefinitionsFingerprint {
    private final long reuseWithinMs;
    private long readAt = Long.MIN_VALUE;
    private long fingerprint;

    /** @param interval how often tasks do background work: a fingerprint read within half of it is reused */
    DefinitionsFingerprint(Duration interval) {
        this.reuseWithinMs = interval.toMillis() / 2;
    }

    /** The fingerprint as of {@code nowMs} (the punctuation's clock): read again unless read within the round. */
    synchronized long at(long nowMs, LongSupplier read) {
        if (readAt == Long.MIN_VALUE || nowMs < readAt || nowMs - readAt >= reuseWithinMs) {
            fingerprint = read.getAsLong();
            readAt = nowMs;
        }
        return fingerprint;
    }
}
