package io.segstream.contracts.segment;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.segstream.contracts.Ids;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.Instant;

/**
 * A customer's class in a dimension changed, or the customer entered or left an audience (segments.changes.v1).
 * For a dimension {@code from}/{@code to} are class names, {@code from} null on first classification; for an
 * audience they are "false"/"true". {@code causedBy} is the triggering event id, "sweep" or "redefinition".
 */
public record SegmentChanged(
        @NotBlank @Size(max = Ids.MAX_LENGTH) @Pattern(regexp = Ids.PATTERN) String eventId,
        @NotBlank @Size(max = Ids.MAX_LENGTH) @Pattern(regexp = Ids.PATTERN) String customerId,
        @NotNull SegmentKind kind,
        @NotBlank @Size(max = 128) String key,
        @Size(max = 128) String from,
        @NotBlank @Size(max = 128) String to,
        @Min(1) long definitionVersion,
        @NotBlank @Size(max = 128) String causedBy,
        @NotNull Instant occurredAt,
        @NotNull @Valid ProfileSnapshot profile) {

    public static final String CAUSE_SWEEP = "sweep";
    public static final String CAUSE_REDEFINITION = "redefinition";
    /** The {@code to} of an audience the customer entered, the {@code from} of one the customer left. */
    public static final String AUDIENCE_MEMBER = "true";
    /** The {@code to} of an audience the customer left, the {@code from} of one the customer entered. */
    public static final String AUDIENCE_NON_MEMBER = "false";

    /** Not part of the payload: derived from {@code from}, so it must not be written as a JSON property. */
    @JsonIgnore
    public boolean isFirstClassification() {
        return from == null;
    }
}
