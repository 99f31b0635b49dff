package io.segstream.segmentation.stream;

import io.segstream.contracts.ContractJson;
import io.segstream.segmentation.domain.ClassRule;
import io.segstream.segmentation.domain.DefinitionKind;
import io.segstream.segmentation.domain.SegmentDefinition;

import java.time.Instant;
import java.util.List;

/**
 * One stored version of a segment definition on segstream.segmentation.definitions (key "key:version", JSON): the
 * definition, who stored it and when, and the id of the re-evaluation its arrival starts in every task (null for a
 * seeded default or a version copied over from an earlier store: nobody waits for those).
 */
public record DefinitionRecord(String key, DefinitionKind kind, String description, List<Rule> classes,
                               String expression, long version, Instant createdAt, String changedBy,
                               Instant changedAt, String recomputationId) {

    /** A class of a dimension as stored. */
    public record Rule(String name, String when) {
    }

    public static DefinitionRecord of(SegmentDefinition definition, String recomputationId) {
        return new DefinitionRecord(definition.key(), definition.kind(), definition.description(),
                definition.classes().stream().map(rule -> new Rule(rule.name(), rule.when())).toList(),
                definition.expression(), definition.version(), definition.createdAt(), definition.changedBy(),
                definition.changedAt(), recomputationId);
    }

    public SegmentDefinition definition() {
        return new SegmentDefinition(key, kind, description,
                classes == null ? List.of() : classes.stream().map(rule -> new ClassRule(rule.name(), rule.when()))
                        .toList(), expression, version, createdAt, changedBy, changedAt);
    }

    /** The record's key on the topic: one record per version, so compaction keeps every version. */
    public String topicKey() {
        return topicKey(key, version);
    }

    public static String topicKey(String key, long version) {
        return key + ":" + version;
    }

    public byte[] toJson() {
        return ContractJson.mapper().writeValueAsBytes(this);
    }

    public static DefinitionRecord fromJson(byte[] json) {
        return ContractJson.mapper().readValue(json, DefinitionRecord.class);
    }
}
