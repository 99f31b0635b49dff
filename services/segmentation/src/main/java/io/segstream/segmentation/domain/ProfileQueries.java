package io.segstream.segmentation.domain;

import java.util.List;
import java.util.Optional;

/**
 * Reads of the profiles' view (port; MongoDB adapter): one customer, segment members, paging through everyone. The
 * view is written behind the stream, so it trails the stream's state by its lag (a metric).
 */
public interface ProfileQueries {

    Optional<CustomerProfile> find(String customerId);

    /** How many customers are in this class of this definition in the view. */
    long countIn(String key, String className);

    /** Ids of the customers in this class, by id, one page at a time. */
    List<String> membersOf(String key, String className, int page, int size);

    /** Up to {@code limit} profiles with ids after {@code afterId} (null: from the start), by id: a full scan. */
    List<CustomerProfile> profilesAfter(String afterId, int limit);

    /** How many profiles there are. */
    long countProfiles();

    /**
     * Deletes the customer's profile from the view (the stream deletes it from its state on the same erasure).
     *
     * @return how many documents went (0 or 1)
     */
    long delete(String customerId);
}
