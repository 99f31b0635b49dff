package io.segstream.feedback.config;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.segstream.contracts.feedback.FeedbackKind;
import io.segstream.contracts.feedback.Sentiment;
import io.segstream.feedback.domain.IntakePath;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FeedbackMetricsTest {
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final FeedbackMetrics metrics = new FeedbackMetrics(registry);

    @Test
    void countsByKindCodePathAndSentiment() {
        metrics.accepted(FeedbackKind.REVIEW, IntakePath.HTTP, Sentiment.POSITIVE);
        metrics.accepted(FeedbackKind.REVIEW, IntakePath.HTTP, Sentiment.POSITIVE);
        metrics.duplicate(FeedbackKind.NPS_SURVEY, IntakePath.KAFKA);
        metrics.rejected(null, "MALFORMED_JSON", IntakePath.KAFKA);

        assertThat(registry.get("segstream.feedback.accepted").tag("kind", "REVIEW").tag("path", "http")
                .counter().count()).isEqualTo(2);
        assertThat(registry.get("segstream.feedback.sentiment").tag("sentiment", "POSITIVE").counter().count())
                .isEqualTo(2);
        assertThat(registry.get("segstream.feedback.duplicates").tag("kind", "NPS_SURVEY").tag("path", "kafka")
                .counter().count()).isEqualTo(1);
        assertThat(registry.get("segstream.feedback.rejected").tag("kind", "UNKNOWN").tag("code", "MALFORMED_JSON")
                .tag("path", "kafka").counter().count()).isEqualTo(1);
    }
}
