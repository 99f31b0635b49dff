package io.segstream.purchases.domain;

import java.util.List;

/**
 * What remains refundable of every recorded order. Implementations keep it correct under concurrent refunds without
 * transactions: a refund is taken off with one conditional atomic update, and each refund's eventId is remembered on
 * its order so a retried refund is never taken off twice.
 */
public interface OrderBook {

    /**
     * Registers the orders of purchases about to be recorded, in one round trip where possible.
     *
     * @return per order, in the same order: true when the order id is this event's (registered now, or before by the
     * same eventId: a retry), false when another event already holds the order id
     * @throws StoreUnavailableException when the store cannot be reached
     */
    List<Boolean> register(List<PlacedOrder> orders);

    /**
     * Takes a refund off its order if the order exists, belongs to the same customer and currency, and has at least
     * the refunded amount left.
     *
     * @throws StoreUnavailableException when the store cannot be reached
     */
    RefundDecision refund(RefundClaim claim);
}
