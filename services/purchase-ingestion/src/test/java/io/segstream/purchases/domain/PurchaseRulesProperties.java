package io.segstream.purchases.domain;

import io.segstream.contracts.Channel;
import io.segstream.contracts.purchase.LineItem;
import io.segstream.contracts.purchase.PurchaseSubmitted;
import io.segstream.contracts.purchase.PurchaseType;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import static io.segstream.purchases.domain.PurchaseMother.NOW;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Properties of the rules: every generated valid purchase is accepted, and turning exactly one field of it invalid is
 * rejected with that field's code.
 */
class PurchaseRulesProperties {
    private static final PurchaseRules RULES = PurchaseRulesTest.RULES;
    private static final List<String> CURRENCIES = List.of("CNY", "USD", "EUR", "GBP", "JPY", "KWD");

    @Property(tries = 300)
    void everyValidPurchaseIsAccepted(@ForAll("validPurchases") PurchaseSubmitted purchase) {
        assertThat(RULES.check(purchase, NOW)).isEmpty();
    }

    @Property(tries = 600)
    void oneInvalidFieldIsRejectedWithItsCode(@ForAll("validPurchases") PurchaseSubmitted purchase,
                                              @ForAll Mutation mutation) {
        PurchaseSubmitted broken = mutation.apply(purchase);
        assertThat(RULES.check(broken, NOW)).hasValueSatisfying(
                rejection -> assertThat(rejection.code()).as(mutation.name()).isEqualTo(mutation.expected));
    }

    /** One way to break one field, and the code that must come back. */
    enum Mutation {
        NO_EVENT_ID(RejectionCode.MISSING_FIELD, p -> with(p).eventId(null)),
        BLANK_CUSTOMER_ID(RejectionCode.MISSING_FIELD, p -> with(p).customerId("  ")),
        NO_CHANNEL(RejectionCode.MISSING_FIELD, p -> with(p).channel(null)),
        NO_TIME(RejectionCode.MISSING_FIELD, p -> with(p).occurredAt(null)),
        EVENT_ID_WITH_SPACE(RejectionCode.INVALID_ID, p -> with(p).eventId(p.eventId() + " x")),
        ORDER_ID_WITH_SLASH(RejectionCode.INVALID_ID, p -> with(p).orderId("a/" + p.orderId())),
        LONG_STORE_ID(RejectionCode.FIELD_TOO_LONG, p -> with(p).storeId("s".repeat(65))),
        NOT_A_CURRENCY(RejectionCode.UNKNOWN_CURRENCY, p -> with(p).currency("XQQ")),
        UNCONFIGURED_CURRENCY(RejectionCode.UNSUPPORTED_CURRENCY, p -> with(p).currency("CHF")),
        NEGATIVE_TOTAL(RejectionCode.NEGATIVE_AMOUNT, p -> with(p).total(p.totalAmount().negate().subtract(
                BigDecimal.ONE).toPlainString())),
        NEGATIVE_DISCOUNT(RejectionCode.NEGATIVE_AMOUNT, p -> with(p).discount("-1")),
        NEGATIVE_UNIT_PRICE(RejectionCode.NEGATIVE_AMOUNT, p -> withItem(p, new LineItem("NEG", null, 1,
                new BigDecimal("-0.01")))),
        ZERO_QUANTITY(RejectionCode.INVALID_QUANTITY, p -> withItem(p, new LineItem("ZERO", null, 0, BigDecimal.ONE))),
        TOTAL_WITH_EXTRA_DECIMAL(RejectionCode.TOO_MANY_DECIMALS, p -> with(p).total(p.totalAmount().add(
                BigDecimal.ONE.movePointLeft(Currencies.fractionDigits(p.currency()) + 1)).toPlainString())),
        TOTAL_OFF_BY_TEN_UNITS(RejectionCode.TOTAL_MISMATCH, p -> with(p).total(p.totalAmount().add(BigDecimal.TEN)
                .toPlainString())),
        DISCOUNT_ABOVE_ITEMS(RejectionCode.DISCOUNT_EXCEEDS_TOTAL, p -> with(p).discount(gross(p).add(BigDecimal.ONE)
                .toPlainString())),
        IN_THE_FUTURE(RejectionCode.OCCURRED_IN_FUTURE, p -> with(p).occurredAt(NOW.plus(Duration.ofHours(1)))),
        BEFORE_THE_EPOCH(RejectionCode.OCCURRED_BEFORE_EPOCH, p -> with(p).occurredAt(
                Instant.parse("1989-06-30T00:00:00Z"))),
        NO_ITEMS(RejectionCode.MISSING_FIELD, p -> with(p).type(PurchaseType.PURCHASE).items(List.of()));

