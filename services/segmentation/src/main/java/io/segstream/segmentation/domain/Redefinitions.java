package io.segstream.segmentation.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Changing a definition: preview what it would change, store it as a new version, and re-evaluate every customer on
 * it page by page (one read and one bulk write per page) while events keep flowing. The re-evaluation classifies
 * exactly as the preview does (same profiles, same rule, same "current class" as the starting point), so absent
 * intervening events it emits exactly the changes the preview counted, with cause "redefinition".
 *
 * <p>Only the redefined definition is re-evaluated; audiences that read it follow at the customer's next event or
 * sweep.
 */
public final class Redefinitions {
    public static final String CAUSE = "redefinition";

    private final DefinitionCatalogue catalogue;
    private final ProfileQueries queries;
    private final Segmentation segmentation;
    private final ProfilePolicy policy;
    private final int pageSize;
    private final int sampleSize;
    private final int parallelPages;

    /** Receives the progress of a re-evaluation after each page. */
    public interface Progress {
        void started(long total);

        void advanced(long done, long changes);

        void finished(long done, long changes);
    }

    /**
     * @param parallelPages pages re-evaluated at once while the next is read: each page is a chain of round trips
     *                      (read, write, publish, clear), so one at a time leaves the database and the broker idle
     *                      most of the time
     */
    public Redefinitions(DefinitionCatalogue catalogue, ProfileQueries queries, Segmentation segmentation,
                         ProfilePolicy policy, int pageSize, int sampleSize, int parallelPages) {
        if (parallelPages < 1) {
            throw new IllegalArgumentException("parallel pages must be at least 1, not " + parallelPages);
        }
        this.catalogue = catalogue;
        this.queries = queries;
        this.segmentation = segmentation;
        this.policy = policy;
        this.pageSize = pageSize;
        this.sampleSize = sampleSize;
        this.parallelPages = parallelPages;
    }

    /**
     * What the definition would change as of {@code asOf}, without storing or applying anything.
     *
     * @throws InvalidDefinition when it does not compile or could not be stored (a kind change)
     */
    public Preview preview(SegmentDefinition proposed, Instant asOf) {
        Dimension dimension = catalogue.validate(proposed);
        Map<String, long[]> counts = new LinkedHashMap<>();
        Map<String, List<String>> enteredSample = new LinkedHashMap<>();
        Map<String, List<String>> leftSample = new LinkedHashMap<>();
        proposed.classNames().forEach(name -> counts.put(name, new long[2]));
        long evaluated = 0;
        long unchanged = 0;
        String after = null;
        while (true) {
            List<CustomerProfile> page = queries.profilesAfter(after, pageSize);
            for (CustomerProfile profile : page) {
                evaluated++;
                String from = currentClass(profile, dimension);
                String to = dimension.classify(catalogue.enrich(profile.figures(asOf, policy)),
                        profile.segmentsView()).className();
                if (Objects.equals(from, to)) {
                    unchanged++;
                    continue;
                }
                counts.computeIfAbsent(to, name -> new long[2])[0]++;
                sample(enteredSample, to, profile.customerId());
                if (from != null) {
                    counts.computeIfAbsent(from, name -> new long[2])[1]++;
                    sample(leftSample, from, profile.customerId());
                }
            }
            if (page.size() < pageSize) {
                break;
            }
            after = page.get(page.size() - 1).customerId();
        }
        Map<String, Preview.ClassMoves> classes = new LinkedHashMap<>();
        counts.forEach((name, moves) -> classes.put(name, new Preview.ClassMoves(moves[0], moves[1],
                enteredSample.getOrDefault(name, List.of()), leftSample.getOrDefault(name, List.of()))));
        return new Preview(proposed.key(), evaluated, unchanged, classes);
    }

    /** Validates and stores the definition as a new version, which events use from now on. */
    public SegmentDefinition define(SegmentDefinition proposed) {
        return catalogue.define(proposed);
    }

