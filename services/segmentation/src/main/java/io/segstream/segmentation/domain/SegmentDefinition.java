package io.segstream.segmentation.domain;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A versioned segment definition: a dimension (ordered classes, the first whose {@code when} holds wins) or an
 * audience (one boolean expression). Expressions are CEL over {@code profile} and {@code segments}.
 *
 * @param version   1 for the first definition of a key, +1 on every change; 0 for one not stored yet
 * @param createdAt when this version was stored (processing time), null for one not stored yet
 * @param changedBy who stored this version (the caller's principal; "system" for the seeded defaults), null for one
 *                  not stored yet or stored before the audit existed
 * @param changedAt when {@code changedBy} stored it (the same instant as {@code createdAt})
 */
public record SegmentDefinition(String key, DefinitionKind kind, String description, List<ClassRule> classes,
                                String expression, long version, Instant createdAt, String changedBy,
                                Instant changedAt) {

    public SegmentDefinition {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(kind, "kind");
        classes = classes == null ? List.of() : List.copyOf(classes);
    }

    /** A definition without audit fields (not stored yet, or from before the audit). */
    public SegmentDefinition(String key, DefinitionKind kind, String description, List<ClassRule> classes,
                             String expression, long version, Instant createdAt) {
        this(key, kind, description, classes, expression, version, createdAt, null, null);
    }

    public static SegmentDefinition dimension(String key, String description, List<ClassRule> classes) {
        return new SegmentDefinition(key, DefinitionKind.DIMENSION, description, classes, null, 0, null);
    }

    public static SegmentDefinition audience(String key, String description, String expression) {
        return new SegmentDefinition(key, DefinitionKind.AUDIENCE, description, List.of(), expression, 0, null);
    }

    /** This definition stored as {@code newVersion} at {@code storedAt} (also its {@code changedAt}). */
    public SegmentDefinition withVersion(long newVersion, Instant storedAt) {
        return new SegmentDefinition(key, kind, description, classes, expression, newVersion, storedAt, changedBy,
                storedAt);
    }

    /** This definition as changed by {@code actor} (recorded with the version it is stored as). */
    public SegmentDefinition changedBy(String actor) {
        return new SegmentDefinition(key, kind, description, classes, expression, version, createdAt, actor,
                changedAt);
    }

    /** The class names a customer can be given: the dimension's classes, or true/false for an audience. */
    public List<String> classNames() {
        return kind == DefinitionKind.AUDIENCE ? List.of(DefinitionKind.MEMBER, DefinitionKind.NOT_MEMBER)
                : classes.stream().map(ClassRule::name).toList();
    }
}