        final RejectionCode expected;
        private final UnaryOperator<PurchaseSubmitted> change;

        Mutation(RejectionCode expected, java.util.function.Function<PurchaseSubmitted, PurchaseMother> change) {
            this.expected = expected;
            this.change = p -> change.apply(p).build();
        }

        PurchaseSubmitted apply(PurchaseSubmitted p) {
            return change.apply(p);
        }
    }

    @Provide
    Arbitrary<PurchaseSubmitted> validPurchases() {
        Arbitrary<String> ids = Arbitraries.strings().withChars("abcXYZ0189").ofMinLength(1).ofMaxLength(20)
                .map(s -> "id-" + s);
        Arbitrary<String> currencies = Arbitraries.of(CURRENCIES);
        Arbitrary<Instant> times = Arbitraries.longs()
                .between(Instant.parse("1990-01-01T00:00:00Z").getEpochSecond(), NOW.getEpochSecond() + 900)
                .map(Instant::ofEpochSecond);
        Arbitrary<String> optionalText = Arbitraries.strings().alpha().ofMaxLength(64).injectNull(0.3);
        return Combinators.combine(ids, ids, ids, Arbitraries.of(PurchaseType.class), times,
                        Arbitraries.of(Channel.class), currencies, optionalText)
                .flatAs((eventId, customerId, orderId, type, time, channel, currency, text) ->
                        items(currency).flatMap(items -> discount(items, currency).map(discount -> {
                            BigDecimal gross = items.stream().map(LineItem::lineTotal)
                                    .reduce(BigDecimal.ZERO, BigDecimal::add);
                            BigDecimal total = gross.subtract(discount == null ? BigDecimal.ZERO : discount);
                            return new PurchaseSubmitted(eventId, type, customerId, orderId, time, channel, text,
                                    text, currency, total, discount, items, text);
                        })));
    }

    private static Arbitrary<List<LineItem>> items(String currency) {
        int digits = Currencies.fractionDigits(currency);
        Arbitrary<BigDecimal> prices = Arbitraries.longs().between(0, 1_000_000)
                .map(minor -> BigDecimal.valueOf(minor, digits));
        Arbitrary<LineItem> item = Combinators.combine(
                        Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(64),
                        Arbitraries.strings().alpha().withChars('/').ofMaxLength(128).injectNull(0.3),
                        Arbitraries.integers().between(1, 1000), prices)
                .as(LineItem::new);
        return item.list().ofMinSize(1).ofMaxSize(20);
    }

    /** A discount no larger than the items, with the currency's decimals, or none. */
    private static Arbitrary<BigDecimal> discount(List<LineItem> items, String currency) {
        int digits = Currencies.fractionDigits(currency);
        long grossMinor = items.stream().map(LineItem::lineTotal).reduce(BigDecimal.ZERO, BigDecimal::add)
                .movePointRight(digits).longValueExact();
        return Arbitraries.longs().between(0, grossMinor).map(minor -> BigDecimal.valueOf(minor, digits))
                .injectNull(0.3);
    }

    private static BigDecimal gross(PurchaseSubmitted p) {
        return p.items().stream().map(LineItem::lineTotal).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static PurchaseMother with(PurchaseSubmitted p) {
        return PurchaseMother.purchase().eventId(p.eventId()).type(p.type()).customerId(p.customerId())
                .orderId(p.orderId()).occurredAt(p.occurredAt()).channel(p.channel()).storeId(p.storeId())
                .region(p.region()).currency(p.currency()).total(p.totalAmount().toPlainString())
                .discount(p.discountAmount() == null ? null : p.discountAmount().toPlainString())
                .items(p.items()).source(p.source());
    }

    /** Adds one broken line; line items are checked before the arithmetic, so the total may stay as it is. */
    private static PurchaseMother withItem(PurchaseSubmitted p, LineItem extra) {
        List<LineItem> items = new ArrayList<>(p.items());
        items.add(extra);
        return with(p).items(items);
    }
}
