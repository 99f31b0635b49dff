package io.segstream.segmentation.domain;

import java.util.Objects;

/** One class of a dimension: the customer is in it when {@code when} (a CEL expression) holds and no earlier does. */
public record ClassRule(String name, String when) {
    public ClassRule {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(when, "when");
    }
}
