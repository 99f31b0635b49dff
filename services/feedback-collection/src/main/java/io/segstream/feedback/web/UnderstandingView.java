package io.segstream.feedback.web;

import io.segstream.contracts.feedback.FeedbackTopic;
import io.segstream.contracts.feedback.Sentiment;
import io.segstream.feedback.domain.MatchedRule;
import io.segstream.feedback.domain.Understanding;

import java.util.List;

/** How the service understood a piece of feedback: topics, sentiment, why, and which lexicon rules matched. */
record UnderstandingView(List<FeedbackTopic> topics, boolean topicsDerived, Sentiment sentiment,
                         String sentimentBasis, double textPolarity, List<RuleView> matchedRules) {

    static UnderstandingView of(Understanding u) {
        return new UnderstandingView(u.topics(), u.topicsDerived(), u.sentiment(), u.basis().name(), u.textPolarity(),
                u.matchedRules().stream().map(RuleView::of).toList());
    }

    /** One matched lexicon rule: the lexicon file and line, the lexicon's term, its effect. */
    record RuleView(String rule, String term, List<FeedbackTopic> topics, double weight, List<String> modifiers) {
        static RuleView of(MatchedRule rule) {
            return new RuleView(rule.rule(), rule.term(), rule.topics().stream().sorted().toList(), rule.weight(),
                    rule.modifiers().stream().map(Enum::name).toList());
        }
    }
}
