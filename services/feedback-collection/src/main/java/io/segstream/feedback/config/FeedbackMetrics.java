package io.segstream.feedback.config;

import io.micrometer.core.instrument.MeterRegistry;
import io.segstream.contracts.feedback.FeedbackKind;
import io.segstream.contracts.feedback.Sentiment;
import io.segstream.feedback.domain.IntakeObserver;
import io.segstream.feedback.domain.IntakePath;

/**
 * Micrometer view of the intake: counters {@code segstream.feedback.accepted} and {@code .duplicates} (tags kind,
 * path), {@code .rejected} (kind, code, path) and {@code segstream.feedback.sentiment} (sentiment, kind) for what was
 * accepted. Dead letters are counted by the runtime ({@code segstream.dead.letters}). Never a customer id in a tag.
 */
class FeedbackMetrics implements IntakeObserver {
    /** The kind tag of a payload that could not be read. */
    static final String UNKNOWN = "UNKNOWN";

    private final MeterRegistry meters;

    FeedbackMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    @Override
    public void accepted(FeedbackKind kind, IntakePath path, Sentiment sentiment) {
        meters.counter("segstream.feedback.accepted", "kind", tag(kind), "path", path.tag()).increment();
        meters.counter("segstream.feedback.sentiment", "sentiment", sentiment.name(), "kind", tag(kind)).increment();
    }

    @Override
    public void duplicate(FeedbackKind kind, IntakePath path) {
        meters.counter("segstream.feedback.duplicates", "kind", tag(kind), "path", path.tag()).increment();
    }

    @Override
    public void rejected(FeedbackKind kind, String code, IntakePath path) {
        meters.counter("segstream.feedback.rejected", "kind", tag(kind), "code", code, "path", path.tag())
                .increment();
    }

    private static String tag(FeedbackKind kind) {
        return kind == null ? UNKNOWN : kind.name();
    }
}
