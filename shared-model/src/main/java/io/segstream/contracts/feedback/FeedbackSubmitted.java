package io.segstream.contracts.feedback;

import io.segstream.contracts.Channel;
import io.segstream.contracts.Ids;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.List;

/**
 * Feedback as a survey, review or support tool submits it (feedback.incoming.v1, POST /api/v1/feedback).
 * {@code topics} may be absent: feedback-collection then derives them from the text. {@code severity} is an
 * optional addition to v1 for complaints and tickets.
 */
public record FeedbackSubmitted(
        @NotBlank @Size(max = 128) @Pattern(regexp = Ids.PATTERN) String eventId,
        @NotNull FeedbackKind kind,
        @NotBlank @Size(max = 128) @Pattern(regexp = Ids.PATTERN) String customerId,
        @NotNull Instant occurredAt,
        Integer score,
        @Size(max = 4000) String text,
        @Size(max = 128) String orderId,
        Channel channel,
        @Size(max = 6) List<@NotNull FeedbackTopic> topics,
        @Size(max = 128) String referredCustomerId,
        ComplaintSeverity severity,
        @Size(max = 128) String source) {

    /** The same feedback as recorded, with topics and sentiment decided by feedback-collection. */
    public FeedbackRecorded recorded(Instant recordedAt, List<FeedbackTopic> derivedTopics, Sentiment sentiment) {
        return new FeedbackRecorded(eventId, kind, customerId, occurredAt, score, text, orderId, channel, derivedTopics,
                referredCustomerId, severity, source, recordedAt, sentiment);
    }
}
