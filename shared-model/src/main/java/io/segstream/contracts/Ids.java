package io.segstream.contracts;

import java.util.regex.Pattern;

/** Identifier syntax shared by every contract: printable ASCII, no spaces, no path or query characters. */
public final class Ids {
    /** Longest identifier, in characters: the one place this limit is set (records, rules and schemas follow it). */
    public static final int MAX_LENGTH = 128;
    /** A letter or digit, then up to {@value #MAX_LENGTH} - 1 letters, digits and . _ : @ - */
    public static final String PATTERN = "[A-Za-z0-9][A-Za-z0-9._:@\\-]{0," + (MAX_LENGTH - 1) + "}";
    private static final Pattern COMPILED = Pattern.compile(PATTERN);

    private Ids() {
    }

    /** True when {@code id} follows the syntax; false for null. */
    public static boolean isValid(String id) {
        return id != null && COMPILED.matcher(id).matches();
    }
}
