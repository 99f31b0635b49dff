package io.segstream.segmentation.stream;

import io.segstream.segmentation.domain.ReevaluationSlice;

import java.time.Instant;

/**
 * A re-evaluation of every customer of a task, done slice by slice between records and kept in the task's state, so
 * that it resumes where it was after a restart or on the instance the task moves to.
 *
 * @param kind            REDEFINITION (one definition, after a new version) or RESCORE (the rfm dimension and the
 *                        audiences, after the RFM population changed)
 * @param key             the redefined key (REDEFINITION)
 * @param recomputationId the id progress is reported under, null when nobody asked (seeded versions, re-scoring)
 * @param after           the last customer id done; null before the first slice
 * @param total           customers the task held when the job started
 */
record BackgroundJob(String kind, String key, long version, String recomputationId, String after, long done,
                     long changes, long total, Instant startedAt) {
    static final String REDEFINITION = "REDEFINITION";
    static final String RESCORE = "RESCORE";

    static BackgroundJob redefinition(String key, long version, String recomputationId, long total,
                                      Instant startedAt) {
        return new BackgroundJob(REDEFINITION, key, version, recomputationId, null, 0, 0, total, startedAt);
    }

    static BackgroundJob rescore(long total, Instant startedAt) {
        return new BackgroundJob(RESCORE, null, 0, null, null, 0, 0, total, startedAt);
    }

    BackgroundJob after(ReevaluationSlice slice) {
        return new BackgroundJob(kind, key, version, recomputationId, slice.lastId(), done + slice.read(),
                changes + slice.changes(), total, startedAt);
    }

    boolean isRedefinition() {
        return REDEFINITION.equals(kind);
    }
}
