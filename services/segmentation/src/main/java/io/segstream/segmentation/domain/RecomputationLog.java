package io.segstream.segmentation.domain;

import java.util.Optional;

/** Where the progress of re-evaluations is kept, so that any instance can answer for it (port). */
public interface RecomputationLog {
    void save(Recomputation recomputation);

    Optional<Recomputation> find(String id);
}
