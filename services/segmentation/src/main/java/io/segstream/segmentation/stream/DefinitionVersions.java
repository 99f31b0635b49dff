package io.segstream.segmentation.stream;

import io.segstream.segmentation.domain.SegmentDefinition;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The stored versions of the definitions, as read from the definitions topic or its global store. */
public final class DefinitionVersions {
    private final Map<String, DefinitionRecord> newest = new LinkedHashMap<>();

    /** Takes one stored version into account (in any order). */
    public void add(DefinitionRecord record) {
        newest.merge(record.key(), record, (kept, next) -> next.version() > kept.version() ? next : kept);
    }

    /** The current (highest) version of every key. */
    public List<SegmentDefinition> current() {
        List<SegmentDefinition> current = new ArrayList<>();
        newest.values().forEach(record -> current.add(record.definition()));
        return current;
    }

    public DefinitionRecord newest(String key) {
        return newest.get(key);
    }

    public Map<String, DefinitionRecord> newestByKey() {
        return java.util.Collections.unmodifiableMap(newest);
    }

    public boolean isEmpty() {
        return newest.isEmpty();
    }
}
