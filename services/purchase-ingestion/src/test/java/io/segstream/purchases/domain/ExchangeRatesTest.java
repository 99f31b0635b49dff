package io.segstream.purchases.domain;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ExchangeRatesTest {
    private final ExchangeRates rates = new ExchangeRates("CNY", Map.of("USD", new BigDecimal("7.15"),
            "EUR", new BigDecimal("0.5")));

    @Test
    void convertsIntoTheReportingCurrencyWithTwoDecimals() {
        assertThat(rates.toReporting(new BigDecimal("100.00"), "USD")).isEqualByComparingTo("715.00")
                .hasToString("715.00");
        assertThat(rates.toReporting(new BigDecimal("458.00"), "CNY")).hasToString("458.00");
        assertThat(rates.toReporting(new BigDecimal("0"), "USD")).hasToString("0.00");
    }

    @Test
    void roundsHalfToEven() {
        assertThat(rates.toReporting(new BigDecimal("0.05"), "EUR")).hasToString("0.02");
        assertThat(rates.toReporting(new BigDecimal("0.07"), "EUR")).hasToString("0.04");
        assertThat(rates.toReporting(new BigDecimal("11.77"), "USD")).hasToString("84.16"); // 84.1555
    }

    @Test
    void theReportingCurrencyIsAlwaysSupportedAtOne() {
        assertThat(rates.supports("CNY")).isTrue();
        assertThat(rates.rates()).containsEntry("CNY", BigDecimal.ONE);
        assertThat(rates.supports("GBP")).isFalse();
        assertThat(rates.supports(null)).isFalse();
        assertThat(rates.reportingCurrency()).isEqualTo("CNY");
    }

    @Test
    void anUnconfiguredCurrencyCannotBeConverted() {
        assertThatThrownBy(() -> rates.toReporting(BigDecimal.ONE, "GBP")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aBrokenTableIsRefusedAtStartup() {
        assertThatThrownBy(() -> new ExchangeRates("XXQ", Map.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ExchangeRates("CNY", Map.of("USD", BigDecimal.ZERO)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ExchangeRates("CNY", Map.of("ABC", BigDecimal.ONE)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ExchangeRates("CNY", Map.of("CNY", BigDecimal.TEN)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
