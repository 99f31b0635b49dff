package io.segstream.purchases.domain;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CurrenciesTest {
    @Test
    void knowsIso4217Codes() {
        assertThat(Currencies.isIso("USD")).isTrue();
        assertThat(Currencies.isIso("CNY")).isTrue();
        assertThat(Currencies.isIso("XQQ")).isFalse();
        assertThat(Currencies.isIso("usd")).isFalse();
        assertThat(Currencies.isIso(null)).isFalse();
    }

    @Test
    void knowsMinorUnits() {
        assertThat(Currencies.fractionDigits("USD")).isEqualTo(2);
        assertThat(Currencies.fractionDigits("JPY")).isZero();
        assertThat(Currencies.fractionDigits("KWD")).isEqualTo(3);
        assertThat(Currencies.toMinorUnits(new BigDecimal("458.00"), "CNY")).isEqualTo(45_800L);
        assertThat(Currencies.toMinorUnits(new BigDecimal("458.5"), "CNY")).isEqualTo(45_850L);
        assertThat(Currencies.toMinorUnits(new BigDecimal("1000"), "JPY")).isEqualTo(1_000L);
        assertThatThrownBy(() -> Currencies.toMinorUnits(new BigDecimal("1.005"), "USD"))
                .isInstanceOf(ArithmeticException.class);
    }

    @Test
    void countsOnlySignificantDecimals() {
        assertThat(Currencies.decimalPlaces(new BigDecimal("10.500"))).isEqualTo(1);
        assertThat(Currencies.decimalPlaces(new BigDecimal("10"))).isZero();
        assertThat(Currencies.decimalPlaces(new BigDecimal("1E+3"))).isZero();
        assertThat(Currencies.decimalPlaces(new BigDecimal("0.001"))).isEqualTo(3);
    }
}
