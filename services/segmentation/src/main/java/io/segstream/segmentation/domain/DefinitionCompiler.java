package io.segstream.segmentation.domain;

/** Turns a definition into something that classifies (port; the CEL adapter is in the expressions package). */
public interface DefinitionCompiler {

    /**
     * Validates, parses and type-checks every expression of the definition.
     *
     * @throws InvalidDefinition pointing at the first mistake
     */
    Dimension compile(SegmentDefinition definition);
}
