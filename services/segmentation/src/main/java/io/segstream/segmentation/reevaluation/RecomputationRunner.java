package io.segstream.segmentation.reevaluation;

import io.segstream.segmentation.domain.EvaluationClock;
import io.segstream.segmentation.domain.Recomputation;
import io.segstream.segmentation.domain.RecomputationLog;
import io.segstream.segmentation.domain.Redefinitions;
import io.segstream.segmentation.domain.SegmentDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs the re-evaluation after a redefinition in the background (one at a time, in order of the PUTs), recording its
 * progress after every page. A failed run is recorded FAILED; the definition stays in force and customers pick it up
 * at their next event or sweep.
 */
@Component
public class RecomputationRunner implements DisposableBean {
    private static final Logger log = LoggerFactory.getLogger(RecomputationRunner.class);

    private final Redefinitions redefinitions;
    private final RecomputationLog runs;
    private final Clock clock;
    private final EvaluationClock evaluationClock;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "segment-recomputation");
        thread.setDaemon(true);
        return thread;
    });

    RecomputationRunner(Redefinitions redefinitions, RecomputationLog runs, Clock clock,
                        EvaluationClock evaluationClock) {
        this.evaluationClock = evaluationClock;
        this.redefinitions = redefinitions;
        this.runs = runs;
        this.clock = clock;
    }

    /** Starts re-evaluating every customer on this (just stored) definition; returns the run's id. */
    public String start(SegmentDefinition definition) {
        Recomputation created = new Recomputation(UUID.randomUUID().toString(), definition.key(),
                definition.version(), Recomputation.RUNNING, 0, 0, 0, clock.instant(), null);
        runs.save(created);
        executor.submit(() -> run(created));
        return created.id();
    }

    private void run(Recomputation created) {
        AtomicReference<Recomputation> state = new AtomicReference<>(created);
        try {
            redefinitions.reevaluate(created.key(), evaluationClock::now, new Redefinitions.Progress() {
                @Override
                public void started(long total) {
                    save(state.get().with(Recomputation.RUNNING, total, 0, 0, null));
                }

                @Override
                public void advanced(long done, long changes) {
                    Recomputation now = state.get();
                    save(now.with(Recomputation.RUNNING, Math.max(now.total(), done), done, changes, null));
                }

                @Override
                public void finished(long done, long changes) {
                    Recomputation now = state.get();
                    save(now.with(Recomputation.FINISHED, Math.max(now.total(), done), done, changes,
                            clock.instant()));
                }

                private void save(Recomputation next) {
                    state.set(next);
                    runs.save(next);
                }
            });
            log.info("re-evaluated {} customers on {} version {}", state.get().done(), created.key(),
                    created.definitionVersion());
        } catch (RuntimeException e) {
            log.warn("re-evaluation {} of {} failed ({})", created.id(), created.key(), e.getClass().getSimpleName());
            Recomputation now = state.get();
            runs.save(now.with(Recomputation.FAILED, now.total(), now.done(), now.changes(), clock.instant()));
        }
    }

    @Override
    public void destroy() {
        executor.shutdownNow();
    }
}
