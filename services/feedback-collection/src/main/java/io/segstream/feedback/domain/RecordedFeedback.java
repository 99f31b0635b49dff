package io.segstream.feedback.domain;

import io.segstream.contracts.feedback.FeedbackKind;
import io.segstream.contracts.feedback.FeedbackRecorded;

/** Feedback as feedback-collection keeps it: the event it publishes and how it understood the text. */
public record RecordedFeedback(FeedbackRecorded event, Understanding understanding) {

    /** The NPS class of an NPS answer, null for other kinds. */
    public NpsCategory npsCategory() {
        return event.kind() == FeedbackKind.NPS_SURVEY && event.score() != null ? NpsCategory.of(event.score()) : null;
    }
}
