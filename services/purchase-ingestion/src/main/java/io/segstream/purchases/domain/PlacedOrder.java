package io.segstream.purchases.domain;

/** A purchase's order as the order book keeps it: who bought, in which currency, for how much (minor units). */
public record PlacedOrder(String orderId, String eventId, String customerId, String currency, long amountMinor) {
}
