package io.segstream.contracts.erasure;

import java.time.Instant;

/**
 * An administrator asked for a customer to be erased (customers.erasure.v1); every service deletes what it holds
 * of that customer. {@code requestedBy} names the authenticated principal, for the audit trail.
 */
public record CustomerErasureRequested(
        String eventId,
        String customerId,
        Instant requestedAt,
        String requestedBy,
        String source) {
}
