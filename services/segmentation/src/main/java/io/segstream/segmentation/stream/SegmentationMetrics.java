package io.segstream.segmentation.stream;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.segstream.segmentation.domain.BatchResult;
import io.segstream.segmentation.domain.ClassChange;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The segmentation stream's meters, shared by its tasks. Evaluation latency runs from the recorded event's arrival
 * on its topic (the record's timestamp) to its application in the task: consumer lag plus processing; the change
 * becomes visible to read-committed consumers at the next commit, at most {@code commit.interval.ms} later.
 */
public class SegmentationMetrics {
    private final MeterRegistry meters;
    private final Counter applied;
    private final Counter duplicates;
    private final Counter tooLate;
    private final Counter suppressed;
    private final Counter swept;
    private final Timer latency;
    private final Timer eventAge;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();

    public SegmentationMetrics(MeterRegistry meters) {
        this.meters = meters;
        this.applied = Counter.builder("segstream.segmentation.events.applied")
                .description("purchase and feedback events applied to a profile").register(meters);
        this.duplicates = Counter.builder("segstream.segmentation.events.duplicates")
                .description("purchase and feedback events already applied (redeliveries): ignored").register(meters);
        this.tooLate = Counter.builder("segstream.segmentation.events.late")
                .description("events older than the history a profile keeps: not applied").register(meters);
        this.suppressed = Counter.builder("segstream.erasure.suppressed")
                .description("Events dropped because they occurred before their customer was erased")
                .register(meters);
        this.swept = Counter.builder("segstream.segmentation.sweep.customers")
                .description("customers re-evaluated because their classes could change with the clock")
                .register(meters);
        this.latency = Timer.builder("segstream.segmentation.evaluation.latency")
                .description("from a recorded event's arrival on its topic to its application to the profile")
                .register(meters);
        this.eventAge = Timer.builder("segstream.segmentation.change.event-age")
                .description("from the event time of the causing event to the publication of the change")
                .register(meters);
    }

    void applied(BatchResult result, Instant arrivedAt, Instant now) {
        applied.increment(result.applied());
        duplicates.increment(result.duplicates());
        tooLate.increment(result.tooLate());
        Duration waited = Duration.between(arrivedAt, now);
        latency.record(waited.isNegative() ? Duration.ZERO : waited);
    }

    void suppressed() {
        suppressed.increment();
    }

    void swept(long customers) {
        swept.increment(customers);
    }

    /** Profiles read by a background re-evaluation ({@code cause}: redefinition, or sweep for the RFM re-scoring). */
    void reevaluated(String cause, long profiles) {
        counter("segstream.segmentation.reevaluation.profiles", "profiles read by background re-evaluations",
                "cause", cause).increment(profiles);
    }

    void published(List<ClassChange> changes, Instant now) {
        for (ClassChange change : changes) {
            String cause = cause(change);
            counters.computeIfAbsent(change.key() + '\u001f' + change.to() + '\u001f' + cause,
                    id -> Counter.builder("segstream.segmentation.changes")
                            .description("segment changes published (rate: changes per second)")
                            .tag("key", change.key()).tag("to", change.to()).tag("cause", cause)
                            .register(meters)).increment();
            if (cause.equals("event")) {
                // A producer's clock slightly ahead would make the age negative, which a timer refuses: count 0.
                Duration age = Duration.between(change.occurredAt(), now);
                eventAge.record(age.isNegative() ? Duration.ZERO : age);
            }
        }
    }

    /** The cause as a bounded tag: "event", "sweep" or "redefinition" (an event id would explode cardinality). */
    private static String cause(ClassChange change) {
        return switch (change.causedBy()) {
            case "sweep", "redefinition" -> change.causedBy();
            default -> "event";
        };
    }

    void rejected(String code) {
        counter("segstream.segmentation.events.rejected",
                "records that are not a usable purchase, feedback or erasure event: logged and skipped", "code", code)
                .increment();
    }

    private Counter counter(String name, String description, String tag, String value) {
        return counters.computeIfAbsent(name + '\u001f' + value, id -> Counter.builder(name)
                .description(description).tag(tag, value).register(meters));
    }
}
