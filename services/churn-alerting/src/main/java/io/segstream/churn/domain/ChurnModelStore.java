package io.segstream.churn.domain;

import java.util.Optional;

/** Where fitted churn models live, newest first (port; the MongoDB adapter is in the store package). */
public interface ChurnModelStore {

    /** Keeps the fit in the history; it becomes the latest. */
    void save(ModelFit fit);

    /** The most recently made fit, if any. */
    Optional<ModelFit> latest();
}
