package io.segstream.segmentation.domain;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Where profiles live (port; the MongoDB adapter is in the store package). */
public interface ProfileStore {

    /** The stored profiles of these customers, by customer id; unknown customers are absent. One round trip. */
    Map<String, CustomerProfile> findAll(Collection<String> customerIds);

    Optional<CustomerProfile> find(String customerId);

    /**
     * Writes every profile, with its pending changes, in one bulk write: a new one is inserted, a stored one replaced
     * only if its stored version is still {@link CustomerProfile#version()}. Each document is one atomic write, so
     * the facts and the changes they caused are durable together. Does not change the profiles passed in.
     *
     * @throws ConcurrentProfileUpdate when another writer changed one of them first (nothing is lost: the writes
     *                                 that did go through are idempotent to repeat)
     */
    void saveAll(Collection<CustomerProfile> profiles);

    /**
     * Removes the pending changes of these profiles, each only if still at {@link CustomerProfile#version()}.
     *
     * @return the ids of the customers whose pending changes were removed; a profile rewritten meanwhile is left
     * alone (whoever rewrote it publishes what it holds)
     */
    Set<String> clearPendingChanges(Collection<CustomerProfile> profiles);

    /**
     * Profiles whose pending changes were last written at or before {@code cutoff} (processing time, stamped by the
     * store) and are still unpublished.
     */
    List<CustomerProfile> withPendingChangesSince(Instant cutoff, int limit);

    /** Profiles whose planned re-evaluation instant is at or before {@code asOf}, earliest first. */
    List<CustomerProfile> dueForReevaluation(Instant asOf, int limit);

    /**
     * Deletes the customer's profile (facts, classes and any changes still pending: they are never published).
     *
     * @return how many documents went (0 or 1); deleting an unknown customer is not an error
     */
    long delete(String customerId);
}
