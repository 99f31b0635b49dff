package io.segstream.purchases.domain;

import io.segstream.contracts.registry.Contracts;
import io.segstream.contracts.ContractJson;
import io.segstream.contracts.purchase.LineItem;
import io.segstream.contracts.purchase.PurchaseLimits;
import io.segstream.contracts.purchase.PurchaseType;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static io.segstream.purchases.domain.PurchaseMother.NOW;
import static io.segstream.purchases.domain.PurchaseMother.item;
import static io.segstream.purchases.domain.PurchaseMother.purchase;
import static org.assertj.core.api.Assertions.assertThat;

class PurchaseRulesTest {
    static final ValidationPolicy POLICY = new ValidationPolicy(Instant.parse("1990-01-01T00:00:00Z"),
            Duration.ofMinutes(15), 1);
    static final ExchangeRates RATES = new ExchangeRates("CNY", Map.of("USD", new BigDecimal("7.15"),
            "GBP", new BigDecimal("9.70"), "EUR", new BigDecimal("8.35"), "JPY", new BigDecimal("0.049"),
            "KWD", new BigDecimal("23.3")));
    static final PurchaseRules RULES = new PurchaseRules(POLICY, RATES);

    static RejectionCode codeOf(PurchaseMother p) {
        return RULES.check(p.build(), NOW).map(Rejection::code).orElse(null);
    }

    static String messageOf(PurchaseMother p) {
        return RULES.check(p.build(), NOW).map(Rejection::message).orElse(null);
    }

    @Test
    void theContractExampleIsValid() {
        assertThat(RULES.check(purchase().build(), NOW)).isEmpty();
    }

    @Nested
    class RequiredFields {
        @Test
        void eventIdCustomerIdOrderIdAreRequired() {
            assertThat(codeOf(purchase().eventId(null))).isEqualTo(RejectionCode.MISSING_FIELD);
            assertThat(codeOf(purchase().eventId(" "))).isEqualTo(RejectionCode.MISSING_FIELD);
            assertThat(codeOf(purchase().customerId(null))).isEqualTo(RejectionCode.MISSING_FIELD);
            assertThat(codeOf(purchase().orderId(""))).isEqualTo(RejectionCode.MISSING_FIELD);
        }

        @Test
        void typeTimeChannelCurrencyAndTotalAreRequired() {
            assertThat(messageOf(purchase().type(null))).contains("type");
            assertThat(codeOf(purchase().type(null))).isEqualTo(RejectionCode.MISSING_FIELD);
            assertThat(codeOf(purchase().occurredAt(null))).isEqualTo(RejectionCode.MISSING_FIELD);
            assertThat(codeOf(purchase().channel(null))).isEqualTo(RejectionCode.MISSING_FIELD);
            assertThat(codeOf(purchase().currency(null))).isEqualTo(RejectionCode.MISSING_FIELD);
            assertThat(codeOf(purchase().total(null))).isEqualTo(RejectionCode.MISSING_FIELD);
        }

        @Test
        void aPurchaseNeedsItemsARefundDoesNot() {
            assertThat(codeOf(purchase().items(null))).isEqualTo(RejectionCode.MISSING_FIELD);
            assertThat(codeOf(purchase().items(List.of()))).isEqualTo(RejectionCode.MISSING_FIELD);
            assertThat(codeOf(PurchaseMother.refundOf("SO-1", "10.00"))).isNull();
            assertThat(codeOf(PurchaseMother.refundOf("SO-1", "10.00").items(List.of()))).isNull();
        }

        @Test
        void everyPartOfALineItemIsRequired() {
            assertThat(codeOf(purchase().items(Arrays.asList((LineItem) null)))).isEqualTo(RejectionCode.MISSING_FIELD);
            assertThat(messageOf(purchase().items(List.of(item(null, 1, "1.00"))))).contains("items[0].sku");
            assertThat(codeOf(purchase().items(List.of(item(" ", 1, "1.00"))))).isEqualTo(RejectionCode.MISSING_FIELD);
            assertThat(messageOf(purchase().items(List.of(item("A", null, "1.00"))))).contains("items[0].quantity");
            assertThat(messageOf(purchase().items(List.of(item("A", 1, "1.00"), item("B", 1, null)))))
                    .contains("items[1].unitPrice");
        }

        @Test
        void optionalFieldsMayBeAbsent() {
            assertThat(codeOf(purchase().storeId(null).region(null).source(null).discount(null).total("498.00")))
                    .isNull();
            assertThat(codeOf(purchase().items(List.of(new LineItem("A", null, 1, new BigDecimal("458.00"))))
                    .discount(null))).isNull();
        }
    }

