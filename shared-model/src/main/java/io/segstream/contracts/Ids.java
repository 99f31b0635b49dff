package io.segstream.contracts;

import java.util.regex.Pattern;

/** Identifier syntax shared by every contract: printable ASCII, no spaces, no path or query characters. */
public final class Ids {
    public static final String PATTERN = "[A-Za-z0-9][A-Za-z0-9._:@\\-]{0,127}";
    private static final Pattern COMPILED = Pattern.compile(PATTERN);

    private Ids() {
    }

    /** True when {@code id} follows the syntax; false for null. */
    public static boolean isValid(String id) {
        return id != null && COMPILED.matcher(id).matches();
    }
}
