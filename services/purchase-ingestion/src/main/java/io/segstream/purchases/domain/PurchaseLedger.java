package io.segstream.purchases.domain;

import io.segstream.contracts.purchase.PurchaseRecorded;

import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * The record of every accepted purchase and refund, keyed by eventId, which publishes what it records to
 * purchases.recorded.v1 so that a crash between the write and the publication loses nothing (an outbox).
 */
public interface PurchaseLedger {

    /**
     * Records the events (each once, whatever happens concurrently) and publishes the newly recorded ones.
     *
     * @return one outcome per event, in the same order
     * @throws StoreUnavailableException when the store cannot be reached; nothing is known to be recorded
     */
    List<Recording> record(List<PurchaseRecorded> events);

    /** Which of these eventIds are recorded already. */
    Set<String> recordedAmong(Collection<String> eventIds);

    /** A page (0-based) of the customer's events, newest occurredAt first. */
    PurchaseHistory history(String customerId, int page, int size);
}
