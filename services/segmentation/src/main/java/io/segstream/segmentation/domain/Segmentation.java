package io.segstream.segmentation.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The segmentation use cases: apply a batch of purchase or feedback events to the customers' profiles and publish the class
 * changes they cause; relay changes left pending; read a profile. Plain Java: time comes in as arguments.
 *
 * <p>No dual write: a batch's profiles are written together with their pending changes (one atomic document write
 * per customer), then the changes are published, then removed from the documents. A crash in between leaves them
 * pending in the document, where the next batch for that customer or the relay finds and publishes them.
 */
public final class Segmentation {
    private final ProfileStore store;
    private final ChangePublisher publisher;
    private final SegmentCatalogue catalogue;
    private final ProfilePolicy policy;
    /** The cause of changes the clock alone brought about. */
    public static final String SWEEP = "sweep";

    public Segmentation(ProfileStore store, ChangePublisher publisher, SegmentCatalogue catalogue,
                        ProfilePolicy policy) {
        this.store = store;
        this.publisher = publisher;
        this.catalogue = catalogue;
        this.policy = policy;
    }

    /**
     * Applies the events (in the given order per customer) with one read and one write for the whole batch, then
     * publishes the resulting changes, classified as of {@code asOf}.
     *
     * @throws ConcurrentProfileUpdate when a profile was written concurrently: retry the batch
     * @throws ChangesNotPublished     when the changes were stored but not acknowledged: retrying the batch (or the
     *                                 relay) publishes them
     */
    public BatchResult apply(List<? extends CustomerFact> facts, Instant asOf) {
        if (facts.isEmpty()) {
            return new BatchResult(0, 0, 0, List.of());
        }
        Map<String, List<CustomerFact>> byCustomer = new LinkedHashMap<>();
        facts.forEach(fact -> byCustomer.computeIfAbsent(fact.customerId(), id -> new ArrayList<>()).add(fact));
        Map<String, CustomerProfile> stored = store.findAll(byCustomer.keySet());
        int applied = 0;
        int duplicates = 0;
        int tooLate = 0;
        List<CustomerProfile> updated = new ArrayList<>();
        List<CustomerProfile> withPending = new ArrayList<>();
        for (Map.Entry<String, List<CustomerFact>> customer : byCustomer.entrySet()) {
            CustomerProfile profile = stored.getOrDefault(customer.getKey(),
                    CustomerProfile.newCustomer(customer.getKey()));
            boolean changed = false;
            for (CustomerFact fact : customer.getValue()) {
                switch (profile.apply(fact, asOf, policy, catalogue).outcome()) {
                    case APPLIED -> {
                        applied++;
                        changed = true;
                    }
                    case DUPLICATE -> duplicates++;
                    case TOO_LATE -> tooLate++;
                }
            }
            if (changed) {
                profile.planNextReevaluation(catalogue.clockSensitivity(), asOf, policy);
                updated.add(profile);
            }
            if (profile.hasPendingChanges()) {
                withPending.add(profile);
            }
        }
        store.saveAll(updated);
        updated.forEach(CustomerProfile::markSaved);
        return new BatchResult(applied, duplicates, tooLate, publishPending(withPending));
    }

    /**
     * Publishes, {@code batchSize} profiles at a time, the changes that have been pending since {@code cutoff} or
     * earlier: those a crash or a broker outage left behind.
     *
     * @return the changes published
     */
    public List<ClassChange> relayPendingChanges(Instant cutoff, int batchSize) {
        List<ClassChange> relayed = new ArrayList<>();
        while (true) {
            List<CustomerProfile> due = store.withPendingChangesSince(cutoff, batchSize);
            if (due.isEmpty()) {
                return relayed;
            }
            List<ClassChange> published = due.stream().flatMap(p -> p.pendingChanges().stream()).toList();
            publisher.publish(published);
            relayed.addAll(published);
            Set<String> cleared = clear(due);
            // A profile rewritten meanwhile is no longer due; stop if nothing could be cleared, to never spin.
            if (due.size() < batchSize || cleared.isEmpty()) {
                return relayed;
            }
        }
    }

    /**
     * Re-classifies stored profiles on the given definitions as of {@code asOf}, for a reason other than an event
     * ({@code cause}: "redefinition" or "sweep"): one bulk write for the profiles whose classes or definition
     * versions changed, then the changes are published like an event batch's.
     *
     * @throws ConcurrentProfileUpdate when a profile was written concurrently: re-read the page and retry
     */
    public BatchResult reevaluate(List<CustomerProfile> profiles, List<Dimension> dimensions, Instant asOf,
                                  String cause) {
        return reevaluate(profiles, dimensions, asOf, cause, false);
    }

