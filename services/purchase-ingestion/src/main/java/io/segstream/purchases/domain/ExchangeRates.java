package io.segstream.purchases.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The configured reporting currency and the rate of every accepted currency into it. A currency without a rate is
 * refused (UNSUPPORTED_CURRENCY) rather than guessed. Rates are fixed configuration, not market data: a replay of
 * history is converted at today's table.
 */
public final class ExchangeRates {
    /** Decimal places of a reporting amount. */
    public static final int REPORTING_SCALE = 2;

    private final String reportingCurrency;
    private final Map<String, BigDecimal> rates;

    /**
     * @param reportingCurrency ISO code every amount is converted into
     * @param rates             units of the reporting currency for one unit of each currency; the reporting currency
     *                          itself is added at 1 when absent
     */
    public ExchangeRates(String reportingCurrency, Map<String, BigDecimal> rates) {
        if (!Currencies.isIso(reportingCurrency)) {
            throw new IllegalArgumentException("reporting currency is not an ISO 4217 code: " + reportingCurrency);
        }
        Map<String, BigDecimal> table = new TreeMap<>(rates);
        table.putIfAbsent(reportingCurrency, BigDecimal.ONE);
        table.forEach((code, rate) -> {
            if (!Currencies.isIso(code)) {
                throw new IllegalArgumentException("rate for a code that is not ISO 4217: " + code);
            }
            if (rate == null || rate.signum() <= 0) {
                throw new IllegalArgumentException("rate for " + code + " must be positive");
            }
        });
        if (table.get(reportingCurrency).compareTo(BigDecimal.ONE) != 0) {
            throw new IllegalArgumentException("the reporting currency must have the rate 1");
        }
        this.reportingCurrency = reportingCurrency;
        this.rates = Map.copyOf(table);
    }

    public String reportingCurrency() {
        return reportingCurrency;
    }

    public boolean supports(String currency) {
        return currency != null && rates.containsKey(currency);
    }

    public Map<String, BigDecimal> rates() {
        return rates;
    }

    /** The amount in the reporting currency, rounded half-even to {@value #REPORTING_SCALE} places. */
    public BigDecimal toReporting(BigDecimal amount, String currency) {
        BigDecimal rate = rates.get(Objects.requireNonNull(currency, "currency"));
        if (rate == null) {
            throw new IllegalArgumentException("no rate configured for " + currency);
        }
        return amount.multiply(rate).setScale(REPORTING_SCALE, RoundingMode.HALF_EVEN);
    }
}
