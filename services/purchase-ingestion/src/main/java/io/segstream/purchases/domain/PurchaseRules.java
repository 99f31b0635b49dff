package io.segstream.purchases.domain;

import io.segstream.contracts.Ids;
import io.segstream.contracts.Money;
import io.segstream.contracts.purchase.LineItem;
import io.segstream.contracts.purchase.PurchaseLimits;
import io.segstream.contracts.purchase.PurchaseSubmitted;
import io.segstream.contracts.purchase.PurchaseType;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The rules every purchase and refund must meet before it is recorded, checked in a fixed order so a submission with
 * several faults always gets the same code: presence, ids and lengths, currency, amounts, items, time, then the
 * arithmetic.
 *
 * <p>The total rule: {@code |sum(quantity x unitPrice) - discountAmount - totalAmount|} must not exceed the
 * tolerance (in minor units of the currency); a discount above the gross value of the items is
 * DISCOUNT_EXCEEDS_TOTAL. totalAmount and discountAmount may not use more decimals than the currency (trailing zeros
 * do not count); unit prices may (wholesale prices of fractions of a penny exist) up to the contract's 6. Zero
 * amounts are valid everywhere. A refund may omit its line items (a refund of an amount); then only the amount rules
 * apply. Whether the refunded order exists and has enough left is decided by the order book, not here.
 *
 * <p>Lengths and the number of items are the contract's ({@link PurchaseLimits}, {@link Ids}), the same constants the
 * records' constraints and the JSON Schemas carry.
 */
public final class PurchaseRules {
    private final ValidationPolicy policy;
    private final ExchangeRates rates;

    public PurchaseRules(ValidationPolicy policy, ExchangeRates rates) {
        this.policy = policy;
        this.rates = rates;
    }

    /** The first rule the purchase breaks, or empty when it may be recorded. */
    public Optional<Rejection> check(PurchaseSubmitted p, Instant now) {
        return Optional.ofNullable(firstViolation(p, now));
    }

    private Rejection firstViolation(PurchaseSubmitted p, Instant now) {
        Rejection r;
        if ((r = id("eventId", p.eventId())) != null
                || (r = required("type", p.type())) != null
                || (r = id("customerId", p.customerId())) != null
                || (r = id("orderId", p.orderId())) != null
                || (r = required("occurredAt", p.occurredAt())) != null
                || (r = required("channel", p.channel())) != null
                || (r = requiredText("currency", p.currency())) != null
                || (r = required("totalAmount", p.totalAmount())) != null
                || (r = maxLength("storeId", p.storeId(), PurchaseLimits.MAX_STORE_ID_LENGTH)) != null
                || (r = maxLength("region", p.region(), PurchaseLimits.MAX_REGION_LENGTH)) != null
                || (r = maxLength("source", p.source(), PurchaseLimits.MAX_SOURCE_LENGTH)) != null
                || (r = currency(p.currency())) != null
                || (r = amount("totalAmount", p.totalAmount(), p.currency())) != null
                || (r = p.discountAmount() == null ? null
                        : amount("discountAmount", p.discountAmount(), p.currency())) != null
                || (r = items(p)) != null
                || (r = time(p.occurredAt(), now)) != null
                || (r = arithmetic(p)) != null) {
            return r;
        }
        return null;
    }

    private Rejection currency(String currency) {
        if (!Currencies.isIso(currency)) {
            return reject(RejectionCode.UNKNOWN_CURRENCY, "field currency is not an ISO 4217 currency code");
        }
        if (!rates.supports(currency)) {
            return reject(RejectionCode.UNSUPPORTED_CURRENCY, "currency " + currency
                    + " has no configured reporting rate; accepted: " + rates.rates().keySet());
        }
        return null;
    }

    private Rejection amount(String field, BigDecimal amount, String currency) {
        Rejection r = price(field, amount);
        if (r != null) {
            return r;
        }
        int allowed = Currencies.fractionDigits(currency);
        if (Currencies.decimalPlaces(amount) > allowed) {
            return reject(RejectionCode.TOO_MANY_DECIMALS,
                    "field " + field + " has more than the " + allowed + " decimal places of " + currency);
        }
        return null;
    }

    private static Rejection price(String field, BigDecimal amount) {
        if (!Money.isWellFormed(amount.toPlainString())) {
            return reject(RejectionCode.INVALID_AMOUNT,
                    "field " + field + " is beyond 15 integer and 6 fraction digits");
        }
        if (amount.signum() < 0) {
            return reject(RejectionCode.NEGATIVE_AMOUNT, "field " + field + " is negative");
        }
        return null;
    }

