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
        @NotBlank @Size(max = Ids.MAX_LENGTH) @Pattern(regexp = Ids.PATTERN) String eventId,
        @NotNull FeedbackKind kind,
        @NotBlank @Size(max = Ids.MAX_LENGTH) @Pattern(regexp = Ids.PATTERN) String customerId,
        @NotNull Instant occurredAt,
        Integer score,
        @Size(max = FeedbackLimits.MAX_TEXT_LENGTH) String text,
        @Size(max = FeedbackLimits.MAX_ORDER_ID_LENGTH) String orderId,
        Channel channel,
        @Size(max = FeedbackLimits.MAX_TOPICS) List<@NotNull FeedbackTopic> topics,
        @Size(max = Ids.MAX_LENGTH) String referredCustomerId,
        ComplaintSeverity severity,
        @Size(max = FeedbackLimits.MAX_SOURCE_LENGTH) String source) {

    /** The same feedback as recorded, with topics and sentiment decided by feedback-collection. */
    public FeedbackRecorded recorded(Instant recordedAt, List<FeedbackTopic> derivedTopics, Sentiment sentiment) {
        return new FeedbackRecorded(eventId, kind, customerId, occurredAt, score, text, orderId, channel, derivedTopics,
                referredCustomerId, severity, source, recordedAt, sentiment);
    }
}
