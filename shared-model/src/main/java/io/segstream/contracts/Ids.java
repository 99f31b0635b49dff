package io.segstream.contracts;

/** Identifier syntax shared by every contract: printable ASCII, no spaces, no path or query characters. */
public final class Ids {
    public static final String PATTERN = "[A-Za-z0-9][A-Za-z0-9._:@\\-]{0,127}";

    private Ids() {
    }
}
