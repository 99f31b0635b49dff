package io.segstream.segmentation.domain;

import java.util.List;

/**
 * Where class changes go (port): in the stream, onto segments.changes.v1 in the same transaction as the profile
 * writes that caused them.
 */
public interface ChangePublisher {

    /** Publishes the changes, each customer's in the given order. */
    void publish(List<ClassChange> changes);
}