    private Rejection items(PurchaseSubmitted p) {
        List<LineItem> items = p.items();
        if (items == null || items.isEmpty()) {
            return p.type() == PurchaseType.REFUND ? null
                    : reject(RejectionCode.MISSING_FIELD, "field items is required and must not be empty");
        }
        if (items.size() > PurchaseLimits.MAX_ITEMS) {
            return reject(RejectionCode.TOO_MANY_ITEMS,
                    "field items has " + items.size() + " entries, more than " + PurchaseLimits.MAX_ITEMS);
        }
        for (int i = 0; i < items.size(); i++) {
            String at = "items[" + i + "]";
            LineItem item = items.get(i);
            Rejection r;
            if ((r = required(at, item)) != null
                    || (r = requiredText(at + ".sku", item.sku())) != null
                    || (r = required(at + ".quantity", item.quantity())) != null
                    || (r = required(at + ".unitPrice", item.unitPrice())) != null
                    || (r = maxLength(at + ".sku", item.sku(), PurchaseLimits.MAX_SKU_LENGTH)) != null
                    || (r = maxLength(at + ".category", item.category(), PurchaseLimits.MAX_CATEGORY_LENGTH)) != null) {
                return r;
            }
            if (item.quantity() <= 0) {
                return reject(RejectionCode.INVALID_QUANTITY, "field " + at + ".quantity must be a positive integer");
            }
            if ((r = price(at + ".unitPrice", item.unitPrice())) != null) {
                return r;
            }
        }
        return null;
    }

    private Rejection time(Instant occurredAt, Instant now) {
        if (occurredAt.isAfter(now.plus(policy.maxClockSkew()))) {
            return reject(RejectionCode.OCCURRED_IN_FUTURE,
                    "field occurredAt is more than " + policy.maxClockSkew() + " in the future");
        }
        if (occurredAt.isBefore(policy.epoch())) {
            return reject(RejectionCode.OCCURRED_BEFORE_EPOCH, "field occurredAt is before " + policy.epoch());
        }
        return null;
    }

    private Rejection arithmetic(PurchaseSubmitted p) {
        if (p.items() == null || p.items().isEmpty()) {
            return null;
        }
        BigDecimal gross = BigDecimal.ZERO;
        for (LineItem item : p.items()) {
            gross = gross.add(item.lineTotal());
        }
        BigDecimal discount = p.discountAmount() == null ? BigDecimal.ZERO : p.discountAmount();
        if (discount.compareTo(gross) > 0) {
            return reject(RejectionCode.DISCOUNT_EXCEEDS_TOTAL,
                    "field discountAmount is larger than the items' total of " + gross.toPlainString());
        }
        BigDecimal expected = gross.subtract(discount);
        BigDecimal tolerance = BigDecimal.valueOf(policy.totalToleranceMinor())
                .movePointLeft(Currencies.fractionDigits(p.currency()));
        if (expected.subtract(p.totalAmount()).abs().compareTo(tolerance) > 0) {
            return reject(RejectionCode.TOTAL_MISMATCH, "field totalAmount does not equal the items' total "
                    + gross.toPlainString() + " minus the discount (tolerance " + tolerance.toPlainString() + ")");
        }
        return null;
    }

    private static Rejection id(String field, String value) {
        Rejection r = requiredText(field, value);
        if (r != null) {
            return r;
        }
        return Ids.isValid(value) ? null : reject(RejectionCode.INVALID_ID,
                "field " + field + " must match " + Ids.PATTERN);
    }

    private static Rejection required(String field, Object value) {
        return value == null ? reject(RejectionCode.MISSING_FIELD, "field " + field + " is required") : null;
    }

    private static Rejection requiredText(String field, String value) {
        return value == null || value.isBlank()
                ? reject(RejectionCode.MISSING_FIELD, "field " + field + " is required and must not be blank") : null;
    }

    private static Rejection maxLength(String field, String value, int max) {
        return value != null && value.length() > max
                ? reject(RejectionCode.FIELD_TOO_LONG, "field " + field + " is longer than " + max + " characters")
                : null;
    }

    private static Rejection reject(RejectionCode code, String message) {
        return new Rejection(code, message);
    }
}
