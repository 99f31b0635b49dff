package io.segstream.segmentation.domain;

import java.util.Map;

/**
 * A way of classifying customers that gives each exactly one class. Built-in dimensions implement it in code; the
 * versioned definitions of the segment catalogue (CEL expressions stored in MongoDB) implement the same interface.
 */
public interface Dimension {

    /** The dimension's stable key, as it appears in segment-change events ("lifecycle"). */
    String key();

    /** The version of the definition that produced a class; every change event names it. */
    long definitionVersion();

    /** Classifies from the figures alone; the as-of instant travels in them, never the wall clock. */
    ClassAssignment classify(ProfileFigures figures);

    /**
     * Classifies from the figures and the customer's classes in the other dimensions ({@code segments}: those
     * evaluated before this one in this evaluation, the previous ones otherwise, its own previous class included).
     */
    default ClassAssignment classify(ProfileFigures figures, Map<String, String> segments) {
        return classify(figures);
    }

    /**
     * Whether the customer's present class {@code current} (given by this version) is still the class, told without
     * evaluating the conditions: true only when nothing they read has changed since ({@code current}'s reason holds
     * what they read). False by default: the conditions are evaluated.
     */
    default boolean stillHolds(CurrentClass current, ProfileFigures figures, Map<String, String> segments) {
        return false;
    }

    /** What can change this dimension's classes with the clock alone (for the sweep's index); nothing by default. */
    default ClockSensitivity clockSensitivity() {
        return ClockSensitivity.NONE;
    }

    /** A dimension (one class per customer) or an audience (member or not: classes "true" and "false"). */
    default DefinitionKind kind() {
        return DefinitionKind.DIMENSION;
    }
}
