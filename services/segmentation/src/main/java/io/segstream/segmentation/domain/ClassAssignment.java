package io.segstream.segmentation.domain;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The class a dimension gives a customer, with the reason: the figures (and thresholds) that put the customer
 * there, by name. Reason values are numbers or strings.
 */
public record ClassAssignment(String className, Map<String, Object> reason) {

    public ClassAssignment {
        Objects.requireNonNull(className, "className");
        reason = reason == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(reason));
    }
}
