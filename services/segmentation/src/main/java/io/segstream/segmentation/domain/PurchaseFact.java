package io.segstream.segmentation.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * What a profile keeps of one recorded purchase or refund: the facts every figure is derived from, so that a
 * redelivered event is recognised by its id and a late one is placed by its event time.
 *
 * @param amount        signed spend in the reporting currency: negative for a refund
 * @param currency      the reporting currency of {@code amount}
 * @param channel       where it was bought (a channel name of the contract), or null
 * @param region        the purchase region, or null
 * @param categories    shares of the order's line value per category (largest first, bounded)
 * @param discountShare discount / (paid + discount) of the order, or null when unknown
 */
public record PurchaseFact(
        String eventId,
        String customerId,
        PurchaseKind kind,
        Instant occurredAt,
        BigDecimal amount,
        String currency,
        String channel,
        String region,
        List<CategoryShare> categories,
        BigDecimal discountShare) implements CustomerFact {

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
        categories = categories == null ? List.of() : List.copyOf(categories);
    }

    public boolean isPurchase() {
        return kind == PurchaseKind.PURCHASE;
    }
}
