package io.segstream.runtime.erasure;

import java.time.Instant;
import java.util.Map;

/**
 * Deletes everything a service holds about one customer. Each service declares one (or more) as beans; the erasure
 * listener calls them all for every request on customers.erasure.v1. Must be idempotent: a redelivered request
 * erases nothing more and fails nothing.
 */
@FunctionalInterface
public interface CustomerDataEraser {
    /**
     * @param erasedAt the instant of the erasure (the tombstone's): the second pass runs later, and an eraser that can
     *                 tell should keep what occurred after it (a new relationship under the erasure policy)
     * @return how many records went, per store (collection name, no dots: the counts are stored in the audit log),
     * never contents
     */
    Map<String, Long> erase(String customerId, Instant erasedAt);
}
