package io.segstream.churn.domain.alerts;

import java.util.List;

/** Publishes alert messages on churn.alerts.v1 (port; the Kafka adapter is in the messaging package). */
public interface AlertPublisher {

    /** Sends them, keyed by customer id, and returns once the broker has acknowledged every one. */
    void publish(List<AlertMessage> messages);
}
