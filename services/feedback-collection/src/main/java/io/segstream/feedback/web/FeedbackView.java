package io.segstream.feedback.web;

import io.segstream.contracts.Channel;
import io.segstream.contracts.feedback.ComplaintSeverity;
import io.segstream.contracts.feedback.FeedbackKind;
import io.segstream.contracts.feedback.FeedbackRecorded;
import io.segstream.feedback.domain.RecordedFeedback;

import java.time.Instant;

/** One recorded piece of feedback in a customer's history, with how it was understood. */
record FeedbackView(String eventId, FeedbackKind kind, Instant occurredAt, Instant recordedAt, Integer score,
                    String text, String orderId, Channel channel, String referredCustomerId,
                    ComplaintSeverity severity, String source, UnderstandingView understanding) {

    static FeedbackView of(RecordedFeedback recorded) {
        FeedbackRecorded e = recorded.event();
        return new FeedbackView(e.eventId(), e.kind(), e.occurredAt(), e.recordedAt(), e.score(), e.text(),
                e.orderId(), e.channel(), e.referredCustomerId(), e.severity(), e.source(),
                UnderstandingView.of(recorded.understanding()));
    }
}
