package io.segstream.segmentation.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The segmentation use cases: apply a batch of purchase events to the customers' profiles and publish the class
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
    public BatchResult apply(List<PurchaseFact> facts, Instant asOf) {
        if (facts.isEmpty()) {
            return new BatchResult(0, 0, 0, List.of());
        }
        Map<String, List<PurchaseFact>> byCustomer = new LinkedHashMap<>();
        facts.forEach(fact -> byCustomer.computeIfAbsent(fact.customerId(), id -> new ArrayList<>()).add(fact));
        Map<String, CustomerProfile> stored = store.findAll(byCustomer.keySet());
        int applied = 0;
        int duplicates = 0;
        int tooLate = 0;
        List<CustomerProfile> updated = new ArrayList<>();
        List<CustomerProfile> withPending = new ArrayList<>();
        for (Map.Entry<String, List<PurchaseFact>> customer : byCustomer.entrySet()) {
            CustomerProfile profile = stored.getOrDefault(customer.getKey(),
                    CustomerProfile.newCustomer(customer.getKey()));
            boolean changed = false;
            for (PurchaseFact fact : customer.getValue()) {
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

    public Optional<CustomerProfile> profile(String customerId) {
        return store.find(customerId);
    }

    public ProfileFigures figures(CustomerProfile profile, Instant asOf) {
        return profile.figures(asOf, policy);
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
