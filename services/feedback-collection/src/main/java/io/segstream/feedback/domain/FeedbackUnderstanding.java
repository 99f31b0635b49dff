package io.segstream.feedback.domain;

import io.segstream.contracts.feedback.FeedbackSubmitted;
import io.segstream.contracts.feedback.FeedbackTopic;

import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Topics and sentiment of one piece of feedback. Topics the sender gave are kept (de-duplicated, in enum order);
 * otherwise they are derived from the text: the topics its lexicon terms name, OTHER when a text names none,
 * and no topics at all when there is no text. Sentiment combines score, kind and text ({@link SentimentDecision}).
 */
public final class FeedbackUnderstanding {
    private final TextUnderstanding text;

    public FeedbackUnderstanding(TextUnderstanding text) {
        this.text = text;
    }

    public Understanding understand(FeedbackSubmitted feedback) {
        TextReading reading = text.read(feedback.text());
        boolean given = feedback.topics() != null && !feedback.topics().isEmpty();
        List<FeedbackTopic> topics;
        if (given) {
            Set<FeedbackTopic> sent = EnumSet.noneOf(FeedbackTopic.class);
            feedback.topics().stream().filter(Objects::nonNull).forEach(sent::add);
            topics = List.copyOf(sent);
        } else if (feedback.text() == null || feedback.text().isBlank()) {
            topics = List.of();
        } else if (reading.topics().isEmpty()) {
            topics = List.of(FeedbackTopic.OTHER);
        } else {
            topics = List.copyOf(EnumSet.copyOf(reading.topics()));
        }
        SentimentDecision decision = SentimentDecision.of(feedback.kind(), feedback.score(), reading.sentiment());
        return new Understanding(topics, !given, decision.sentiment(), decision.basis(), reading.polarity(),
                reading.rules());
    }
}
