package io.segstream.purchases.domain;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.regex.Pattern;

/** ISO 4217 facts the rules need: which codes exist and how many decimal places each has. */
public final class Currencies {
    private static final Pattern CODE = Pattern.compile("[A-Z]{3}");

    private Currencies() {
    }

    public static boolean isIso(String code) {
        if (code == null || !CODE.matcher(code).matches()) {
            return false;
        }
        try {
            Currency.getInstance(code);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Decimal places of the currency's minor unit (2 for USD, 0 for JPY, 3 for KWD); 0 for units without one. */
    public static int fractionDigits(String code) {
        return Math.max(0, Currency.getInstance(code).getDefaultFractionDigits());
    }

    /** Decimal places the amount really uses: "10.50" and "10.500" use 1, "10" uses 0. */
    public static int decimalPlaces(BigDecimal amount) {
        return Math.max(0, amount.stripTrailingZeros().scale());
    }

    /** The amount in minor units (cents); the amount must not have more decimals than the currency. */
    public static long toMinorUnits(BigDecimal amount, String code) {
        return amount.movePointRight(fractionDigits(code)).longValueExact();
    }
}
