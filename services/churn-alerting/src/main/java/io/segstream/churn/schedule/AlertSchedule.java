package io.segstream.churn.schedule;

import io.segstream.churn.config.ChurnProperties;
import io.segstream.churn.domain.alerts.AlertClock;
import io.segstream.churn.domain.alerts.AlertOutcome;
import io.segstream.churn.domain.alerts.Alerting;
import io.segstream.churn.messaging.AlertMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

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
    private ScheduledExecutorService scheduler;

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
        scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "churn-alert-sweep");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(this::sweep, settings.sweepInterval().toMillis(),
                settings.sweepInterval().toMillis(), TimeUnit.MILLISECONDS);
        scheduler.scheduleWithFixedDelay(this::relay, 0, settings.relayInterval().toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return scheduler != null;
    }
}
