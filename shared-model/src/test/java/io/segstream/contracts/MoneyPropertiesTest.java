package io.segstream.contracts;

import io.segstream.contracts.purchase.LineItem;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.math.BigDecimal;
import java.math.BigInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Money round-trips exactly within its limits, in Money and through ContractJson; exponent forms never pass. */
class MoneyPropertiesTest {

    @Property
    void anyAmountWithinTheLimitsRoundTrips(@ForAll("amounts") BigDecimal amount) {
        String text = Money.format(amount);

        assertThat(Money.isWellFormed(text)).as(text).isTrue();
        assertThat(Money.parse(text)).isEqualTo(amount);

        LineItem item = new LineItem("SKU-1", null, 1, amount);
        String json = ContractJson.mapper().writeValueAsString(item);
        assertThat(ContractJson.mapper().readValue(json, LineItem.class).unitPrice()).isEqualTo(amount);
    }

    @Property
    void anythingInExponentFormIsRefused(@ForAll("exponentForms") String text) {
        assertThat(Money.isWellFormed(text)).isFalse();
        assertThatThrownBy(() -> Money.parse(text)).isInstanceOf(IllegalArgumentException.class);
        String json = "{\"sku\": \"SKU-1\", \"quantity\": 1, \"unitPrice\": \"" + text + "\"}";
        assertThatThrownBy(() -> ContractJson.mapper().readValue(json, LineItem.class))
                .hasMessageContaining("money must be a decimal string");
    }

    @Property
    void amountsBeyondTheLimitsAreRefused(@ForAll("tooPrecise") BigDecimal amount) {
        assertThat(Money.isWellFormed(amount.toPlainString())).isFalse();
    }

    /** Up to 15 integer digits and up to 6 fraction digits, either sign, every scale from 0 to 6. */
    @Provide
    Arbitrary<BigDecimal> amounts() {
        return Arbitraries.integers().between(0, Money.MAX_FRACTION_DIGITS).flatMap(scale -> {
            BigInteger bound = BigInteger.TEN.pow(Money.MAX_INTEGER_DIGITS + scale).subtract(BigInteger.ONE);
            return Arbitraries.bigIntegers().between(bound.negate(), bound)
                    .map(unscaled -> new BigDecimal(unscaled, scale));
        });
    }

    /** A mantissa, an e or E, an optional sign and an exponent: "2.49e2", "1E-3", "7e+0". */
    @Provide
    Arbitrary<String> exponentForms() {
        Arbitrary<String> mantissa = amounts().map(BigDecimal::toPlainString);
        Arbitrary<String> marker = Arbitraries.of("e", "E");
        Arbitrary<String> sign = Arbitraries.of("", "+", "-");
        Arbitrary<Integer> exponent = Arbitraries.integers().between(0, 999_999_999);
        return Combinators.combine(mantissa, marker, sign, exponent).as((m, e, s, x) -> m + e + s + x);
    }

    /** Either a 16th integer digit or a 7th fraction digit. */
    @Provide
    Arbitrary<BigDecimal> tooPrecise() {
        Arbitrary<BigDecimal> tooLarge = Arbitraries.bigIntegers()
                .between(BigInteger.TEN.pow(Money.MAX_INTEGER_DIGITS), BigInteger.TEN.pow(30))
                .map(BigDecimal::new);
        Arbitrary<BigDecimal> tooFine = Arbitraries.bigIntegers()
                .between(BigInteger.ONE, BigInteger.TEN.pow(12))
                .filter(unscaled -> !unscaled.mod(BigInteger.TEN).equals(BigInteger.ZERO))
                .map(unscaled -> new BigDecimal(unscaled, Money.MAX_FRACTION_DIGITS + 1));
        return Arbitraries.oneOf(tooLarge, tooFine);
    }
}
