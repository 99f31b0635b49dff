package io.segstream.feedback.domain;

import java.util.Locale;

/** How feedback arrived; a metric tag. */
public enum IntakePath {
    HTTP, KAFKA;

    public String tag() {
        return name().toLowerCase(Locale.ROOT);
    }
}
