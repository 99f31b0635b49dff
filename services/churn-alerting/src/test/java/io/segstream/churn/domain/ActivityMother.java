package io.segstream.churn.domain;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

/** Test data for the activity view. */
public final class ActivityMother {
    static final Instant NOW = Instant.parse("2026-11-20T12:00:00Z");
    public static final ActivityPolicy UNBOUNDED = new ActivityPolicy(ZoneOffset.UTC, 1_000_000, Duration.ofDays(100_000),
            1_000_000, 100, 100);

    private ActivityMother() {
    }

    static PurchaseFact purchase(String customerId, String eventId, Instant at, String amount) {
        return new PurchaseFact(eventId, customerId, PurchaseKind.PURCHASE, at, new BigDecimal(amount), "CNY");
    }

    static PurchaseFact refund(String customerId, String eventId, Instant at, String amount) {
        return new PurchaseFact(eventId, customerId, PurchaseKind.REFUND, at, new BigDecimal(amount).negate(), "CNY");
    }

    static SegmentFact segment(String customerId, String eventId, String key, String className, Instant at) {
        return new SegmentFact(eventId, customerId, key, className, 1, at);
    }

    static Instant daysBefore(Instant instant, long days) {
        return instant.minus(Duration.ofDays(days));
    }
}