    /**
     * Re-evaluates every stored customer on the current version of {@code key} as of {@code asOf()} of each page,
     * publishing the resulting changes. A page written concurrently by an event is read again and retried.
     */
    public void reevaluate(String key, java.util.function.Supplier<Instant> clock, Progress progress) {
        Dimension dimension = catalogue.dimensions().stream().filter(d -> d.key().equals(key)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no definition " + key));
        reevaluate(List.of(dimension), CAUSE, clock, progress);
    }

    /**
     * Re-scores every customer after the RFM population changed: the {@code rfm} dimension and the audiences (which
     * may read it), with cause "sweep" (the clock and the population moved, not a definition). Only customers whose
     * class changes are written. Nothing to do without an {@code rfm} definition.
     *
     * @return the changes published
     */
    public long rescoreRfm(java.util.function.Supplier<Instant> clock) {
        List<Dimension> dimensions = catalogue.dimensions().stream()
                .filter(d -> d.key().equals(RFM_KEY) || d.kind() == DefinitionKind.AUDIENCE).toList();
        if (dimensions.stream().noneMatch(d -> d.key().equals(RFM_KEY))) {
            return 0;
        }
        long[] changes = new long[1];
        reevaluate(dimensions, Segmentation.SWEEP, clock, new Progress() {
            @Override
            public void started(long total) {
            }

            @Override
            public void advanced(long done, long published) {
                changes[0] = published;
            }

            @Override
            public void finished(long done, long published) {
                changes[0] = published;
            }
        });
        return changes[0];
    }

    /** The key of the RFM dimension that {@link #rescoreRfm} re-evaluates. */
    public static final String RFM_KEY = "rfm";

    /**
     * Reads the pages one after another and re-evaluates up to {@code parallelPages} of them at once (pages hold
     * distinct customers, so they never write the same profile). Progress counts finished pages, in any order; the
     * first failure stops the reading and is rethrown once the pages under way have finished.
     */
    private void reevaluate(List<Dimension> dimensions, String cause, java.util.function.Supplier<Instant> clock,
                            Progress progress) {
        progress.started(queries.countProfiles());
        PageProgress counted = new PageProgress(progress);
        ExecutorService workers = Executors.newFixedThreadPool(parallelPages, new DaemonThreads("reevaluation-page"));
        Semaphore slots = new Semaphore(parallelPages);
        List<Future<?>> underWay = new ArrayList<>();
        try {
            String after = null;
            while (counted.failure() == null) {
                List<CustomerProfile> page = queries.profilesAfter(after, pageSize);
                slots.acquire();
                String pageAfter = after;
                underWay.add(workers.submit(() -> {
                    try {
                        BatchResult result = reevaluatePage(page, dimensions, cause, pageAfter, clock);
                        counted.finished(page.size(), result.published().size());
                    } catch (RuntimeException e) {
                        counted.failed(e);
                    } finally {
                        slots.release();
                    }
                }));
                if (page.size() < pageSize) {
                    break;
                }
                after = page.get(page.size() - 1).customerId();
            }
            for (Future<?> page : underWay) {
                page.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("re-evaluation interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a re-evaluation page failed", e.getCause());
        } finally {
            workers.shutdownNow();
        }
        if (counted.failure() != null) {
            throw counted.failure();
        }
        counted.done();
    }

    /** The progress of pages finishing in any order, reported in order of the counts (never going back). */
    private static final class PageProgress {
        private final Progress progress;
        private long done;
        private long changes;
        private final AtomicReference<RuntimeException> failure = new AtomicReference<>();

        PageProgress(Progress progress) {
            this.progress = progress;
        }

        synchronized void finished(int profiles, int published) {
            done += profiles;
            changes += published;
            progress.advanced(done, changes);
        }

        /** Keeps the first failure: pages fail concurrently. */
        void failed(RuntimeException e) {
            failure.compareAndSet(null, e);
        }

        RuntimeException failure() {
            return failure.get();
        }

        synchronized void done() {
            progress.finished(done, changes);
        }
    }

    private BatchResult reevaluatePage(List<CustomerProfile> page, List<Dimension> dimensions, String cause,
                                       String after, java.util.function.Supplier<Instant> clock) {
        List<CustomerProfile> current = page;
        while (true) {
            try {
                return segmentation.reevaluate(current, dimensions, clock.get(), cause);
            } catch (ConcurrentProfileUpdate e) {
                // An event wrote one of them meanwhile: read the same page again (the event's change already used
                // the new version, so re-evaluating it is a no-op).
                current = queries.profilesAfter(after, page.size());
            }
        }
    }

    private static String currentClass(CustomerProfile profile, Dimension dimension) {
        return profile.currentClass(dimension.key()).map(CurrentClass::className)
                .orElse(dimension.kind() == DefinitionKind.AUDIENCE ? DefinitionKind.NOT_MEMBER : null);
    }

    private void sample(Map<String, List<String>> samples, String className, String customerId) {
        List<String> sample = samples.computeIfAbsent(className, name -> new ArrayList<>());
        if (sample.size() < sampleSize) {
            sample.add(customerId);
        }
    }
}
