package io.segstream.runtime.outbox;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@link Outbox#relayPending()} for every outbox of the service on one background thread, every
 * {@code segstream.outbox.relay-interval}. A failing pass (MongoDB or Kafka away) is logged and tried again at the
 * next interval. Stops before the Kafka producer and MongoDB client are closed (highest lifecycle phase).
 */
public class OutboxRelay implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final List<Outbox<?>> outboxes;
    private final OutboxProperties props;
    private ScheduledExecutorService scheduler;

    public OutboxRelay(List<Outbox<?>> outboxes, OutboxProperties props) {
        this.outboxes = List.copyOf(outboxes);
        this.props = props;
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
        if (scheduler != null || !props.relayEnabled() || outboxes.isEmpty()) {
            return;
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "outbox-relay");
            thread.setDaemon(true);
            return thread;
        });
        long interval = props.relayInterval().toMillis();
        scheduler.scheduleWithFixedDelay(this::relayAll, interval, interval, TimeUnit.MILLISECONDS);
        log.info("outbox relay started for {} every {}", outboxes.stream().map(Outbox::collectionName).toList(),
                props.relayInterval());
    }

    @Override
    public synchronized void stop() {
        if (scheduler == null) {
            return;
        }
        scheduler.shutdownNow();
        try {
            scheduler.awaitTermination(props.publishTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        scheduler = null;
    }

    @Override
    public synchronized boolean isRunning() {
        return scheduler != null;
    }
}
