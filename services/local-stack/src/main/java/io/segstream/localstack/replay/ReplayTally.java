package io.segstream.localstack.replay;

import java.util.Map;
import java.util.TreeMap;

/** What the service answered, event by event: accepted, duplicate, or rejected by code. */
final class ReplayTally {
    static final String ACCEPTED = "ACCEPTED";
    static final String DUPLICATE = "DUPLICATE";
    static final String REJECTED = "REJECTED";

    private long accepted;
    private long duplicates;
    private final Map<String, Long> rejectedByCode = new TreeMap<>();

    void add(ItemOutcome outcome) {
        switch (outcome.status()) {
            case ACCEPTED -> accepted++;
            case DUPLICATE -> duplicates++;
            default -> rejectedByCode.merge(outcome.code() == null ? "UNKNOWN" : outcome.code(), 1L, Long::sum);
        }
    }

    long accepted() {
        return accepted;
    }

    long duplicates() {
        return duplicates;
    }

    long rejected() {
        return rejectedByCode.values().stream().mapToLong(Long::longValue).sum();
    }

    long sent() {
        return accepted + duplicates + rejected();
    }

    Map<String, Long> rejectedByCode() {
        return Map.copyOf(rejectedByCode);
    }

    /** The service's answer for one event: its status and, when rejected, the code. */
    record ItemOutcome(String status, String code) {
    }
}
