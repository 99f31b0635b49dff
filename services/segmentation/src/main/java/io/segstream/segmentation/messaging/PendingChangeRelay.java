package io.segstream.segmentation.messaging;

import io.segstream.segmentation.config.SegmentationProperties;
import io.segstream.segmentation.domain.ClassChange;
import io.segstream.segmentation.domain.Segmentation;
import io.segstream.runtime.schedule.BackgroundSchedule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

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
    private final BackgroundSchedule schedule;

    PendingChangeRelay(Segmentation segmentation, SegmentationProperties props, Clock clock) {
        this.segmentation = segmentation;
        this.settings = props.changeRelay();
        // Stopping lets a pass that is publishing finish before the producer closes.
        this.schedule = new BackgroundSchedule("segment-change-relay", settings.interval());
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
        if (!settings.enabled() || !schedule.start()) {
            return;
        }
        schedule.every(settings.interval(), Duration.ZERO, this::relay);
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
