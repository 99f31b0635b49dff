package io.segstream.contracts.segment;

import java.time.Instant;

/**
 * A customer's class in a dimension changed, or the customer entered or left an audience (segments.changes.v1).
 * For a dimension {@code from}/{@code to} are class names, {@code from} null on first classification; for an
 * audience they are "false"/"true". {@code causedBy} is the triggering event id, "sweep" or "redefinition".
 */
public record SegmentChanged(
        String eventId,
        String customerId,
        SegmentKind kind,
        String key,
        String from,
        String to,
        long definitionVersion,
        String causedBy,
        Instant occurredAt,
        ProfileSnapshot profile) {

    public static final String CAUSE_SWEEP = "sweep";
    public static final String CAUSE_REDEFINITION = "redefinition";

    public boolean isFirstClassification() {
        return from == null;
    }
}
