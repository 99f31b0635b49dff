package io.segstream.feedback.domain;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;

/**
 * Port: the erased customers (the runtime's tombstones), asked once per intake call, and the count of the events
 * dropped because of them.
 */
public interface Tombstones {
    /** No customer was ever erased (unit tests, tools). */
    Tombstones NONE = new Tombstones() {
        @Override
        public Map<String, Instant> erasedAmong(Collection<String> customerIds) {
            return Map.of();
        }

        @Override
        public void countSuppressed(long events) {
        }
    };

    /**
     * The erasure instants of those of {@code customerIds} that were erased: one query for a whole batch.
     *
     * @throws StoreUnavailableException when the store is away
     */
    Map<String, Instant> erasedAmong(Collection<String> customerIds);

    void countSuppressed(long events);
}
