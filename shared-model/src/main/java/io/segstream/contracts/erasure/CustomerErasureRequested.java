package io.segstream.contracts.erasure;

import io.segstream.contracts.Ids;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.Instant;

/**
 * An administrator asked for a customer to be erased (customers.erasure.v1); every service deletes what it holds
 * of that customer. {@code requestedBy} names the authenticated principal, for the audit trail; {@code source} is
 * the service whose endpoint accepted the request.
 */
public record CustomerErasureRequested(
        @NotBlank @Size(max = Ids.MAX_LENGTH) @Pattern(regexp = Ids.PATTERN) String eventId,
        @NotBlank @Size(max = Ids.MAX_LENGTH) @Pattern(regexp = Ids.PATTERN) String customerId,
        @NotNull Instant requestedAt,
        @NotBlank @Size(max = 128) String requestedBy,
        @NotBlank @Size(max = 128) String source) {
}
