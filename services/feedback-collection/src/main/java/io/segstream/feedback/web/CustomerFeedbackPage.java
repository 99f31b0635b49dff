package io.segstream.feedback.web;

import java.util.List;

/** A page of GET /api/v1/customers/{customerId}/feedback, newest occurredAt first. */
record CustomerFeedbackPage(String customerId, int page, int size, boolean hasMore, List<FeedbackView> items) {
}
