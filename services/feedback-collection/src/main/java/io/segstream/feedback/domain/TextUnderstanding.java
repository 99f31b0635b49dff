package io.segstream.feedback.domain;

import io.segstream.contracts.feedback.FeedbackTopic;
import io.segstream.contracts.feedback.Sentiment;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Reads topics and polarity from English, Chinese and mixed text with a lexicon: one left-to-right scan of the
 * normalised text, taking the longest lexicon entry at each position (see {@link Lexicon}).
 * <ul>
 *   <li>A TERM adds its topics and its weight to the text's polarity.</li>
 *   <li>A NEGATOR applies to the next TERM that has a weight (or a negated weight) within
 *   {@link UnderstandingSettings#negationWindow()} unknown words, in the same clause: a negated positive becomes
 *   {@code -negatedPositiveWeight}, a negated negative {@code +negatedNegativeWeight} (not bad, 不贵: mildly
 *   positive, never a complaint), unless the term declares its own negated weight. Topic-only terms in between
 *   ("no delivery issues") let the negation pass.</li>
 *   <li>An INTENSIFIER multiplies the next weighted TERM (ignored under negation: "not very good" is just negative).</li>
 *   <li>After a CONTRAST (but, 但是) weights count {@code contrastEmphasis} times: the clause after "but" is what
 *   the customer means.</li>
 * </ul>
 * The sentiment of the text is POSITIVE at or above {@code +sentimentThreshold}, NEGATIVE at or below its negative.
 */
public final class TextUnderstanding {
    private final Lexicon lexicon;
    private final UnderstandingSettings settings;

    public TextUnderstanding(Lexicon lexicon, UnderstandingSettings settings) {
        this.lexicon = lexicon;
        this.settings = settings;
    }

    public TextReading read(String text) {
        if (text == null || text.isBlank()) {
            return TextReading.empty();
        }
        Scan scan = new Scan(lexicon.normalise(text));
        scan.run();
        Sentiment sentiment = scan.polarity >= settings.sentimentThreshold() ? Sentiment.POSITIVE
                : scan.polarity <= -settings.sentimentThreshold() ? Sentiment.NEGATIVE : Sentiment.NEUTRAL;
        return new TextReading(scan.topics, round(scan.polarity), sentiment, scan.rules);
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }

    /** The state of one left-to-right pass. */
    private final class Scan {
        private final String text;
        private final Set<FeedbackTopic> topics = EnumSet.noneOf(FeedbackTopic.class);
        private final List<MatchedRule> rules = new ArrayList<>();
        private double polarity;
        private int negationLeft = -1;
        private double intensity = 1;
        private int intensityLeft = -1;
        private boolean afterContrast;

        Scan(String text) {
            this.text = text;
        }

        void run() {
            int i = 0;
            while (i < text.length()) {
                int cp = text.codePointAt(i);
                if (Character.isWhitespace(cp)) {
                    i += Character.charCount(cp);
                    continue;
                }
                Lexicon.Match match = lexicon.longestAt(text, i);
                if (match == null && Lexicon.isWordChar(cp) && startsWord(i)) {
                    match = lexicon.fuzzyAt(text, i, settings.fuzzyMinTermLength(), settings.fuzzyMinWeight());
                }
                if (match == null && isClauseBreak(cp)) {
                    endClause();
                    i += Character.charCount(cp);
                    continue;
                }
                if (match == null) {
                    i = Lexicon.isWordChar(cp) ? Lexicon.wordEnd(text, i) : i + Character.charCount(cp);
                    unknownUnit();
                    continue;
                }
                apply(match);
                i = match.end();
            }
        }

        private boolean startsWord(int i) {
            return i == 0 || !Lexicon.isWordChar(text.codePointBefore(i));
        }

        private void apply(Lexicon.Match match) {
            LexiconEntry entry = match.entry();
            switch (entry.role()) {
                case NEGATOR -> negationLeft = settings.negationWindow();
                case INTENSIFIER -> {
                    intensity *= entry.weight();
                    intensityLeft = settings.negationWindow();
                }
                case CONTRAST -> {
                    endClause();
                    afterContrast = true;
                }
                case TERM -> term(entry, match.fuzzy());
                case VARIANT -> {
                    // variants are applied during normalisation and never matched
                }
            }
        }

        private void term(LexiconEntry entry, boolean fuzzy) {
            List<MatchedRule.Modifier> modifiers = new ArrayList<>();
            double weight = entry.weight();
            boolean negatable = weight != 0 || entry.negatedWeight() != null;
            if (negationLeft >= 0 && negatable) {
                weight = entry.negatedWeight() != null ? entry.negatedWeight()
                        : weight > 0 ? -settings.negatedPositiveWeight() : settings.negatedNegativeWeight();
                modifiers.add(MatchedRule.Modifier.NEGATED);
                negationLeft = -1;
                resetIntensity();
            } else if (intensityLeft >= 0 && weight != 0) {
                weight *= intensity;
                modifiers.add(MatchedRule.Modifier.INTENSIFIED);
                resetIntensity();
            }
            if (afterContrast && weight != 0) {
                weight *= settings.contrastEmphasis();
                modifiers.add(MatchedRule.Modifier.AFTER_CONTRAST);
            }
            if (fuzzy) {
                modifiers.add(MatchedRule.Modifier.FUZZY);
            }
            polarity += weight;
            topics.addAll(entry.topics());
            rules.add(new MatchedRule(entry.source(), entry.prefix() ? entry.term() + "*" : entry.term(),
                    entry.topics(), round(weight), modifiers));
        }

        private void unknownUnit() {
            if (negationLeft >= 0 && --negationLeft < 0) {
                negationLeft = -1;
            }
            if (intensityLeft >= 0 && --intensityLeft < 0) {
                resetIntensity();
            }
        }

        private void endClause() {
            negationLeft = -1;
            resetIntensity();
        }

        private void resetIntensity() {
            intensity = 1;
            intensityLeft = -1;
        }
    }

    /** Punctuation that ends a clause (after NFKC, full-width ，！？；： are already ASCII). */
    static boolean isClauseBreak(int cp) {
        return switch (cp) {
            case ',', '.', '!', '?', ';', ':', '\u3002', '\u3001', '\u2026', '~', '\uFF5E', '(', ')', '"',
                 '\u201C', '\u201D', '\u300C', '\u300D' -> true;
            default -> false;
        };
    }
}
