package io.segstream.churn.schedule;

import io.segstream.churn.config.ChurnProperties;
import io.segstream.churn.domain.alerts.AlertClock;
import io.segstream.churn.domain.alerts.AlertOutcome;
import io.segstream.churn.domain.alerts.Alerting;
import io.segstream.churn.messaging.AlertMetrics;
import io.segstream.runtime.schedule.BackgroundSchedule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Runs the silent-customer sweep every {@code alerts.sweep-interval} (customers whose next check is due by the alert
 * clock's now, read through the next-check index) and the relay of pending alert messages every
 * {@code alerts.relay-interval}; refreshes the alert gauges after each sweep. A failed pass is logged and retried at
 * the next interval.
 */
@Component
class AlertSchedule implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(AlertSchedule.class);

    private final Alerting alerting;
    private final AlertClock alertClock;
    private final AlertMetrics metrics;
    private final ChurnProperties.Alerts settings;
    private final Clock clock;
    /** How long stopping waits for a running pass to finish. */
    private static final Duration STOP_WAIT = Duration.ofSeconds(10);

    private final BackgroundSchedule schedule = new BackgroundSchedule("churn-alert-sweep", STOP_WAIT);

    AlertSchedule(Alerting alerting, AlertClock alertClock, AlertMetrics metrics, ChurnProperties props, Clock clock) {
        this.alerting = alerting;
        this.alertClock = alertClock;
        this.metrics = metrics;
        this.settings = props.alerts();
        this.clock = clock;
    }

    void sweep() {
        try {
            Optional<Instant> now = alertClock.now();
            if (now.isPresent()) {
                AlertOutcome outcome = metrics.sweepTimer().record(() -> alerting.sweep(now.get(),
                        settings.sweepPageSize()));
                metrics.changed(outcome);
                if (!outcome.changes().isEmpty() || outcome.conflicts() > 0) {
                    log.info("sweep: {} customers checked, {} alert changes, {} conflicts", outcome.customers(),
                            outcome.changes().size(), outcome.conflicts());
                }
            }
            metrics.refresh();
        } catch (RuntimeException e) {
            log.warn("sweep failed ({}); trying again in {}", e.getClass().getSimpleName(), settings.sweepInterval());
        }
    }

    void relay() {
        try {
            int relayed = alerting.relay(clock.instant().minus(settings.relayGrace()), settings.relayBatchSize());
            if (relayed > 0) {
                log.info("relayed {} pending alert messages", relayed);
            }
        } catch (RuntimeException e) {
            log.warn("alert relay failed ({}); trying again in {}", e.getClass().getSimpleName(),
                    settings.relayInterval());
        }
    }

    @Override
    public synchronized void start() {
        if (!schedule.start()) {
            return;
        }
        schedule.every(settings.sweepInterval(), settings.sweepInterval(), this::sweep);
        schedule.every(settings.relayInterval(), Duration.ZERO, this::relay);
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
