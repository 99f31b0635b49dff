package io.segstream.segmentation.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The segmentation use cases over one set of profiles: apply purchase or feedback events and publish the class
 * changes they cause; re-evaluate profiles for a reason other than an event (the clock, a redefinition, the RFM
 * population). Plain Java: time comes in as arguments; where the profiles live and where the changes go are ports.
 *
 * <p>The caller makes the profile writes and the publication of the changes atomic (the stream's transaction): this
 * class saves the profiles, then hands the changes to the publisher.
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
     * Applies the events (in the given order per customer) with one read and one write per customer, then publishes
     * the resulting changes, classified as of {@code asOf}.
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
        List<ClassChange> changes = new ArrayList<>();
        for (Map.Entry<String, List<CustomerFact>> customer : byCustomer.entrySet()) {
            CustomerProfile profile = stored.getOrDefault(customer.getKey(),
                    CustomerProfile.newCustomer(customer.getKey()));
            boolean changed = false;
            for (CustomerFact fact : customer.getValue()) {
                ProfileUpdate update = profile.apply(fact, asOf, policy, catalogue);
                switch (update.outcome()) {
                    case APPLIED -> {
                        applied++;
                        changed = true;
                        changes.addAll(update.changes());
                    }
                    case DUPLICATE -> duplicates++;
                    case TOO_LATE -> tooLate++;
                }
            }
            if (changed) {
                profile.planNextReevaluation(catalogue.clockSensitivity(), asOf, policy);
                updated.add(profile);
            }
        }
        store.saveAll(updated);
        updated.forEach(CustomerProfile::markSaved);
        publisher.publish(changes);
        return new BatchResult(applied, duplicates, tooLate, changes);
    }

    /**
     * Re-classifies profiles on the given definitions as of {@code asOf}, for a reason other than an event
     * ({@code cause}: "redefinition" or "sweep"): saves the profiles whose classes or definition versions changed,
     * then publishes the changes.
     */
    public BatchResult reevaluate(List<CustomerProfile> profiles, List<Dimension> dimensions, Instant asOf,
                                  String cause) {
        return reevaluate(profiles, dimensions, asOf, cause, false);
    }

    /** @param writeAll save every profile (the sweep: each one's planned instant moves on), not just changed ones */
    private BatchResult reevaluate(List<CustomerProfile> profiles, List<Dimension> dimensions, Instant asOf,
                                   String cause, boolean writeAll) {
        List<CustomerProfile> updated = new ArrayList<>();
        List<ClassChange> changes = new ArrayList<>();
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
            List<ClassChange> profileChanges = profile.reclassify(scope, asOf, policy, cause);
            if (outdated || !profileChanges.isEmpty() || writeAll) {
                if (everyDimension) {
                    profile.planNextReevaluation(catalogue.clockSensitivity(), asOf, policy);
                } else {
                    profile.planNextReevaluationKeepingEarlier(catalogue.clockSensitivity(), asOf, policy);
                }
                updated.add(profile);
            }
            changes.addAll(profileChanges);
        }
        store.saveAll(updated);
        updated.forEach(CustomerProfile::markSaved);
        publisher.publish(changes);
        return new BatchResult(updated.size(), 0, 0, changes);
    }

    /**
     * Re-evaluates, every definition, up to {@code limit} of the customers whose classes can have changed with the
     * clock by {@code asOf} (their planned instant has come, earliest first), with cause "sweep"; each one's next
     * instant is planned again, so a customer is not due twice for the same instant.
     *
     * @return how many customers were re-evaluated (fewer than {@code limit}: nobody else is due) and how many
     * changes were published
     */
    public SweepSummary sweep(Instant asOf, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("a sweep takes at least one customer at a time");
        }
        List<CustomerProfile> due = store.dueForReevaluation(asOf, limit);
        if (due.isEmpty()) {
            return SweepSummary.NOTHING;
        }
        BatchResult result = reevaluate(due, catalogue.dimensions(), asOf, SWEEP, true);
        return new SweepSummary(result.applied(), result.published().size());
    }

    /**
     * Re-evaluates the given definitions for up to {@code limit} profiles after {@code afterCustomerId} (null: from
     * the first), in customer-id order: one slice of a re-evaluation of every customer.
     *
     * @return the slice: how many profiles it read, the last one's id (where the next slice starts), what it changed
     */
    public ReevaluationSlice reevaluateAfter(String afterCustomerId, int limit, List<Dimension> dimensions,
                                             Instant asOf, String cause) {
        List<CustomerProfile> page = store.profilesAfter(afterCustomerId, limit);
        if (page.isEmpty()) {
            return new ReevaluationSlice(0, afterCustomerId, 0, 0, true);
        }
        BatchResult result = reevaluate(page, dimensions, asOf, cause, false);
        return new ReevaluationSlice(page.size(), page.get(page.size() - 1).customerId(), result.applied(),
                result.published().size(), page.size() < limit);
    }

    public ProfilePolicy policy() {
        return policy;
    }

    public ProfileFigures figures(CustomerProfile profile, Instant asOf) {
        return catalogue.enrich(profile.figures(asOf, policy));
    }
}
