package io.segstream.segmentation.stream;

import io.segstream.segmentation.domain.PopulationSnapshot;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The population merged from every task's summary, shared by the tasks of one instance. They all read the same
 * global store, so one decoding and merging per change of it serves them all; each task merging on its own did the
 * same work once per task and filled the heap with short-lived copies of the same counts.
 */
final class MergedPopulation {
    private Map<String, byte[]> parts = Map.of();
    private PopulationSnapshot snapshot;

    /**
     * The snapshot of these summaries (by task): the one already made when they are byte for byte the summaries it
     * was made of, else a new one from {@code merge}.
     */
    synchronized PopulationSnapshot of(Map<String, byte[]> summaries, Supplier<PopulationSnapshot> merge) {
        if (snapshot == null || !sameParts(summaries)) {
            snapshot = merge.get();
            parts = new LinkedHashMap<>(summaries);
        }
        return snapshot;
    }

    private boolean sameParts(Map<String, byte[]> summaries) {
        if (summaries.size() != parts.size()) {
            return false;
        }
        for (Map.Entry<String, byte[]> part : summaries.entrySet()) {
            if (!Arrays.equals(part.getValue(), parts.get(part.getKey()))) {
                return false;
            }
        }
        return true;
    }
}
