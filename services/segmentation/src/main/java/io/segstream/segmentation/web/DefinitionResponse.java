package io.segstream.segmentation.web;

import io.segstream.segmentation.domain.ClassRule;
import io.segstream.segmentation.domain.SegmentDefinition;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A stored definition version; in GET /api/v1/segments with the current number of customers per class.
 *
 * @param sizes           customers per class now (an audience: "true" members and "false" others); null on a PUT
 * @param recomputationId the background re-evaluation a PUT started (GET /api/v1/recomputations/{id}); else null
 * @param changedBy       who stored this version ("system" for the seeded defaults)
 * @param changedAt       when it was stored
 */
record DefinitionResponse(String key, String kind, String description, List<ClassRule> classes, String expression,
                          long version, Instant createdAt, Map<String, Long> sizes, String recomputationId,
                          String changedBy, Instant changedAt) {

    static DefinitionResponse of(SegmentDefinition definition, Map<String, Long> sizes, String recomputationId) {
        return new DefinitionResponse(definition.key(), definition.kind().name(), definition.description(),
                definition.classes().isEmpty() ? null : definition.classes(), definition.expression(),
                definition.version(), definition.createdAt(), sizes, recomputationId, definition.changedBy(),
                definition.changedAt());
    }
}
