package io.segstream.runtime.audit;

import java.time.Instant;
import java.util.Map;

/**
 * One audited action: who did what to which subject, and when. {@code detail} holds identifiers and versions,
 * never the data itself (an erasure records how many records went, not what they said).
 */
public record AuditEntry(String id, Instant at, String actor, String action, String subject,
                         Map<String, Object> detail) {
}
