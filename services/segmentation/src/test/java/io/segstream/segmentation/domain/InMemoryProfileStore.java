package io.segstream.segmentation.domain;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A profile store in memory with the same contract as the MongoDB one (versions checked, copies stored), counting
 * round trips so tests can check that a batch costs one read and one write. Thread-safe, for batches run at once.
 */
final class InMemoryProfileStore implements ProfileStore {
    private final Map<String, Stored> profiles = new LinkedHashMap<>();
    private final Clock clock;
    int reads;
    int writes;

    InMemoryProfileStore(Clock clock) {
        this.clock = clock;
    }

    private record Stored(CustomerProfile profile, long version, Instant pendingSince) {
    }

    @Override
    public synchronized Map<String, CustomerProfile> findAll(Collection<String> customerIds) {
        reads++;
        Map<String, CustomerProfile> found = new HashMap<>();
        customerIds.forEach(id -> find(id).ifPresent(profile -> found.put(id, profile)));
        return found;
    }

    @Override
    public synchronized long delete(String customerId) {
        writes++;
        return profiles.remove(customerId) == null ? 0 : 1;
    }

    @Override
    public synchronized Optional<CustomerProfile> find(String customerId) {
        return Optional.ofNullable(profiles.get(customerId)).map(stored -> copy(stored.profile(), stored.version()));
    }

    @Override
    public synchronized void saveAll(Collection<CustomerProfile> changed) {
        if (changed.isEmpty()) {
            return;
        }
        writes++;
        for (CustomerProfile profile : changed) {
            Stored stored = profiles.get(profile.customerId());
            long storedVersion = stored == null ? 0 : stored.version();
            if (storedVersion != profile.version()) {
                throw new ConcurrentProfileUpdate("version moved");
            }
            profiles.put(profile.customerId(), new Stored(copy(profile, profile.version() + 1),
                    profile.version() + 1, profile.hasPendingChanges() ? clock.instant() : null));
        }
    }

    @Override
    public synchronized Set<String> clearPendingChanges(Collection<CustomerProfile> withPending) {
        writes++;
        Set<String> cleared = new HashSet<>();
        for (CustomerProfile profile : withPending) {
            Stored stored = profiles.get(profile.customerId());
            if (stored != null && stored.version() == profile.version()) {
                CustomerProfile copy = copy(stored.profile(), stored.version());
                copy.markPendingChangesCleared();
                profiles.put(profile.customerId(), new Stored(copy, copy.version(), null));
                cleared.add(profile.customerId());
            }
        }
        return cleared;
    }

    @Override
    public synchronized List<CustomerProfile> withPendingChangesSince(Instant cutoff, int limit) {
        return profiles.values().stream()
                .filter(stored -> stored.pendingSince() != null && !stored.pendingSince().isAfter(cutoff))
                .limit(limit)
                .map(stored -> copy(stored.profile(), stored.version()))
                .toList();
    }

    @Override
    public synchronized List<CustomerProfile> dueForReevaluation(Instant asOf, int limit) {
        return profiles.values().stream()
                .filter(stored -> stored.profile().nextReevaluationAt() != null
                        && !stored.profile().nextReevaluationAt().isAfter(asOf))
                .sorted(java.util.Comparator.comparing(stored -> stored.profile().nextReevaluationAt()))
                .limit(limit)
                .map(stored -> copy(stored.profile(), stored.version()))
                .toList();
    }

    /** Replaces a stored profile behind the back of anyone who read it (another writer). */
    synchronized void overwrite(CustomerProfile profile) {
        Stored stored = profiles.get(profile.customerId());
        profiles.put(profile.customerId(), new Stored(copy(profile, stored.version() + 1), stored.version() + 1,
                stored.pendingSince()));
    }

    private static CustomerProfile copy(CustomerProfile profile, long version) {
        CustomerProfile copy = CustomerProfile.restore(profile.customerId(), version, profile.purchases(),
                profile.earlier(), profile.feedback(), profile.earlierFeedback(), profile.classes(),
                profile.pendingChanges(), profile.reportingCurrency());
        copy.restoreNextReevaluationAt(profile.nextReevaluationAt());
        return copy;
    }
}
