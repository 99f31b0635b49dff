package io.segstream.feedback.domain;

import io.segstream.contracts.feedback.FeedbackKind;
import io.segstream.contracts.feedback.FeedbackRecorded;

/**
 * Feedback as feedback-collection keeps it: the recorded event (with the text, which stays in this service) and how
 * it understood the text.
 */
public record RecordedFeedback(FeedbackRecorded event, Understanding understanding) {

    /**
     * The event as published on feedback.recorded.v1: without the free text unless {@code withText} (text can hold
     * names, phone numbers, addresses; no consumer needs it, and Kafka retention would keep it out of reach of an
     * erasure).
     */
    public FeedbackRecorded published(boolean withText) {
        return withText ? event : withoutText(event);
    }

    static FeedbackRecorded withoutText(FeedbackRecorded e) {
        return new FeedbackRecorded(e.eventId(), e.kind(), e.customerId(), e.occurredAt(), e.score(), null,
                e.orderId(), e.channel(), e.topics(), e.referredCustomerId(), e.severity(), e.source(), e.recordedAt(),
                e.sentiment());
    }

    /** The NPS class of an NPS answer, null for other kinds. */
    public NpsCategory npsCategory() {
        return event.kind() == FeedbackKind.NPS_SURVEY && event.score() != null ? NpsCategory.of(event.score()) : null;
    }
}
