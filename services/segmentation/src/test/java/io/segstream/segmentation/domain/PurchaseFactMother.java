package io.segstream.segmentation.domain;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/** Test data: purchase facts and the policies and catalogue the profile tests use. */
final class PurchaseFactMother {
    static final Instant NOW = Instant.parse("2026-11-20T12:00:00Z");
    static final ProfilePolicy UNBOUNDED = new ProfilePolicy(ZoneOffset.UTC, 1_000_000, Duration.ofDays(100_000), 20);
    static final LifecycleStage LIFECYCLE = new LifecycleStage(90, 180);
    static final SegmentCatalogue CATALOGUE = () -> List.of(LIFECYCLE);

    private PurchaseFactMother() {
    }

    static PurchaseFact purchase(String customerId, String eventId, Instant at, String amount) {
        return new PurchaseFact(eventId, customerId, PurchaseKind.PURCHASE, at, new BigDecimal(amount), "CNY",
                "STORE", "CN-SH", List.of(new CategoryShare("infant-formula/organic", BigDecimal.ONE)), null);
    }

    static PurchaseFact refund(String customerId, String eventId, Instant at, String amount) {
        return new PurchaseFact(eventId, customerId, PurchaseKind.REFUND, at, new BigDecimal(amount).negate(), "CNY",
                "STORE", "CN-SH", List.of(), null);
    }

    static Instant daysBefore(Instant instant, long days) {
        return instant.minus(Duration.ofDays(days));
    }
}
