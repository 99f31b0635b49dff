package io.segstream.purchases.config;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.segstream.purchases.domain.IntakeObserver;
import io.segstream.purchases.domain.IntakePath;
import io.segstream.purchases.domain.IntakeResult;

import java.time.Duration;
import java.util.List;

/**
 * Micrometer view of the intake: {@code segstream.purchases.accepted}, {@code .duplicates} and {@code .rejected}
 * counters tagged with channel and path (and code for rejections), and the {@code segstream.purchases.processing}
 * timer per intake call (one HTTP request, one batch or one Kafka poll) tagged with path. Dead letters are counted by
 * the runtime ({@code segstream.dead.letters}). Never a customer id in a tag.
 */
class PurchaseMetrics implements IntakeObserver {
    static final String UNKNOWN = "unknown";

    private final MeterRegistry meters;

    PurchaseMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    @Override
    public void observed(IntakePath path, List<IntakeResult> results, Duration elapsed) {
        Timer.builder("segstream.purchases.processing")
                .description("time to take in one request, batch or poll")
                .tag("path", path.tag())
                .register(meters)
                .record(elapsed);
        for (IntakeResult result : results) {
            String channel = result.channel() == null ? UNKNOWN : result.channel().name();
            switch (result.status()) {
                case ACCEPTED -> meters.counter("segstream.purchases.accepted",
                        "channel", channel, "path", path.tag()).increment();
                case DUPLICATE -> meters.counter("segstream.purchases.duplicates",
                        "channel", channel, "path", path.tag()).increment();
                case REJECTED -> meters.counter("segstream.purchases.rejected",
                        "code", result.rejection().code().name(), "channel", channel, "path", path.tag()).increment();
            }
        }
    }
}
