package io.segstream.feedback.domain;

import io.segstream.contracts.feedback.FeedbackSubmitted;

/**
 * One piece of feedback as it reached the service: either decoded, or unreadable with the reason (malformed JSON, a
 * field of the wrong type, too large) and the eventId if one could be read.
 */
public record Submission(FeedbackSubmitted feedback, Rejection unreadable, String eventId) {

    public static Submission of(FeedbackSubmitted feedback) {
        return new Submission(feedback, null, feedback.eventId());
    }

    public static Submission unreadable(Rejection why, String eventId) {
        return new Submission(null, why, eventId);
    }
}
