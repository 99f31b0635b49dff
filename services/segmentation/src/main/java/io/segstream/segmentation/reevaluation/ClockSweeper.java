package io.segstream.segmentation.reevaluation;

import io.segstream.segmentation.config.SegmentationProperties;
import io.segstream.segmentation.domain.DefinitionCatalogue;
import io.segstream.segmentation.domain.EvaluationClock;
import io.segstream.segmentation.domain.Segmentation;
import io.segstream.segmentation.domain.SweepSummary;
import io.segstream.runtime.schedule.BackgroundSchedule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;

/**
 * Moves customers whose classes change with the passage of time alone (silence crossing a recency threshold, facts
 * leaving a window), every {@code sweep.interval}, as of the evaluation clock (the wall clock, or event time during a
 * replay). Only profiles whose indexed next-evaluation instant has come are read. A failed pass is retried next time.
 */
@Component
public class ClockSweeper implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(ClockSweeper.class);

    private final Segmentation segmentation;
    private final DefinitionCatalogue catalogue;
    private final EvaluationClock clock;
    private final SegmentationProperties.Sweep settings;
    private final BackgroundSchedule schedule;

    ClockSweeper(Segmentation segmentation, DefinitionCatalogue catalogue, EvaluationClock clock,
                 SegmentationProperties props) {
        this.catalogue = catalogue;
        this.segmentation = segmentation;
        this.clock = clock;
        this.settings = props.sweep();
        // Stopping lets a pass that is publishing finish before the producer closes.
        this.schedule = new BackgroundSchedule("segment-sweep", settings.interval());
    }

    /** One sweep as of the evaluation clock; what the schedule runs. */
    public SweepSummary sweep() {
        return sweep(clock.now());
    }

    /**
     * One sweep as of {@code asOf}. It first re-reads the definitions, so that a change stored through another
     * instance is in force here within one sweep interval.
     */
    public SweepSummary sweep(Instant asOf) {
        try {
            catalogue.reload();
            SweepSummary summary = segmentation.sweep(asOf, settings.batchSize(), settings.parallelBatches());
            if (summary.customers() > 0) {
                log.info("sweep re-evaluated {} customers: {} changes", summary.customers(), summary.changes());
            }
            return summary;
        } catch (RuntimeException e) {
            log.warn("sweep failed ({}); trying again in {}", e.getClass().getSimpleName(), settings.interval());
            return SweepSummary.NOTHING;
        }
    }

    @Override
    public synchronized void start() {
        if (!settings.enabled() || !schedule.start()) {
            return;
        }
        schedule.every(settings.interval(), settings.interval(), this::sweep);
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
