package io.segstream.feedback.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.segstream.contracts.feedback.FeedbackTopic;
import io.segstream.contracts.feedback.Sentiment;

import java.util.List;

/**
 * The result of one batch item, by its position: ACCEPTED (with published, topics, sentiment), DUPLICATE, or
 * REJECTED (with code and message).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record ItemResult(int index, String eventId, String status, Boolean published, List<FeedbackTopic> topics,
                  Sentiment sentiment, String code, String message) {
}
