package io.segstream.segmentation.domain;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/**
 * The progress of the re-evaluation of every customer after a redefinition, summed over the stream's tasks.
 *
 * @param status     RUNNING, FINISHED or FAILED
 * @param total      profiles the tasks held when each started (customers created meanwhile are evaluated by their
 *                   events)
 * @param done       profiles evaluated so far
 * @param changes    changes published so far
 * @param finishedAt null while running
 */
public record Recomputation(String id, String key, long definitionVersion, String status, long total, long done,
                            long changes, Instant startedAt, Instant finishedAt) {
    public static final String RUNNING = "RUNNING";
    public static final String FINISHED = "FINISHED";
    public static final String FAILED = "FAILED";

    /**
     * The id of the re-evaluation a stored version starts: derived from key and version, so that every instance and
     * every stream task names it alike without telling each other.
     */
    public static String idOf(SegmentDefinition stored) {
        String name = String.join("\u001f", "recomputation", stored.key(), Long.toString(stored.version()));
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
