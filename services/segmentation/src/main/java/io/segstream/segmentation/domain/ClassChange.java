package io.segstream.segmentation.domain;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A customer moved from one class of a dimension to another ({@code from} null on first classification), with the
 * figures behind it. Its id is derived from what it says, so a republished change is recognisably the same event.
 *
 * @param occurredAt  event time of the cause
 * @param recencyDays recency at the evaluation, null when the customer never bought
 * @param frequency   orders at the evaluation
 * @param monetary    net spend at the evaluation
 * @param rfm         the RFM scores as a code ("245"), null when not scored
 */
public record ClassChange(String eventId, String customerId, String key, String from, String to,
                          long definitionVersion, String causedBy, Instant occurredAt, Integer recencyDays,
                          long frequency, BigDecimal monetary, DefinitionKind kind, String rfm) {

    public ClassChange {
        kind = kind == null ? DefinitionKind.DIMENSION : kind;
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(causedBy, "causedBy");
        Objects.requireNonNull(occurredAt, "occurredAt");
    }

    /** A change of a dimension's class. */
    public ClassChange(String eventId, String customerId, String key, String from, String to,
                       long definitionVersion, String causedBy, Instant occurredAt, Integer recencyDays,
                       long frequency, BigDecimal monetary) {
        this(eventId, customerId, key, from, to, definitionVersion, causedBy, occurredAt, recencyDays, frequency,
                monetary, DefinitionKind.DIMENSION, null);
    }

    /** A change with its deterministic id: a name-based UUID of customer, dimension, version, cause and new class. */
    public static ClassChange of(String customerId, String key, String from, String to, long definitionVersion,
                                 String causedBy, Instant occurredAt, ProfileFigures figures) {
        return of(DefinitionKind.DIMENSION, customerId, key, from, to, definitionVersion, causedBy, occurredAt,
                figures);
    }

    /** A change of a dimension's class or of an audience's membership, with its deterministic id. */
    public static ClassChange of(DefinitionKind kind, String customerId, String key, String from, String to,
                                 long definitionVersion, String causedBy, Instant occurredAt, ProfileFigures figures) {
        return new ClassChange(idOf(customerId, key, definitionVersion, causedBy, to), customerId, key, from, to,
                definitionVersion, causedBy, occurredAt, figures.recencyDays(), figures.orderCount(),
                figures.monetary(), kind, figures.rfm() == null ? null : figures.rfm().code());
    }

    static String idOf(String customerId, String key, long definitionVersion, String causedBy, String to) {
        // The unit separator cannot occur in ids (Ids.PATTERN), so distinct parts never produce the same name.
        String name = String.join("\u001f", "segment-change", customerId, key, Long.toString(definitionVersion),
                causedBy, to);
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
