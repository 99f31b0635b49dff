package io.segstream.segmentation.domain;

import java.util.Set;
import java.util.TreeSet;

/**
 * What in a definition can change a customer's class with the clock alone: thresholds on recency and tenure (whole
 * days) and figures over rolling windows (which change as facts age out of them).
 */
public record ClockSensitivity(Set<Long> recencyDays, Set<Long> tenureDays, boolean windows) {
    public static final ClockSensitivity NONE = new ClockSensitivity(Set.of(), Set.of(), false);

    public ClockSensitivity {
        recencyDays = Set.copyOf(recencyDays);
        tenureDays = Set.copyOf(tenureDays);
    }

    /** What can change classes with the clock alone, over all these dimensions. */
    public static ClockSensitivity of(java.util.Collection<? extends Dimension> dimensions) {
        return dimensions.stream().map(Dimension::clockSensitivity).reduce(NONE, ClockSensitivity::plus);
    }

    public ClockSensitivity plus(ClockSensitivity other) {
        Set<Long> recency = new TreeSet<>(recencyDays);
        recency.addAll(other.recencyDays);
        Set<Long> tenure = new TreeSet<>(tenureDays);
        tenure.addAll(other.tenureDays);
        return new ClockSensitivity(recency, tenure, windows || other.windows);
    }
}
