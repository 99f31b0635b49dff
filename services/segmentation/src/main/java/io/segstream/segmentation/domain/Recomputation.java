package io.segstream.segmentation.domain;

import java.time.Instant;

/**
 * The progress of a background re-evaluation after a redefinition.
 *
 * @param status     RUNNING, FINISHED or FAILED
 * @param total      profiles stored when it started (customers created meanwhile are evaluated by their events)
 * @param done       profiles evaluated so far
 * @param changes    changes published so far
 * @param finishedAt null while running
 */
public record Recomputation(String id, String key, long definitionVersion, String status, long total, long done,
                            long changes, Instant startedAt, Instant finishedAt) {
    public static final String RUNNING = "RUNNING";
    public static final String FINISHED = "FINISHED";
    public static final String FAILED = "FAILED";

    public Recomputation with(String newStatus, long newTotal, long newDone, long newChanges, Instant newFinishedAt) {
        return new Recomputation(id, key, definitionVersion, newStatus, newTotal, newDone, newChanges, startedAt,
                newFinishedAt);
    }
}
