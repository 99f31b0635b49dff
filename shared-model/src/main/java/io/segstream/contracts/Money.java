package io.segstream.contracts;

import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * Money on the wire is a decimal string ("129.90"), never a float. Parsing is strict on purpose:
 * exponent notation and absurd magnitudes are refused before a BigDecimal is built, so "1e999999999"
 * cannot make a later toPlainString() allocate gigabytes.
 */
public final class Money {
    /** Up to 15 integer digits and 6 fraction digits, optional sign; no exponent, no grouping. */
    private static final Pattern DECIMAL = Pattern.compile("-?\\d{1,15}(\\.\\d{1,6})?");

    private Money() {
    }

    public static boolean isWellFormed(String text) {
        return text != null && DECIMAL.matcher(text).matches();
    }

    /** @throws IllegalArgumentException when the text is not a plain decimal within the limits above */
    public static BigDecimal parse(String text) {
        if (!isWellFormed(text)) {
            throw new IllegalArgumentException("not a decimal money amount: " + abbreviate(text));
        }
        return new BigDecimal(text);
    }

    public static String format(BigDecimal amount) {
        return amount == null ? null : amount.toPlainString();
    }

    private static String abbreviate(String text) {
        if (text == null) {
            return "null";
        }
        return text.length() <= 40 ? '"' + text + '"' : '"' + text.substring(0, 40) + "…\"";
    }
}
