package io.segstream.contracts.segment;

/** A dimension gives each customer exactly one class; an audience is a named yes/no segment. */
public enum SegmentKind {
    DIMENSION, AUDIENCE
}
