package io.segstream.runtime.outbox;

import io.segstream.runtime.schedule.BackgroundSchedule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import java.util.List;

/**
 * Runs {@link Outbox#relayPending()} for every outbox of the service on one background thread, every
 * {@code segstream.outbox.relay-interval}. A failing pass (MongoDB or Kafka away) is logged and tried again at the
 * next interval. Stops before the Kafka producer and MongoDB client are closed (highest lifecycle phase).
 */
public class OutboxRelay implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final List<Outbox<?>> outboxes;
    private final OutboxProperties props;
    private final BackgroundSchedule schedule;

    public OutboxRelay(List<Outbox<?>> outboxes, OutboxProperties props) {
        this.outboxes = List.copyOf(outboxes);
        this.props = props;
        this.schedule = new BackgroundSchedule("outbox-relay", props.publishTimeout());
    }

    /** One pass over every outbox; also what the scheduler runs. */
    public void relayAll() {
        for (Outbox<?> outbox : outboxes) {
            try {
                outbox.relayPending();
            } catch (RuntimeException e) {
                log.warn("outbox relay pass over {} failed ({}); trying again in {}", outbox.collectionName(),
                        e.getClass().getSimpleName(), props.relayInterval());
            }
        }
    }

    @Override
    public synchronized void start() {
        if (!props.relayEnabled() || outboxes.isEmpty() || !schedule.start()) {
            return;
        }
        schedule.every(props.relayInterval(), props.relayInterval(), this::relayAll);
        log.info("outbox relay started for {} every {}", outboxes.stream().map(Outbox::collectionName).toList(),
                props.relayInterval());
    }

    @Override
    public void stop() {
        schedule.stop();
    }

    @Override
    public boolean isRunning() {
        return schedule.isRunning();
    }
}
