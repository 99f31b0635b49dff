package io.segstream.contracts;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MoneyTest {

    @ParameterizedTest
    @ValueSource(strings = {"0", "129.90", "458.00", "-40.00", "0.000001", "999999999999999.999999",
            "-999999999999999"})
    void plainDecimalsWithinTheLimitsAreAcceptedWithTheirScale(String text) {
        assertThat(Money.isWellFormed(text)).isTrue();
        assertThat(Money.parse(text)).isEqualTo(new BigDecimal(text));
        assertThat(Money.format(Money.parse(text))).isEqualTo(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "1e3", "1E3", "1.5E+2", "1e-3", "1.", ".5", "+1.00", "1,000.00", "1 000",
            " 1.00", "1.00 ", "1_000", "0x10", "NaN", "Infinity", "-", "1.0000001", "1234567890123456",
            "１２３", "٣"})
    void anythingElseIsRefused(String text) {
        assertThat(Money.isWellFormed(text)).isFalse();
        assertThatThrownBy(() -> Money.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("not a decimal money amount");
    }

    @Test
    void nullIsNotMoney() {
        assertThat(Money.isWellFormed(null)).isFalse();
        assertThatThrownBy(() -> Money.parse(null)).hasMessage("not a decimal money amount: null");
        assertThat(Money.format(null)).isNull();
    }

    @Test
    void formatKeepsTheScaleAndNeverUsesAnExponent() {
        assertThat(Money.format(new BigDecimal("458.00"))).isEqualTo("458.00");
        assertThat(Money.format(new BigDecimal("1E+3"))).isEqualTo("1000");
        assertThat(Money.format(new BigDecimal("1E-6"))).isEqualTo("0.000001");
    }

    @Test
    void theErrorMessageQuotesOnlyTheStartOfALongInput() {
        String hostile = "9".repeat(10_000) + "e9";

        assertThatThrownBy(() -> Money.parse(hostile))
                .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(100).endsWith("…\""));
    }

    @Test
    void thePatternIsBuiltFromTheDigitLimits() {
        assertThat(Money.PATTERN).isEqualTo("-?\\d{1,15}(\\.\\d{1,6})?");
        assertThat(Money.isWellFormed("1".repeat(Money.MAX_INTEGER_DIGITS))).isTrue();
        assertThat(Money.isWellFormed("1".repeat(Money.MAX_INTEGER_DIGITS + 1))).isFalse();
        assertThat(Money.isWellFormed("0." + "1".repeat(Money.MAX_FRACTION_DIGITS))).isTrue();
        assertThat(Money.isWellFormed("0." + "1".repeat(Money.MAX_FRACTION_DIGITS + 1))).isFalse();
    }
}
