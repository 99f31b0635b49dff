package io.segstream.segmentation.stream;

import io.segstream.contracts.ContractJson;

import java.time.Instant;

/**
 * One task's progress in the re-evaluation after a redefinition, on segstream.segmentation.recomputations (key
 * "recomputationId/task", JSON; the latest record per key is the task's progress).
 *
 * @param total   profiles the task held when it started
 * @param done    profiles it has re-evaluated
 * @param changes class changes it published
 */
public record RecomputationProgress(String recomputationId, String key, long definitionVersion, String task,
                                    long total, long done, long changes, boolean finished, Instant startedAt,
                                    Instant finishedAt) {

    public String topicKey() {
        return recomputationId + "/" + task;
    }

    public byte[] toJson() {
        return ContractJson.mapper().writeValueAsBytes(this);
    }

    public static RecomputationProgress fromJson(byte[] json) {
        return ContractJson.mapper().readValue(json, RecomputationProgress.class);
    }
}
