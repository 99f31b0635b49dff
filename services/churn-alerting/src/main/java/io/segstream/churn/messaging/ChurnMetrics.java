package io.segstream.churn.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/** The churn-alerting meters of event intake, each tagged with the topic the event came from. */
@Component
class ChurnMetrics {
    private final MeterRegistry meters;

    ChurnMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    /** An event was decoded and taken in (whatever its outcome). */
    void consumed(String topic) {
        counter("segstream.churn.events.consumed", "events decoded and taken in", topic).increment();
    }

    void duplicate(String topic) {
        counter("segstream.churn.events.duplicates", "events already applied (redeliveries): ignored", topic)
                .increment();
    }

    void late(String topic) {
        counter("segstream.churn.events.late", "purchases older than the history kept: not applied", topic)
                .increment();
    }

    void rejected(String topic, String code) {
        Counter.builder("segstream.churn.events.rejected")
                .description("records that are not a usable event: logged and skipped")
                .tag("topic", topic).tag("code", code)
                .register(meters).increment();
    }

    private Counter counter(String name, String description, String topic) {
        return Counter.builder(name).description(description).tag("topic", topic).register(meters);
    }
}
