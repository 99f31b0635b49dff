package io.segstream.runtime.erasure;

import java.util.Map;

/**
 * Deletes everything a service holds about one customer. Each service declares one (or more) as beans; the erasure
 * listener calls them all for every request on customers.erasure.v1. Must be idempotent: a redelivered request
 * erases nothing more and fails nothing.
 */
@FunctionalInterface
public interface CustomerDataEraser {
    /** @return how many records went, per store (collection name): counts for the audit trail, never contents */
    Map<String, Long> erase(String customerId);
}