    @Nested
    class Ids {
        @ParameterizedTest
        @ValueSource(strings = {"has space", "-leading-dash", "a/b", "a?b", "ünïcode", "a#b"})
        void malformedIdsAreInvalid(String id) {
            assertThat(codeOf(purchase().eventId(id))).isEqualTo(RejectionCode.INVALID_ID);
            assertThat(codeOf(purchase().customerId(id))).isEqualTo(RejectionCode.INVALID_ID);
            assertThat(codeOf(purchase().orderId(id))).isEqualTo(RejectionCode.INVALID_ID);
        }

        @Test
        void idsUpTo128CharactersOfTheContractSyntaxAreValid() {
            assertThat(codeOf(purchase().eventId("a".repeat(128)).customerId("00004").orderId("C-1:x@y.z_"))).isNull();
            assertThat(codeOf(purchase().eventId("a".repeat(129)))).isEqualTo(RejectionCode.INVALID_ID);
        }
    }

    @Nested
    class Lengths {
        /** The published schema carries the same limits as the rules: both name the contract's constants. */
        @Test
        void theRulesRefuseExactlyAboveTheSchemasLimits() {
            JsonNode schema = purchaseSchema();
            int store = schema.at("/properties/storeId/maxLength").asInt();
            int region = schema.at("/properties/region/maxLength").asInt();
            int source = schema.at("/properties/source/maxLength").asInt();
            int sku = schema.at("/$defs/LineItem/properties/sku/maxLength").asInt();
            int category = schema.at("/$defs/LineItem/properties/category/maxLength").asInt();
            assertThat(List.of(store, region, source, sku, category)).containsExactly(
                    PurchaseLimits.MAX_STORE_ID_LENGTH, PurchaseLimits.MAX_REGION_LENGTH,
                    PurchaseLimits.MAX_SOURCE_LENGTH, PurchaseLimits.MAX_SKU_LENGTH,
                    PurchaseLimits.MAX_CATEGORY_LENGTH);
            assertThat(schema.at("/properties/items/maxItems").asInt()).isEqualTo(PurchaseLimits.MAX_ITEMS);

            assertThat(codeOf(purchase().storeId("s".repeat(store)).region("r".repeat(region))
                    .source("s".repeat(source)))).isNull();
            assertThat(codeOf(purchase().storeId("s".repeat(store + 1)))).isEqualTo(RejectionCode.FIELD_TOO_LONG);
            assertThat(codeOf(purchase().region("r".repeat(region + 1)))).isEqualTo(RejectionCode.FIELD_TOO_LONG);
            assertThat(codeOf(purchase().source("s".repeat(source + 1)))).isEqualTo(RejectionCode.FIELD_TOO_LONG);
            assertThat(codeOf(purchase().discount(null).total("1.00")
                    .items(List.of(new LineItem("k".repeat(sku), "c".repeat(category), 1, BigDecimal.ONE)))))
                    .isNull();
            assertThat(codeOf(purchase().discount(null).total("1.00")
                    .items(List.of(new LineItem("k".repeat(sku + 1), null, 1, BigDecimal.ONE)))))
                    .isEqualTo(RejectionCode.FIELD_TOO_LONG);
            assertThat(codeOf(purchase().discount(null).total("1.00")
                    .items(List.of(new LineItem("A", "c".repeat(category + 1), 1, BigDecimal.ONE)))))
                    .isEqualTo(RejectionCode.FIELD_TOO_LONG);
        }