    /** @param writeAll write every profile (the sweep: each one's planned instant moves on), not just changed ones */
    private BatchResult reevaluate(List<CustomerProfile> profiles, List<Dimension> dimensions, Instant asOf,
                                   String cause, boolean writeAll) {
        List<CustomerProfile> updated = new ArrayList<>();
        List<CustomerProfile> withPending = new ArrayList<>();
        SegmentCatalogue scope = new SegmentCatalogue() {
            @Override
            public List<Dimension> dimensions() {
                return dimensions;
            }

            @Override
            public ProfileFigures enrich(ProfileFigures figures) {
                return catalogue.enrich(figures);
            }
        };
        // Re-evaluating only some dimensions (a redefinition, the RFM re-scoring) must not plan a customer who is due
        // for the others past that instant: the sweep would skip them and their classes would stay stale.
        boolean everyDimension = dimensions.size() == catalogue.dimensions().size();
        for (CustomerProfile profile : profiles) {
            boolean outdated = dimensions.stream().anyMatch(dimension -> profile.currentClass(dimension.key())
                    .map(current -> current.definitionVersion() != dimension.definitionVersion()).orElse(true));
            List<ClassChange> changes = profile.reclassify(scope, asOf, policy, cause);
            if (outdated || !changes.isEmpty() || writeAll) {
                if (everyDimension) {
                    profile.planNextReevaluation(catalogue.clockSensitivity(), asOf, policy);
                } else {
                    profile.planNextReevaluationKeepingEarlier(catalogue.clockSensitivity(), asOf, policy);
                }
                updated.add(profile);
            }
            if (profile.hasPendingChanges()) {
                withPending.add(profile);
            }
        }
        store.saveAll(updated);
        updated.forEach(CustomerProfile::markSaved);
        return new BatchResult(updated.size(), 0, 0, publishPending(withPending));
    }

    /**
     * Re-evaluates, {@code batchSize} at a time, every customer whose classes can have changed with the clock by
     * {@code asOf} (their planned instant has come), with cause "sweep". A page written concurrently is retried.
     *
     * @return how many customers were re-evaluated and how many changes were published
     */
    public SweepSummary sweep(Instant asOf, int batchSize) {
        return sweep(asOf, batchSize, 1);
    }

    /**
     * As {@link #sweep(Instant, int)}, reading up to {@code batchSize * parallelBatches} due customers at a time and
     * re-evaluating them in batches of {@code batchSize}, up to {@code parallelBatches} at once (the batches hold
     * distinct customers, so they never write the same profile; each waits on the database and the broker in turn).
     * Only counts are kept: a first pass over a million customers publishes millions of changes.
     */
    public SweepSummary sweep(Instant asOf, int batchSize, int parallelBatches) {
        if (batchSize < 1 || parallelBatches < 1) {
            throw new IllegalArgumentException("a sweep needs batches of at least one profile, at least one at a time");
        }
        long customers = 0;
        long published = 0;
        int limit = batchSize * parallelBatches;
        ExecutorService workers = parallelBatches > 1
                ? Executors.newFixedThreadPool(parallelBatches, new DaemonThreads("sweep-batch")) : null;
        try {
            while (true) {
                List<CustomerProfile> due = store.dueForReevaluation(asOf, limit);
                if (due.isEmpty()) {
                    return new SweepSummary(customers, published);
                }
                List<Callable<BatchResult>> batches = new ArrayList<>();
                for (int from = 0; from < due.size(); from += batchSize) {
                    List<CustomerProfile> batch = due.subList(from, Math.min(due.size(), from + batchSize));
                    batches.add(() -> reevaluate(batch, catalogue.dimensions(), asOf, SWEEP, true));
                }
                boolean conflict = false;
                for (BatchResult result : run(batches, workers)) {
                    if (result == null) {
                        conflict = true;
                    } else {
                        customers += result.applied();
                        published += result.published().size();
                    }
                }
                // A batch written concurrently is read again (its customers are still due); otherwise a short read
                // means no one else is due.
                if (!conflict && due.size() < limit) {
                    return new SweepSummary(customers, published);
                }
            }
        } finally {
            if (workers != null) {
                workers.shutdownNow();
            }
        }
    }

    /** The batches' results in order, null for one that met a concurrent write; other failures are rethrown. */
    private static List<BatchResult> run(List<Callable<BatchResult>> batches, ExecutorService workers) {
        List<BatchResult> results = new ArrayList<>(batches.size());
        if (workers == null) {
            for (Callable<BatchResult> batch : batches) {
                try {
                    results.add(batch.call());
                } catch (ConcurrentProfileUpdate e) {
                    results.add(null);
                } catch (RuntimeException e) {
                    throw e;
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
            return results;
        }
        try {
            RuntimeException failure = null;
            for (Future<BatchResult> batch : workers.invokeAll(batches)) {
                try {
                    results.add(batch.get());
                } catch (ExecutionException e) {
                    results.add(null);
                    if (!(e.getCause() instanceof ConcurrentProfileUpdate) && failure == null) {
                        failure = e.getCause() instanceof RuntimeException runtime ? runtime
                                : new IllegalStateException(e.getCause());
                    }
                }
            }
            if (failure != null) {
                throw failure;
            }
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("sweep interrupted", e);
        }
    }

    public Optional<CustomerProfile> profile(String customerId) {
        return store.find(customerId);
    }

    public ProfilePolicy policy() {
        return policy;
    }

    public ProfileFigures figures(CustomerProfile profile, Instant asOf) {
        return catalogue.enrich(profile.figures(asOf, policy));
    }

    private List<ClassChange> publishPending(List<CustomerProfile> profiles) {
        if (profiles.isEmpty()) {
            return List.of();
        }
        List<ClassChange> changes = profiles.stream().flatMap(p -> p.pendingChanges().stream()).toList();
        publisher.publish(changes);
        clear(profiles);
        return changes;
    }

    private Set<String> clear(List<CustomerProfile> profiles) {
        Set<String> cleared = store.clearPendingChanges(profiles);
        profiles.stream().filter(p -> cleared.contains(p.customerId()))
                .forEach(CustomerProfile::markPendingChangesCleared);
        return cleared;
    }
}
