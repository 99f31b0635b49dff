package io.segstream.segmentation.reevaluation;

import io.segstream.segmentation.config.SegmentationProperties;
import io.segstream.segmentation.domain.CustomerProfile;
import io.segstream.segmentation.domain.DefinitionCatalogue;
import io.segstream.segmentation.domain.EvaluationClock;
import io.segstream.segmentation.domain.ProfileQueries;
import io.segstream.segmentation.domain.Redefinitions;
import io.segstream.segmentation.domain.RfmPopulation;
import io.segstream.segmentation.domain.Segmentation;
import io.segstream.runtime.schedule.BackgroundSchedule;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Recomputes the RFM population (every stored customer's recency, frequency and net spend as of the evaluation
 * clock) and the segment-size gauges at start-up and then every {@code rfm.refresh-interval}, by paging through the profiles; then re-scores every
 * customer on the rfm dimension and the audiences against it (a second pass, writing only customers whose class
 * changes; cause "sweep"). Refreshes take at most {@code rfm.max-busy-share} of the time: after a long one (minutes, at a
 * million customers) the pause grows, so that they do not run back to back and crowd out re-evaluations and events.
 */
@Component
public class RfmRefresher implements SmartLifecycle, DisposableBean {
    private static final Logger log = LoggerFactory.getLogger(RfmRefresher.class);

    private final ProfileQueries queries;
    private final Segmentation segmentation;
    private final DefinitionCatalogue catalogue;
    private final EvaluationClock clock;
    private final SegmentationProperties.Rfm settings;
    private final int pageSize;
    private final MultiGauge sizes;
    private final Timer refreshes;
    private final Redefinitions redefinitions;
    /** How long stopping waits for a running pass to finish. */
    private static final Duration STOP_WAIT = Duration.ofSeconds(10);

    private final BackgroundSchedule schedule = new BackgroundSchedule("rfm-population", STOP_WAIT);
    /** Refreshes asked for out of schedule (an erasure): coalesced, one at a time, off the caller's thread. */
    private final AtomicBoolean requested = new AtomicBoolean();
    private final ExecutorService onRequest = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "rfm-population-on-request");
        thread.setDaemon(true);
        return thread;
    });

    RfmRefresher(ProfileQueries queries, Segmentation segmentation, DefinitionCatalogue catalogue,
                 EvaluationClock clock, Redefinitions redefinitions, SegmentationProperties props,
                 MeterRegistry meters) {
        this.redefinitions = redefinitions;
        this.queries = queries;
        this.segmentation = segmentation;
        this.catalogue = catalogue;
        this.clock = clock;
        this.settings = props.rfm();
        this.pageSize = props.redefinition().pageSize();
        Gauge.builder("segstream.segmentation.rfm.population", catalogue, c -> c.population().size())
                .description("customers in the population RFM scores are quintiles of").register(meters);
        this.refreshes = Timer.builder("segstream.segmentation.rfm.refresh")
                .description("scheduled RFM population refreshes, each with its re-scoring pass").register(meters);
        this.sizes = MultiGauge.builder("segstream.segmentation.segment.size")
                .description("customers per class of each definition, as of the last population scan")
                .register(meters);
    }

    /**
     * One refresh; also what the schedule runs. The same scan counts the customers per class of every definition,
     * published as the gauge {@code segstream.segmentation.segment.size}. Returns the new population's size, or -1
     * when it failed.
     */
    public synchronized int refresh() {
        try {
            Instant asOf = clock.now();
            RfmPopulation.Builder population = new RfmPopulation.Builder();
            Map<List<String>, Long> counts = new HashMap<>();
            catalogue.definitions().forEach(definition -> definition.classNames().forEach(name ->
                    counts.put(List.of(definition.key(), name), 0L)));
            String after = null;
            while (true) {
                List<CustomerProfile> page = queries.profilesAfter(after, pageSize);
                page.forEach(profile -> {
                    population.add(profile.figures(asOf, segmentation.policy()));
                    profile.classes().forEach(current -> counts.merge(List.of(current.key(), current.className()),
                            1L, Long::sum));
                });
                if (page.size() < pageSize) {
                    break;
                }
                after = page.get(page.size() - 1).customerId();
            }
            RfmPopulation built = population.build();
            catalogue.usePopulation(built);
            long moved = redefinitions.rescoreRfm(clock::now);
            if (moved > 0) {
                log.info("re-scored RFM against a population of {}: {} changes", built.size(), moved);
            }
            sizes.register(counts.entrySet().stream().map(entry -> MultiGauge.Row.of(
                    Tags.of("key", entry.getKey().get(0), "class", entry.getKey().get(1)), entry.getValue()))
                    .toList(), true);
            return built.size();
        } catch (RuntimeException e) {
            log.warn("RFM population refresh failed ({}); trying again in {}", e.getClass().getSimpleName(),
                    settings.refreshInterval());
            return -1;
        }
    }

    /**
     * Asks for a refresh soon, off the caller's thread (after an erasure, so that the population and the size gauges
     * no longer count the erased customer). Requests made while one is waiting are served by it.
     */
    public void refreshSoon() {
        if (requested.compareAndSet(false, true)) {
            onRequest.execute(() -> {
                requested.set(false);
                refresh();
            });
        }
    }

    @Override
    public void destroy() {
        onRequest.shutdownNow();
    }

    @Override
    public synchronized void start() {
        if (!settings.refreshEnabled() || !schedule.start()) {
            return;
        }
        schedule.repeat(Duration.ZERO, settings.refreshInterval(), () -> {
            long started = System.nanoTime();
            refresh();
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            refreshes.record(took);
            Duration pause = pauseAfter(took, settings);
            if (pause.compareTo(settings.refreshInterval()) > 0) {
                log.info("RFM refresh took {} s: next in {} s (refreshes take at most {} % of the time)",
                        took.toSeconds(), pause.toSeconds(), Math.round(settings.maxBusyShare() * 100));
            }
            return pause;
        });
    }

    /** The pause after a refresh that took {@code took}: the interval, or longer to keep to the busy share. */
    static Duration pauseAfter(Duration took, SegmentationProperties.Rfm settings) {
        double share = settings.maxBusyShare();
        Duration bound = Duration.ofMillis((long) Math.ceil(took.toMillis() * (1 - share) / share));
        return bound.compareTo(settings.refreshInterval()) > 0 ? bound : settings.refreshInterval();
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
