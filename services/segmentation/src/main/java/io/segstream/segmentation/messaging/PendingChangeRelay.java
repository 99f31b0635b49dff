package io.segstream.segmentation.messaging;

import io.segstream.segmentation.config.SegmentationProperties;
import io.segstream.segmentation.domain.ClassChange;
import io.segstream.segmentation.domain.Segmentation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Publishes changes that a crash or a broker outage left pending in profiles: at start-up and then every
 * {@code segstream.segmentation.change-relay.interval}, for profiles untouched for the grace period (a profile
 * written more recently is published by its own writer). A failed pass is logged and tried again next time.
 */
@Component
class PendingChangeRelay implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(PendingChangeRelay.class);

    private final Segmentation segmentation;
    private final SegmentationProperties.ChangeRelay settings;
    private final Clock clock;
    private ScheduledExecutorService scheduler;

    PendingChangeRelay(Segmentation segmentation, SegmentationProperties props, Clock clock) {
        this.segmentation = segmentation;
        this.settings = props.changeRelay();
        this.clock = clock;
    }

    /** One pass; also what the schedule runs. */
    List<ClassChange> relay() {
        try {
            List<ClassChange> relayed = segmentation.relayPendingChanges(clock.instant().minus(settings.grace()),
                    settings.batchSize());
            if (!relayed.isEmpty()) {
                log.info("relayed {} pending segment changes", relayed.size());
            }
            return relayed;
        } catch (RuntimeException e) {
            log.warn("segment change relay pass failed ({}); trying again in {}", e.getClass().getSimpleName(),
                    settings.interval());
            return List.of();
        }
    }

    @Override
    public synchronized void start() {
        if (scheduler != null || !settings.enabled()) {
            return;
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "segment-change-relay");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(this::relay, 0, settings.interval().toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (scheduler == null) {
            return;
        }
        scheduler.shutdownNow();
        try {
            // Let a pass that is publishing finish before the producer closes.
            scheduler.awaitTermination(settings.interval().toMillis(), TimeUnit.MILLISECONDS);
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
