package io.segstream.segmentation.domain;

import java.util.Optional;

/** Where the progress of re-evaluations is read, so that any instance can answer for it (port). */
public interface RecomputationLog {

    Optional<Recomputation> find(String id);
}
