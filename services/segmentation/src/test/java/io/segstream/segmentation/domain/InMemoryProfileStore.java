package io.segstream.segmentation.domain;

import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A profile store in memory with the same contract as the stream task's (copies stored, the next version written),
 * counting round trips so tests can check what a batch costs.
 */
final class InMemoryProfileStore implements ProfileStore {
    private final Map<String, CustomerProfile> profiles = new TreeMap<>();
    int reads;
    int writes;

    @Override
    public Map<String, CustomerProfile> findAll(Collection<String> customerIds) {
        reads++;
        Map<String, CustomerProfile> found = new HashMap<>();
        customerIds.forEach(id -> find(id).ifPresent(profile -> found.put(id, profile)));
        return found;
    }

    Optional<CustomerProfile> find(String customerId) {
        return Optional.ofNullable(profiles.get(customerId)).map(stored -> copy(stored, stored.version()));
    }

    @Override
    public void saveAll(Collection<CustomerProfile> changed) {
        if (changed.isEmpty()) {
            return;
        }
        writes++;
        for (CustomerProfile profile : changed) {
            profiles.put(profile.customerId(), copy(profile, profile.version() + 1));
        }
    }

    @Override
    public List<CustomerProfile> dueForReevaluation(java.time.Instant asOf, int limit) {
        return profiles.values().stream()
                .filter(stored -> stored.nextReevaluationAt() != null && !stored.nextReevaluationAt().isAfter(asOf))
                .sorted(Comparator.comparing(CustomerProfile::nextReevaluationAt))
                .limit(limit)
                .map(stored -> copy(stored, stored.version()))
                .toList();
    }

    @Override
    public List<CustomerProfile> profilesAfter(String afterId, int limit) {
        Map<String, CustomerProfile> after = afterId == null ? profiles
                : ((TreeMap<String, CustomerProfile>) profiles).tailMap(afterId, false);
        return after.values().stream().limit(limit).map(stored -> copy(stored, stored.version())).toList();
    }

    private static CustomerProfile copy(CustomerProfile profile, long version) {
        CustomerProfile copy = CustomerProfile.restore(profile.customerId(), version, profile.purchases(),
                profile.earlier(), profile.feedback(), profile.earlierFeedback(), profile.classes(),
                profile.reportingCurrency());
        copy.restoreNextReevaluationAt(profile.nextReevaluationAt());
        return copy;
    }
}
