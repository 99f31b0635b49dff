package io.segstream.feedback.domain;

import io.segstream.contracts.feedback.FeedbackTopic;
import io.segstream.contracts.feedback.Sentiment;

import java.util.List;

/**
 * What feedback-collection concluded about one piece of feedback, and why.
 *
 * @param topics         the topics recorded: the sender's, or derived from the text
 * @param topicsDerived  true when the sender gave none and they were derived
 * @param sentiment      the sentiment recorded
 * @param basis          what decided the sentiment
 * @param textPolarity   the summed polarity of the text
 * @param matchedRules   the lexicon rules that matched the text
 */
public record Understanding(List<FeedbackTopic> topics, boolean topicsDerived, Sentiment sentiment,
                            SentimentBasis basis, double textPolarity, List<MatchedRule> matchedRules) {
    public Understanding {
        topics = List.copyOf(topics);
        matchedRules = List.copyOf(matchedRules);
    }
}