        private static JsonNode purchaseSchema() {
            try (InputStream in = PurchaseRulesTest.class.getResourceAsStream(
                    Contracts.PURCHASE_SUBMITTED.schemaPath())) {
                return ContractJson.mapper().readTree(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Test
        void textFieldsHaveMaximumLengths() {
            assertThat(codeOf(purchase().storeId("s".repeat(64)))).isNull();
            assertThat(codeOf(purchase().storeId("s".repeat(65)))).isEqualTo(RejectionCode.FIELD_TOO_LONG);
            assertThat(codeOf(purchase().region("r".repeat(65)))).isEqualTo(RejectionCode.FIELD_TOO_LONG);
            assertThat(codeOf(purchase().source("s".repeat(128)))).isNull();
            assertThat(codeOf(purchase().source("s".repeat(129)))).isEqualTo(RejectionCode.FIELD_TOO_LONG);
            assertThat(codeOf(purchase().items(List.of(item("k".repeat(65), 1, "1.00")))))
                    .isEqualTo(RejectionCode.FIELD_TOO_LONG);
            assertThat(codeOf(purchase().discount(null).total("1.00")
                    .items(List.of(new LineItem("A", "c".repeat(129), 1, BigDecimal.ONE)))))
                    .isEqualTo(RejectionCode.FIELD_TOO_LONG);
        }
    }

    @Nested
    class Currency {
        @ParameterizedTest
        @ValueSource(strings = {"XYZ", "usd", "US", "USDD", "12A", "ABC"})
        void aCodeThatIsNotIso4217IsUnknown(String code) {
            assertThat(codeOf(purchase().currency(code))).isEqualTo(RejectionCode.UNKNOWN_CURRENCY);
        }

        @Test
        void aRealCurrencyWithoutARateIsUnsupported() {
            assertThat(codeOf(purchase().currency("CHF"))).isEqualTo(RejectionCode.UNSUPPORTED_CURRENCY);
            assertThat(messageOf(purchase().currency("CHF"))).contains("CHF").contains("USD");
        }

        @Test
        void everyConfiguredCurrencyIsAccepted() {
            for (String code : List.of("CNY", "USD", "EUR", "GBP")) {
                assertThat(codeOf(purchase().currency(code))).as(code).isNull();
            }
        }
    }

    @Nested
    class Amounts {
        @Test
        void zeroAmountsAreValid() {
            assertThat(codeOf(purchase().singleItem(1, "0.00"))).isNull();
            assertThat(codeOf(purchase().singleItem(3, "0"))).isNull();
            assertThat(codeOf(purchase().discount("0.00").total("498.00"))).isNull();
        }

        @Test
        void negativeAmountsAreRejected() {
            assertThat(codeOf(purchase().total("-458.00"))).isEqualTo(RejectionCode.NEGATIVE_AMOUNT);
            assertThat(codeOf(purchase().discount("-1.00"))).isEqualTo(RejectionCode.NEGATIVE_AMOUNT);
            assertThat(codeOf(purchase().items(List.of(item("A", 1, "-1.00"))).total("0").discount(null)))
                    .isEqualTo(RejectionCode.NEGATIVE_AMOUNT);
            assertThat(codeOf(PurchaseMother.refundOf("SO-1", "-5.00"))).isEqualTo(RejectionCode.NEGATIVE_AMOUNT);
        }

        @Test
        void amountsBeyondTheMoneyFormatAreInvalid() {
            assertThat(codeOf(purchase().total("1234567890123456.00"))).isEqualTo(RejectionCode.INVALID_AMOUNT);
            assertThat(codeOf(purchase().discount(null).total("1.00").items(List.of(item("A", 1, "0.1234567")))))
                    .isEqualTo(RejectionCode.INVALID_AMOUNT);
        }

        @Test
        void totalsMayNotHaveMoreDecimalsThanTheCurrency() {
            assertThat(codeOf(purchase().currency("USD").singleItem(1, "10.005")))
                    .isEqualTo(RejectionCode.TOO_MANY_DECIMALS);
            assertThat(codeOf(purchase().currency("JPY").singleItem(1, "100.5")))
                    .isEqualTo(RejectionCode.TOO_MANY_DECIMALS);
            assertThat(codeOf(purchase().currency("JPY").singleItem(1, "100"))).isNull();
            assertThat(codeOf(purchase().currency("KWD").singleItem(1, "1.005"))).isNull();
            assertThat(codeOf(purchase().discount("40.001").total("457.999")))
                    .isEqualTo(RejectionCode.TOO_MANY_DECIMALS);
        }

        @Test
        void trailingZerosDoNotCountAsDecimals() {
            assertThat(codeOf(purchase().total("458.0000").discount("40.000"))).isNull();
        }

        @Test
        void unitPricesMayUseFractionsOfTheMinorUnit() {
            // Online Retail sells pads at GBP 0.001: the line is worth less than a penny, the total is 0.00.
            assertThat(codeOf(purchase().currency("GBP").discount(null).total("0.00")
                    .items(List.of(item("PADS", 1, "0.001"))))).isNull();
        }
    }

    @Nested
    class Items {
        @ParameterizedTest
        @ValueSource(ints = {0, -1, Integer.MIN_VALUE})
        void quantitiesMustBePositive(int quantity) {
            assertThat(codeOf(purchase().items(List.of(item("A", quantity, "1.00"))).total("0").discount(null)))
                    .isEqualTo(RejectionCode.INVALID_QUANTITY);
        }

        @Test
        void atMostTheContractsNumberOfItems() {
            List<LineItem> many = new ArrayList<>();
            for (int i = 0; i < PurchaseLimits.MAX_ITEMS; i++) {
                many.add(item("S" + i, 1, "1.00"));
            }
            assertThat(codeOf(purchase().items(many).total(many.size() + ".00").discount(null))).isNull();
            many.add(item("S" + many.size(), 1, "1.00"));
            assertThat(codeOf(purchase().items(many).total(many.size() + ".00").discount(null)))
                    .isEqualTo(RejectionCode.TOO_MANY_ITEMS);
            assertThat(messageOf(purchase().items(many).total(many.size() + ".00").discount(null)))
                    .isEqualTo("field items has " + many.size() + " entries, more than " + PurchaseLimits.MAX_ITEMS);
        }
    }

    @Nested
    class Time {
        @Test
        void occurredAtMayBeAheadOfTheClockByTheSkewOnly() {
            assertThat(codeOf(purchase().occurredAt(NOW.plus(Duration.ofMinutes(15))))).isNull();
            assertThat(codeOf(purchase().occurredAt(NOW.plus(Duration.ofMinutes(15)).plusSeconds(1))))
                    .isEqualTo(RejectionCode.OCCURRED_IN_FUTURE);
        }

        @Test
        void occurredAtMayNotBeBeforeTheEpoch() {
            assertThat(codeOf(purchase().occurredAt(Instant.parse("1990-01-01T00:00:00Z")))).isNull();
            assertThat(codeOf(purchase().occurredAt(Instant.parse("1989-12-31T23:59:59Z"))))
                    .isEqualTo(RejectionCode.OCCURRED_BEFORE_EPOCH);
        }

        @Test
        void historicalTimesAreValid() {
            assertThat(codeOf(purchase().occurredAt(Instant.parse("1997-01-01T00:00:00Z")))).isNull();
        }
    }

    @Nested
    class Arithmetic {
        @Test
        void theTotalIsTheItemsMinusTheDiscountWithinOneMinorUnit() {
            assertThat(codeOf(purchase().total("458.01"))).isNull();
            assertThat(codeOf(purchase().total("457.99"))).isNull();
            assertThat(codeOf(purchase().total("458.02"))).isEqualTo(RejectionCode.TOTAL_MISMATCH);
            assertThat(codeOf(purchase().total("498.00"))).isEqualTo(RejectionCode.TOTAL_MISMATCH);
        }

        @Test
        void theToleranceIsInMinorUnitsOfTheCurrency() {
            assertThat(codeOf(purchase().currency("JPY").discount(null).total("1001")
                    .items(List.of(item("A", 2, "500"))))).isNull();
            assertThat(codeOf(purchase().currency("JPY").discount(null).total("1002")
                    .items(List.of(item("A", 2, "500"))))).isEqualTo(RejectionCode.TOTAL_MISMATCH);
        }

        @Test
        void aDiscountAboveTheItemsTotalIsRejected() {
            assertThat(codeOf(purchase().discount("498.00").total("0.00"))).isNull();
            assertThat(codeOf(purchase().discount("498.01").total("0.00")))
                    .isEqualTo(RejectionCode.DISCOUNT_EXCEEDS_TOTAL);
        }

        @Test
        void aRefundWithItemsFollowsTheSameArithmetic() {
            assertThat(codeOf(purchase().type(PurchaseType.REFUND).total("100.00")))
                    .isEqualTo(RejectionCode.TOTAL_MISMATCH);
            assertThat(codeOf(purchase().type(PurchaseType.REFUND))).isNull();
        }
    }

    @Test
    void theFirstBrokenRuleInCheckingOrderWins() {
        // missing id before a negative amount before a bad total
        assertThat(codeOf(purchase().eventId(null).total("-1"))).isEqualTo(RejectionCode.MISSING_FIELD);
        assertThat(codeOf(purchase().currency("XYZ").total("-1"))).isEqualTo(RejectionCode.UNKNOWN_CURRENCY);
        assertThat(codeOf(purchase().total("-1").occurredAt(NOW.plus(Duration.ofDays(1)))))
                .isEqualTo(RejectionCode.NEGATIVE_AMOUNT);
        assertThat(codeOf(purchase().total("1.00").occurredAt(NOW.plus(Duration.ofDays(1)))))
                .isEqualTo(RejectionCode.OCCURRED_IN_FUTURE);
    }
}
