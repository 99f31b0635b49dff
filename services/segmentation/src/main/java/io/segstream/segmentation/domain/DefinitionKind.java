package io.segstream.segmentation.domain;

/**
 * A dimension gives every customer exactly one class; an audience is a named boolean segment, whose "classes" are
 * {@code "true"} (member) and {@code "false"}.
 */
public enum DefinitionKind {
    DIMENSION, AUDIENCE;

    public static final String MEMBER = "true";
    public static final String NOT_MEMBER = "false";
}
