package io.segstream.segmentation.web;

import io.segstream.segmentation.domain.ClassRule;
import io.segstream.segmentation.domain.DefinitionKind;
import io.segstream.segmentation.domain.InvalidDefinition;
import io.segstream.segmentation.domain.SegmentDefinition;

import java.util.List;

/**
 * The body of PUT /api/v1/segments/{key} and POST /api/v1/segments/preview (contracts.md, "Segment definitions").
 *
 * @param key  optional on PUT (the path names it); when given it must be the path's
 * @param kind DIMENSION or AUDIENCE
 */
record DefinitionRequest(String key, String kind, String description, List<ClassBody> classes, String expression) {

    record ClassBody(String name, String when) {
    }

    SegmentDefinition toDefinition(String pathKey) {
        String effectiveKey = pathKey != null ? pathKey : key;
        if (effectiveKey == null) {
            throw new InvalidDefinition("key", "the definition has no key");
        }
        if (pathKey != null && key != null && !key.equals(pathKey)) {
            throw new InvalidDefinition("key", "the key in the body differs from the key in the path");
        }
        DefinitionKind parsedKind;
        try {
            parsedKind = kind == null ? null : DefinitionKind.valueOf(kind);
        } catch (IllegalArgumentException e) {
            parsedKind = null;
        }
        if (parsedKind == null) {
            throw new InvalidDefinition("kind", "kind is DIMENSION or AUDIENCE");
        }
        List<ClassRule> rules = classes == null ? List.of() : classes.stream().map(body -> {
            if (body == null || body.name() == null || body.when() == null) {
                throw new InvalidDefinition("classes", "every class has a name and a when");
            }
            return new ClassRule(body.name(), body.when());
        }).toList();
        return new SegmentDefinition(effectiveKey, parsedKind, description, rules, expression, 0, null);
    }
}
