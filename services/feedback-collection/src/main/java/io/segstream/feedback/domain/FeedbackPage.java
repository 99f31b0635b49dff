package io.segstream.feedback.domain;

import java.util.List;

/** A page of a customer's feedback; {@code hasMore} tells whether a next page exists. */
public record FeedbackPage(List<RecordedFeedback> items, int page, int size, boolean hasMore) {
    public FeedbackPage {
        items = List.copyOf(items);
    }
}
