package io.segstream.contracts;

import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * Money on the wire is a decimal string ("129.90"), never a float. Parsing is strict on purpose:
 * exponent notation and absurd magnitudes are refused before a BigDecimal is built, so "1e999999999"
 * cannot make a later toPlainString() allocate gigabytes.
 */
public final class Money {
    /** Most integer digits an amount may have. */
    public static final int MAX_INTEGER_DIGITS = 15;
    /** Most fraction digits an amount may have (enough for any currency and for exchange-rate precision). */
    public static final int MAX_FRACTION_DIGITS = 6;
    /**
     * Optional sign, 1 to {@value #MAX_INTEGER_DIGITS} integer digits, optionally a point and 1 to
     * {@value #MAX_FRACTION_DIGITS} fraction digits; no exponent, no grouping. The JSON Schemas carry the same
     * expression anchored ({@code "^" + PATTERN + "$"}); a test keeps them equal.
     */
    public static final String PATTERN =
            "-?\\d{1," + MAX_INTEGER_DIGITS + "}(\\.\\d{1," + MAX_FRACTION_DIGITS + "})?";

    private static final Pattern DECIMAL = Pattern.compile(PATTERN);

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
