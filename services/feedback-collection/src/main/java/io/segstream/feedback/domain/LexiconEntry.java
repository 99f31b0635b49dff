package io.segstream.feedback.domain;

import io.segstream.contracts.feedback.FeedbackTopic;

import java.util.Set;

/**
 * One line of a lexicon file.
 *
 * @param term          the normalised word or phrase (without the trailing {@code *} of a prefix term)
 * @param prefix        true when the term ends in {@code *}: it matches any word that starts with it
 * @param role          what the entry does
 * @param topics        topics a TERM names (empty for none)
 * @param weight        polarity of a TERM, multiplier of an INTENSIFIER, 0 otherwise
 * @param negatedWeight polarity of a TERM when negated, or null for the general negation rule
 * @param replacement   what a VARIANT character becomes, null otherwise
 * @param source        where the entry was defined, "file:line": reported as the rule that matched
 */
public record LexiconEntry(String term, boolean prefix, LexiconRole role, Set<FeedbackTopic> topics, double weight,
                           Double negatedWeight, String replacement, String source) {
    public LexiconEntry {
        topics = Set.copyOf(topics);
    }

    /** The key under which a later entry for the same term replaces an earlier one. */
    String key() {
        return prefix ? term + "*" : term;
    }

    /** A TERM that changes neither polarity nor negation: it only names topics or blocks shorter terms. */
    boolean isNeutralTerm() {
        return role == LexiconRole.TERM && weight == 0 && negatedWeight == null;
    }
}
