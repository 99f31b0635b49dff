package io.segstream.churn.domain.rules;

import io.segstream.contracts.churn.ChurnReason;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One early-warning rule that fired, with the figures it fired on (measured values and the thresholds they were
 * compared with), so that ops can see why.
 */
public record RuleFinding(ChurnReason reason, Map<String, Object> figures) {
    public RuleFinding {
        Objects.requireNonNull(reason, "reason");
        figures = Collections.unmodifiableMap(new LinkedHashMap<>(figures));
    }
}
