package io.segstream.feedback.domain;

import io.segstream.contracts.feedback.FeedbackTopic;
import io.segstream.contracts.feedback.Sentiment;

import java.util.List;
import java.util.Set;

/**
 * What the text of one piece of feedback says: the topics its terms name, the summed polarity, the sentiment
 * that polarity amounts to (NEUTRAL when nothing weighted matched) and the rules that matched.
 */
public record TextReading(Set<FeedbackTopic> topics, double polarity, Sentiment sentiment, List<MatchedRule> rules) {
    public TextReading {
        topics = Set.copyOf(topics);
        rules = List.copyOf(rules);
    }

    public static TextReading empty() {
        return new TextReading(Set.of(), 0, Sentiment.NEUTRAL, List.of());
    }
}
