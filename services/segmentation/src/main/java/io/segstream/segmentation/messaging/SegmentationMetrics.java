package io.segstream.segmentation.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.segstream.segmentation.domain.BatchResult;
import io.segstream.segmentation.domain.ClassChange;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The segmentation meters. Evaluation latency is processing time, from a batch's arrival at the listener to the
 * broker's acknowledgement of the changes it caused: event time to publication would mostly measure the age of the
 * events during a replay, and recordedAt to publication would add consumer lag.
 */
@Component
class SegmentationMetrics {
    private final MeterRegistry meters;
    private final Counter applied;
    private final Counter duplicates;
    private final Counter tooLate;
    private final Timer latency;
    private final Timer eventAge;

    SegmentationMetrics(MeterRegistry meters) {
        this.meters = meters;
        this.applied = Counter.builder("segstream.segmentation.events.applied")
                .description("purchase and feedback events applied to a profile").register(meters);
        this.duplicates = Counter.builder("segstream.segmentation.events.duplicates")
                .description("purchase and feedback events already applied (redeliveries): ignored").register(meters);
        this.tooLate = Counter.builder("segstream.segmentation.events.late")
                .description("events older than the history a profile keeps: not applied").register(meters);
        this.latency = Timer.builder("segstream.segmentation.evaluation.latency")
                .description("from a batch's arrival at the listener to the acknowledgement of its changes")
                .register(meters);
        this.eventAge = Timer.builder("segstream.segmentation.change.event-age")
                .description("from the event time of the causing event to the publication of the change")
                .register(meters);
    }

    void batch(BatchResult result, Duration processing) {
        applied.increment(result.applied());
        duplicates.increment(result.duplicates());
        tooLate.increment(result.tooLate());
        result.published().forEach(change -> latency.record(processing));
    }

    void published(List<ClassChange> changes) {
        Instant now = Instant.now();
        changes.forEach(change -> {
            Counter.builder("segstream.segmentation.changes")
                    .description("segment changes published (rate: changes per second)")
                    .tag("key", change.key()).tag("to", change.to()).tag("cause", cause(change))
                    .register(meters).increment();
            if (cause(change).equals("event")) {
                // A producer's clock slightly ahead would make the age negative, which a timer refuses: count 0.
                Duration age = Duration.between(change.occurredAt(), now);
                eventAge.record(age.isNegative() ? Duration.ZERO : age);
            }
        });
    }

    /** The cause as a bounded tag: "event", "sweep" or "redefinition" (an event id would explode cardinality). */
    private static String cause(ClassChange change) {
        return switch (change.causedBy()) {
            case "sweep", "redefinition" -> change.causedBy();
            default -> "event";
        };
    }

    void rejected(String code) {
        Counter.builder("segstream.segmentation.events.rejected")
                .description("records that are not a usable purchase event: logged and skipped")
                .tag("code", code).register(meters).increment();
    }
}
