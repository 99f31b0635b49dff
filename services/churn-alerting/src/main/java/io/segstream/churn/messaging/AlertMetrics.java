package io.segstream.churn.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.Timer;
import io.segstream.churn.domain.ModelFitting;
import io.segstream.churn.domain.alerts.AlertCounts;
import io.segstream.churn.domain.alerts.AlertOutcome;
import io.segstream.churn.domain.alerts.AlertStore;
import io.segstream.contracts.churn.AlertLevel;
import io.segstream.contracts.churn.AlertStatus;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Ops metrics of the alerts: state changes counted as they are written (Prometheus' rate() gives them per hour),
 * open alerts per level and the win-back rate as gauges refreshed from MongoDB after every sweep (never on scrape),
 * the model's age and the sweep duration.
 */
@Component
public class AlertMetrics {
    private final AlertStore store;
    private final Counter raised;
    private final Counter escalated;
    private final Counter resolved;
    private final Counter winBacks;
    private final Timer sweep;
    private final Map<AlertLevel, AtomicLong> open = new EnumMap<>(AlertLevel.class);
    private final AtomicReference<Double> winBackRate = new AtomicReference<>(Double.NaN);

    AlertMetrics(MeterRegistry meters, AlertStore store, ModelFitting fitting, Clock clock) {
        this.store = store;
        this.raised = Counter.builder("segstream.churn.alerts.raised").description("alerts opened").register(meters);
        this.escalated = Counter.builder("segstream.churn.alerts.escalated").description("alerts escalated")
                .register(meters);
        this.resolved = Counter.builder("segstream.churn.alerts.resolved").description("alerts resolved")
                .register(meters);
        this.winBacks = Counter.builder("segstream.churn.alerts.winbacks")
                .description("alerts resolved because the customer bought again").register(meters);
        this.sweep = Timer.builder("segstream.churn.sweep.duration").description("one sweep of due customers")
                .register(meters);
        for (AlertLevel level : AlertLevel.values()) {
            AtomicLong count = new AtomicLong();
            open.put(level, count);
            Gauge.builder("segstream.churn.alerts.open", count, AtomicLong::get).tag("level", level.name())
                    .description("open (OPEN or ESCALATED) alerts").register(meters);
        }
        Gauge.builder("segstream.churn.alerts.winback.rate", winBackRate, AtomicReference::get)
                .description("share of resolved alerts resolved by a purchase").register(meters);
        TimeGauge.builder("segstream.churn.model.age", fitting, TimeUnit.SECONDS, f -> f.currentFit()
                        .map(fit -> Duration.between(fit.fittedAt(), clock.instant()).toMillis() / 1000.0)
                        .orElse(Double.NaN))
                .description("time since the current churn model was fitted")
                .register(meters);
    }

    public void changed(AlertOutcome outcome) {
        raised.increment(outcome.count(AlertStatus.OPEN));
        escalated.increment(outcome.count(AlertStatus.ESCALATED));
        resolved.increment(outcome.count(AlertStatus.RESOLVED));
        winBacks.increment(outcome.winBacks());
    }

    public void resolvedByOperator() {
        resolved.increment();
    }

    public Timer sweepTimer() {
        return sweep;
    }

    /** Re-reads the open alerts per level and the win-back rate (two aggregations). */
    public void refresh() {
        store.openByLevel().forEach((level, count) -> open.get(level).set(count));
        AlertCounts totals = store.totals();
        winBackRate.set(totals.resolvedCount() == 0 ? Double.NaN
                : (double) totals.winBackCount() / totals.resolvedCount());
    }
}
