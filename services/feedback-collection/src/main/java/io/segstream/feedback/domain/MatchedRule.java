package io.segstream.feedback.domain;

import io.segstream.contracts.feedback.FeedbackTopic;

import java.util.List;
import java.util.Set;

/**
 * A lexicon term that contributed to the understanding of a text: which line of which lexicon file ("rule"),
 * the lexicon's own spelling of the term (never the customer's text), the topics it named, the polarity it
 * added after negation, intensifiers and contrast, and which of those applied.
 */
public record MatchedRule(String rule, String term, Set<FeedbackTopic> topics, double weight, List<Modifier> modifiers) {
    public MatchedRule {
        topics = Set.copyOf(topics);
        modifiers = List.copyOf(modifiers);
    }

    public enum Modifier {
        /** A negator turned the term's polarity around. */
        NEGATED,
        /** An intensifier (or softener) scaled it. */
        INTENSIFIED,
        /** It followed a contrast and weighs more. */
        AFTER_CONTRAST,
        /** The customer's word was one typo away from the term. */
        FUZZY
    }
}
