package io.segstream.churn.domain;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/** Where customer activities live (port; the MongoDB adapter is in the store package). */
public interface ActivityStore {

    /** The stored activities of these customers, by customer id; unknown ones are absent. One round trip. */
    Map<String, CustomerActivity> findAll(Collection<String> customerIds);

    Optional<CustomerActivity> find(String customerId);

    /**
     * Writes them in one bulk write: new ones inserted, stored ones replaced only if still at
     * {@link CustomerActivity#version()}. Does not change the activities passed in.
     *
     * @throws ConcurrentActivityUpdate when another writer changed one first (repeating is safe: idempotent)
     */
    void saveAll(Collection<CustomerActivity> activities);
}
