package io.segstream.contracts.erasure;

import java.time.Instant;
import java.util.Map;

/**
 * What an erasure means for the customer's later events, the same in every service: an event that occurred at or
 * before the erasure (a redelivery, a replay of the topic, a late arrival) is dropped; an event that occurred after
 * it is a new relationship and is processed as for a new customer. An event without an occurrence instant cannot
 * prove it came later, so it is dropped too.
 */
public final class ErasureCutoff {
    private ErasureCutoff() {
    }

    /** True when an event that occurred at {@code occurredAt} falls under an erasure at {@code erasedAt}. */
    public static boolean suppresses(Instant erasedAt, Instant occurredAt) {
        return erasedAt != null && (occurredAt == null || !occurredAt.isAfter(erasedAt));
    }

    /**
     * True when an event of {@code customerId} that occurred at {@code occurredAt} must be dropped, given the erasure
     * instants of the erased customers among a batch's ({@code erased}, usually one query for the whole batch).
     */
    public static boolean suppresses(Map<String, Instant> erased, String customerId, Instant occurredAt) {
        return suppresses(erased.get(customerId), occurredAt);
    }
}
