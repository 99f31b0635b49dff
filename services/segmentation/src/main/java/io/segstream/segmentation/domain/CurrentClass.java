package io.segstream.segmentation.domain;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A customer's present class in one dimension and why.
 *
 * @param since       event time of the change that put the customer in this class
 * @param causedBy    what caused that change (an event id)
 * @param evaluatedAt the as-of instant of the latest evaluation, whose figures {@code reason} holds
 */
public record CurrentClass(String key, String className, long definitionVersion, Instant since, String causedBy,
                           Instant evaluatedAt, Map<String, Object> reason, DefinitionKind kind) {

    public CurrentClass {
        kind = kind == null ? DefinitionKind.DIMENSION : kind;
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(className, "className");
        reason = reason == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(reason));
    }

    /** The same class, reason and cause, as of a later evaluation that found nothing it depends on changed. */
    public CurrentClass evaluatedAgainAt(Instant instant) {
        return new CurrentClass(key, className, definitionVersion, since, causedBy, instant, reason, kind);
    }

    /** A dimension's present class. */
    public CurrentClass(String key, String className, long definitionVersion, Instant since, String causedBy,
                        Instant evaluatedAt, Map<String, Object> reason) {
        this(key, className, definitionVersion, since, causedBy, evaluatedAt, reason, DefinitionKind.DIMENSION);
    }
}
