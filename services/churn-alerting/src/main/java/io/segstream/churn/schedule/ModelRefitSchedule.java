package io.segstream.churn.schedule;

import io.segstream.churn.audit.ChurnAudit;
import io.segstream.churn.config.ChurnProperties;
import io.segstream.churn.domain.FitBackoff;
import io.segstream.churn.domain.ModelFit;
import io.segstream.churn.domain.ModelFitting;
import io.segstream.runtime.schedule.BackgroundSchedule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Keeps a current model: at start-up it loads the latest stored fit, then every {@code model.check-interval} it fits
 * when none exists yet and the activity view holds {@code model.min-customers} customers (so the local stack's demo
 * gets scores once its traffic has arrived), or when the current fit is older than {@code model.refit-interval}.
 * The fit is "as of" {@code segstream.churn.as-of} when set, else now. Each fit is audited (actor {@code system}).
 * After a failed fit the next attempt waits longer each time, up to {@code model.max-retry-wait} ({@link FitBackoff}).
 */
@Component
class ModelRefitSchedule implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(ModelRefitSchedule.class);

    private final ModelFitting fitting;
    private final ChurnAudit audit;
    private final ChurnProperties props;
    private final Clock clock;
    /** How long stopping waits for a running pass to finish. */
    private static final Duration STOP_WAIT = Duration.ofSeconds(10);

    private final BackgroundSchedule schedule = new BackgroundSchedule("churn-model-refit", STOP_WAIT);
    private final FitBackoff backoff;

    ModelRefitSchedule(ModelFitting fitting, ChurnAudit audit, ChurnProperties props, Clock clock) {
        this.fitting = fitting;
        this.audit = audit;
        this.props = props;
        this.clock = clock;
        this.backoff = new FitBackoff(props.model().checkInterval(), props.model().maxRetryWait());
    }

    void check() {
        Instant now = clock.instant();
        try {
            fitting.reload();
        } catch (RuntimeException e) {
            log.warn("churn model check failed ({}); trying again in {}", e.getClass().getSimpleName(),
                    props.model().checkInterval());
            return;
        }
        if (!props.model().autoFit() || !backoff.mayTry(now)) {
            return;
        }
        ModelFit fit;
        try {
            if (!fitting.fitDue(now, props.model().minCustomers(), props.model().refitInterval())) {
                return;
            }
            fit = fitting.fit(props.asOf() != null ? props.asOf() : now, now);
        } catch (RuntimeException e) {
            Duration wait = backoff.failed(now);
            log.warn("churn model fit failed ({}: {}); {} failure(s) in a row, trying again in {}",
                    e.getClass().getSimpleName(), e.getMessage(), backoff.consecutiveFailures(), wait);
            return;
        }
        backoff.succeeded();
        log.info("fitted the churn model on {} customers in {} ms", fit.fitted().customers(),
                fit.fitted().fitDuration().toMillis());
        try {
            audit.modelFitted(fit, ChurnAudit.FitTrigger.SCHEDULE);
        } catch (RuntimeException e) {
            log.warn("churn model fitted but not audited ({})", e.getClass().getSimpleName());
        }
    }

    @Override
    public synchronized void start() {
        if (!schedule.start()) {
            return;
        }
        schedule.every(props.model().checkInterval(), Duration.ZERO, this::check);
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
