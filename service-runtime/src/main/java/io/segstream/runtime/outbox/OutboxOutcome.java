package io.segstream.runtime.outbox;

/** What became of one submitted event. */
public enum OutboxOutcome {
    /** Recorded and acknowledged by Kafka. */
    PUBLISHED,
    /** Recorded (durable in MongoDB) but not yet acknowledged by Kafka: the relay publishes it. */
    PENDING,
    /** An event with this eventId was recorded before: nothing was written or published. */
    DUPLICATE;

    /** True when this submission recorded the event (published or not yet). */
    public boolean recorded() {
        return this != DUPLICATE;
    }
}
