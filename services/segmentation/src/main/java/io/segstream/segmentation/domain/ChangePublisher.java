package io.segstream.segmentation.domain;

import java.util.List;

/** Publishes class changes to the marketing systems (port; the Kafka adapter is in the messaging package). */
public interface ChangePublisher {

    /**
     * Publishes the changes, each customer's in the given order, and returns once the broker has acknowledged all.
     *
     * @throws ChangesNotPublished when any was not acknowledged; the caller keeps them pending
     */
    void publish(List<ClassChange> changes);
}
