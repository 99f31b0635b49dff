package io.segstream.contracts.feedback;

import io.segstream.contracts.Channel;

import java.time.Instant;
import java.util.List;

/**
 * Validated, de-duplicated feedback (feedback.recorded.v1) with the derived topics and sentiment. Consumers must
 * not store {@code text}: free text can hold personal data and is kept only by feedback-collection.
 */
public record FeedbackRecorded(
        String eventId,
        FeedbackKind kind,
        String customerId,
        Instant occurredAt,
        Integer score,
        String text,
        String orderId,
        Channel channel,
        List<FeedbackTopic> topics,
        String referredCustomerId,
        ComplaintSeverity severity,
        String source,
        Instant recordedAt,
        Sentiment sentiment) {
}
