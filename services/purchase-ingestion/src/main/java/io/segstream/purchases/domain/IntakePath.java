package io.segstream.purchases.domain;

/** How a submission reached the service; a metric tag. */
public enum IntakePath {
    HTTP, KAFKA;

    public String tag() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
