package io.segstream.segmentation.domain;

import java.util.List;

/** Reads over many profiles: segment sizes, members, and paging through everyone (port; MongoDB adapter). */
public interface ProfileQueries {

    /** How many customers are in this class of this definition now. */
    long countIn(String key, String className);

    /** Ids of the customers in this class, by id, one page at a time. */
    List<String> membersOf(String key, String className, int page, int size);

    /** Up to {@code limit} profiles with ids after {@code afterId} (null: from the start), by id: a full scan. */
    List<CustomerProfile> profilesAfter(String afterId, int limit);

    /** How many profiles there are. */
    long countProfiles();
}
