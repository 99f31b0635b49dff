package io.segstream.churn.domain;

import io.segstream.contracts.feedback.ComplaintSeverity;
import io.segstream.contracts.feedback.FeedbackKind;
import io.segstream.contracts.feedback.Sentiment;

import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;

/**
 * What the activity view keeps of one recorded feedback: never its text (free text can hold personal data).
 *
 * @param score     NPS 0-10, CSAT and reviews 1-5, null for the others
 * @param sentiment derived by feedback-collection, or null
 * @param severity  of a complaint or support ticket, or null
 */
public record FeedbackFact(String eventId, String customerId, FeedbackKind kind, Instant occurredAt, Integer score,
                           Sentiment sentiment, ComplaintSeverity severity) implements ActivityEvent {

    /** Event-time order; the event id breaks ties. */
    public static final Comparator<FeedbackFact> EVENT_TIME_ORDER =
            Comparator.comparing(FeedbackFact::occurredAt).thenComparing(FeedbackFact::eventId);

    public FeedbackFact {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(occurredAt, "occurredAt");
    }
}
