package io.segstream.segmentation.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The purchases a profile no longer keeps one by one, folded into totals so that all-time figures stay exact while
 * the stored facts stay bounded. Whole days are folded, oldest first, so the folded days all lie before the kept
 * ones and the distinct purchase days of both simply add up.
 *
 * @param throughDay the last folded day (in the purchase-day zone), or null when nothing was folded; an event on or
 *                   before it can no longer be told apart from a redelivery and is not applied
 */
public record EarlierHistory(
        LocalDate throughDay,
        long orders,
        long refunds,
        BigDecimal monetary,
        long purchaseDays,
        Instant firstPurchaseAt,
        Instant lastPurchaseAt) {

    public static final EarlierHistory NONE = new EarlierHistory(null, 0, 0, BigDecimal.ZERO, 0, null, null);

    public boolean covers(LocalDate day) {
        return throughDay != null && !day.isAfter(throughDay);
    }

    /** These totals plus one more day's facts, which all lie on {@code day}, a day after {@link #throughDay}. */
    EarlierHistory plusDay(LocalDate day, List<PurchaseFact> factsOfDay) {
        long dayOrders = factsOfDay.stream().filter(PurchaseFact::isPurchase).count();
        Instant first = firstPurchaseAt;
        Instant last = lastPurchaseAt;
        for (PurchaseFact fact : factsOfDay) {
            if (fact.isPurchase()) {
                first = first == null || fact.occurredAt().isBefore(first) ? fact.occurredAt() : first;
                last = last == null || fact.occurredAt().isAfter(last) ? fact.occurredAt() : last;
            }
        }
        BigDecimal dayAmount = factsOfDay.stream().map(PurchaseFact::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        return new EarlierHistory(day, orders + dayOrders, refunds + factsOfDay.size() - dayOrders,
                monetary.add(dayAmount), purchaseDays + (dayOrders > 0 ? 1 : 0), first, last);
    }
}
