package io.segstream.segmentation.domain;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The instant as of which customers are classified. Normally the wall clock; during a historical replay it can
 * follow event time instead: then "now" is the newest event time seen so far (the watermark), so recency, windows
 * and sweeps behave as they did when the history happened. Until a first event is seen it is the wall clock.
 */
public final class EvaluationClock {
    private final Clock wall;
    private final boolean followEventTime;
    private final AtomicReference<Instant> watermark = new AtomicReference<>();

    public EvaluationClock(Clock wall, boolean followEventTime) {
        this.wall = wall;
        this.followEventTime = followEventTime;
    }

    /** Notes that an event of this time was seen (moves the watermark forward only). */
    public void observe(Instant eventTime) {
        if (eventTime != null) {
            watermark.accumulateAndGet(eventTime, (seen, next) -> seen == null || next.isAfter(seen) ? next : seen);
        }
    }

    public Instant now() {
        Instant seen = watermark.get();
        return followEventTime && seen != null ? seen : wall.instant();
    }

    public boolean followsEventTime() {
        return followEventTime;
    }
}
