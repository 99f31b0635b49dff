package io.segstream.purchases.domain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The order book's contract in memory, for intake tests (MongoOrderBook is tested against the wire server). */
public class InMemoryOrderBook implements OrderBook {
    final Map<String, PlacedOrder> orders = new HashMap<>();
    final Map<String, Long> remaining = new HashMap<>();
    final Map<String, List<String>> refunds = new HashMap<>();
    public boolean available = true;

    @Override
    public List<Boolean> register(List<PlacedOrder> placed) {
        requireAvailable();
        List<Boolean> held = new ArrayList<>();
        for (PlacedOrder order : placed) {
            PlacedOrder existing = orders.putIfAbsent(order.orderId(), order);
            if (existing == null) {
                remaining.put(order.orderId(), order.amountMinor());
                refunds.put(order.orderId(), new ArrayList<>());
            }
            held.add(existing == null || existing.eventId().equals(order.eventId()));
        }
        return held;
    }

    @Override
    public RefundDecision refund(RefundClaim claim) {
        requireAvailable();
        PlacedOrder order = orders.get(claim.orderId());
        if (order == null) {
            return RefundDecision.UNKNOWN_ORDER;
        }
        if (refunds.get(claim.orderId()).contains(claim.eventId())) {
            return RefundDecision.ALREADY_APPLIED;
        }
        if (!order.customerId().equals(claim.customerId())) {
            return RefundDecision.CUSTOMER_MISMATCH;
        }
        if (!order.currency().equals(claim.currency())) {
            return RefundDecision.CURRENCY_MISMATCH;
        }
        if (remaining.get(claim.orderId()) < claim.amountMinor()) {
            return RefundDecision.EXCEEDS_REMAINING;
        }
        remaining.merge(claim.orderId(), -claim.amountMinor(), Long::sum);
        refunds.get(claim.orderId()).add(claim.eventId());
        return RefundDecision.APPLIED;
    }

    private void requireAvailable() {
        if (!available) {
            throw new StoreUnavailableException("order book away", null);
        }
    }
}
