package io.segstream.feedback.web;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The answer to POST /api/v1/feedback: ACCEPTED (201 when feedback.recorded.v1 is already published, 202 when left
 * to the outbox relay) with how the feedback was understood, or DUPLICATE (200).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record FeedbackReceipt(String eventId, String status, Boolean published, UnderstandingView understanding) {
}
