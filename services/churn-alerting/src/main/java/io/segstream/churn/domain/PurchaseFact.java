package io.segstream.churn.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;

/**
 * What the activity view keeps of one recorded purchase or refund.
 *
 * @param amount   signed spend in the reporting currency: negative for a refund
 * @param currency the reporting currency of {@code amount}, or null
 */
public record PurchaseFact(String eventId, String customerId, PurchaseKind kind, Instant occurredAt,
                           BigDecimal amount, String currency) implements ActivityEvent {

    /** Event-time order; the event id breaks ties so that the order never depends on arrival. */
    public static final Comparator<PurchaseFact> EVENT_TIME_ORDER =
            Comparator.comparing(PurchaseFact::occurredAt).thenComparing(PurchaseFact::eventId);

    public PurchaseFact {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(amount, "amount");
        if (kind == PurchaseKind.PURCHASE ? amount.signum() < 0 : amount.signum() > 0) {
            throw new IllegalArgumentException("a purchase adds spend and a refund subtracts it");
        }
    }

    public boolean isPurchase() {
        return kind == PurchaseKind.PURCHASE;
    }
}
