package io.segstream.segmentation.domain;

/**
 * A way of classifying customers that gives each exactly one class. Built-in dimensions implement it in code today;
 * the versioned definitions of the segment catalogue (issue 5: CEL expressions stored in MongoDB) will implement
 * the same interface.
 */
public interface Dimension {

    /** The dimension's stable key, as it appears in segment-change events ("lifecycle"). */
    String key();

    /** The version of the definition that produced a class; every change event names it. */
    long definitionVersion();

    /** Classifies from the figures alone; the as-of instant travels in them, never the wall clock. */
    ClassAssignment classify(ProfileFigures figures);
}
