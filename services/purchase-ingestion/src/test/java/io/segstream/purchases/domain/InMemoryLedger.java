package io.segstream.purchases.domain;

import io.segstream.contracts.purchase.PurchaseRecorded;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The ledger's contract in memory, for intake tests (MongoPurchaseLedger is tested against the wire server). */
public class InMemoryLedger implements PurchaseLedger {
    final Map<String, PurchaseRecorded> recorded = new LinkedHashMap<>();
    final List<PurchaseRecorded> published = new ArrayList<>();
    public boolean kafkaUp = true;
    public boolean available = true;
    /** Reads work, the write fails: a crash or outage between the order book and the ledger. */
    boolean writesFail;
    int recordCalls;

    @Override
    public List<Recording> record(List<PurchaseRecorded> events) {
        if (!available || writesFail) {
            throw new StoreUnavailableException("ledger away", null);
        }
        recordCalls++;
        List<Recording> outcomes = new ArrayList<>();
        for (PurchaseRecorded event : events) {
            if (recorded.putIfAbsent(event.eventId(), event) != null) {
                outcomes.add(Recording.DUPLICATE);
            } else if (kafkaUp) {
                published.add(event);
                outcomes.add(Recording.PUBLISHED);
            } else {
                outcomes.add(Recording.PENDING);
            }
        }
        return outcomes;
    }

    @Override
    public Set<String> recordedAmong(Collection<String> eventIds) {
        if (!available) {
            throw new StoreUnavailableException("ledger away", null);
        }
        Set<String> known = new HashSet<>(eventIds);
        known.retainAll(recorded.keySet());
        return known;
    }

    @Override
    public PurchaseHistory history(String customerId, int page, int size) {
        if (!available) {
            throw new StoreUnavailableException("ledger away", null);
        }
        List<PurchaseRecorded> mine = recorded.values().stream().filter(e -> e.customerId().equals(customerId))
                .sorted(Comparator.comparing(PurchaseRecorded::occurredAt).reversed()).toList();
        return new PurchaseHistory(mine.stream().skip((long) page * size).limit(size).toList(), mine.size());
    }
}
