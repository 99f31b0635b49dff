package io.segstream.churn.domain.alerts;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * "Now" for alerts and the sweep, in whole milliseconds (alert times are stored as BSON dates).
 *
 * <ul>
 *   <li>{@link Mode#WALL_CLOCK}: the system clock (production);</li>
 *   <li>{@link Mode#EVENT_TIME}: the latest event time seen by this instance (a replay of history: the sweep then
 *       finds the customers that went silent in the replayed period, by the period's own time, not by today's); until
 *       an event was seen after start-up there is no time, and the sweep waits;</li>
 *   <li>a fixed instant ({@code segstream.churn.as-of}) overrides both.</li>
 * </ul>
 */
public final class AlertClock {
    /** Where "now" comes from. */
    public enum Mode { WALL_CLOCK, EVENT_TIME }

    private final Mode mode;
    private final Clock wall;
    private final Instant fixed;
    private final AtomicReference<Instant> latestEvent = new AtomicReference<>();

    public AlertClock(Mode mode, Clock wall, Instant fixed) {
        this.mode = mode;
        this.wall = wall;
        this.fixed = fixed;
    }

    /** Takes note of an event's time (only the latest counts). */
    public void observe(Instant eventTime) {
        if (eventTime != null) {
            latestEvent.accumulateAndGet(eventTime, (a, b) -> a == null || b.isAfter(a) ? b : a);
        }
    }

    /** Now, or empty in event-time mode before any event was seen. */
    public Optional<Instant> now() {
        Instant now = fixed != null ? fixed : mode == Mode.WALL_CLOCK ? wall.instant() : latestEvent.get();
        return Optional.ofNullable(now).map(instant -> instant.truncatedTo(ChronoUnit.MILLIS));
    }

    public Mode mode() {
        return mode;
    }
}
