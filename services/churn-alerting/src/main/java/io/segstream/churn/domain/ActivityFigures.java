package io.segstream.churn.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A customer's purchase activity, all-time and exact (folding keeps totals). The BG/NBD inputs come from
 * the purchase days: x = {@code repeatPurchaseDays}, t_x from {@code firstPurchaseDay} to {@code lastPurchaseDay},
 * T from {@code firstPurchaseDay} to the as-of day.
 *
 * @param purchaseCount      purchases (refunds are not purchases)
 * @param monetary           spend net of refunds, in the reporting currency
 * @param purchaseDays       distinct calendar days with a purchase
 * @param repeatPurchaseDays purchase days after the first one (0 for a customer who never bought)
 */
public record ActivityFigures(Instant firstPurchaseAt, Instant lastPurchaseAt, LocalDate firstPurchaseDay,
                              LocalDate lastPurchaseDay, long purchaseCount, long refundCount, BigDecimal monetary,
                              long purchaseDays, long repeatPurchaseDays) {
}
