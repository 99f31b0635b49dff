package io.segstream.churn.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Purchase facts no longer kept one by one, folded into totals (whole days, oldest first) so that all-time figures
 * stay exact while the stored facts stay bounded.
 *
 * @param throughDay the last folded day, or null; an event on or before it cannot be told apart from a redelivery
 *                   and is not applied
 */
public record EarlierPurchases(LocalDate throughDay, long purchases, long refunds, BigDecimal monetary,
                               Instant firstPurchaseAt, Instant lastPurchaseAt) {

    public static final EarlierPurchases NONE = new EarlierPurchases(null, 0, 0, BigDecimal.ZERO, null, null);

    public boolean covers(LocalDate day) {
        return throughDay != null && !day.isAfter(throughDay);
    }

    EarlierPurchases plusDay(LocalDate day, List<PurchaseFact> factsOfDay) {
        long dayPurchases = 0;
        BigDecimal amount = BigDecimal.ZERO;
        Instant first = firstPurchaseAt;
        Instant last = lastPurchaseAt;
        for (PurchaseFact fact : factsOfDay) {
            amount = amount.add(fact.amount());
            if (fact.isPurchase()) {
                dayPurchases++;
                first = first == null || fact.occurredAt().isBefore(first) ? fact.occurredAt() : first;
                last = last == null || fact.occurredAt().isAfter(last) ? fact.occurredAt() : last;
            }
        }
        return new EarlierPurchases(day, purchases + dayPurchases, refunds + factsOfDay.size() - dayPurchases,
                monetary.add(amount), first, last);
    }
}
