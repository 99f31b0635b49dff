package io.segstream.segmentation.domain;

import java.util.List;
import java.util.Optional;

/** Where versioned segment definitions live (port; the MongoDB adapter is in the store package). */
public interface DefinitionStore {

    /** The current (highest) version of every key. */
    List<SegmentDefinition> current();

    Optional<SegmentDefinition> current(String key);

    /**
     * Stores the definition as the next version of its key.
     *
     * @return the stored definition with its version
     * @throws ConcurrentDefinitionChange when another writer stored that version first
     */
    SegmentDefinition saveNewVersion(SegmentDefinition definition);

    /** Stores each definition as version 1 of its key, unless its key already has one (first start; idempotent). */
    void seed(List<SegmentDefinition> definitions);
}
