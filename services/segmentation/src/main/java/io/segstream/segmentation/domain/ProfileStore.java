package io.segstream.segmentation.domain;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Where the profiles the use cases work on live (port): the stream task's state stores. Only one writer works on a
 * customer's profile at a time (the task that owns the customer's partition), so no write can race another.
 */
public interface ProfileStore {

    /** The stored profiles of these customers, by customer id; unknown customers are absent. */
    Map<String, CustomerProfile> findAll(Collection<String> customerIds);

    /** Writes every profile (new or changed). Does not change the profiles passed in. */
    void saveAll(Collection<CustomerProfile> profiles);

    /** Profiles whose planned re-evaluation instant is at or before {@code asOf}, earliest first. */
    List<CustomerProfile> dueForReevaluation(Instant asOf, int limit);

    /** Up to {@code limit} profiles with ids after {@code afterId} (null: from the first), in id order. */
    List<CustomerProfile> profilesAfter(String afterId, int limit);
}
