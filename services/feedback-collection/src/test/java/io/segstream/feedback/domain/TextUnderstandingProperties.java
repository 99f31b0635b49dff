package io.segstream.feedback.domain;

import io.segstream.contracts.feedback.Sentiment;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** Properties of text understanding over the production lexicons. */
class TextUnderstandingProperties {
    private final TextUnderstanding understanding = ProductionUnderstanding.text();
    private final double threshold = ProductionUnderstanding.properties().understanding().sentimentThreshold();

    @Property
    void anyTextIsReadWithoutFailingAndItsSentimentFollowsItsPolarity(@ForAll String text) {
        TextReading reading = understanding.read(text);
        Sentiment expected = reading.polarity() >= threshold ? Sentiment.POSITIVE
                : reading.polarity() <= -threshold ? Sentiment.NEGATIVE : Sentiment.NEUTRAL;
        assertThat(reading.sentiment()).isEqualTo(expected);
    }

    @Property
    void mixedScriptsAndEmojiAreReadWithoutFailing(@ForAll("feedbackLike") String text) {
        TextReading reading = understanding.read(text);
        assertThat(reading.rules()).allSatisfy(rule -> assertThat(rule.rule()).contains(".tsv:"));
    }

    @Property
    void letterCaseDoesNotChangeTheReading(@ForAll("englishLike") String text) {
        assertThat(understanding.read(text.toUpperCase(Locale.ROOT)))
                .isEqualTo(understanding.read(text.toLowerCase(Locale.ROOT)));
    }

    @Property
    void negatingANegativeTermNeverMakesItNegative(@ForAll("negativeTerms") String term) {
        String negator = isLatin(term) ? "not " : "不";
        assertThat(understanding.read(negator + term).sentiment()).isNotEqualTo(Sentiment.NEGATIVE);
    }

    @Property
    void negatingAPositiveTermNeverMakesItPositive(@ForAll("positiveTerms") String term) {
        String negator = isLatin(term) ? "not " : "不";
        assertThat(understanding.read(negator + term).sentiment()).isNotEqualTo(Sentiment.POSITIVE);
    }

    @Property
    void aTopicTermNamesItsTopicWhateverSurroundsIt(@ForAll("topicTerms") LexiconEntry term,
                                                    @ForAll("fillers") String before, @ForAll("fillers") String after) {
        assertThat(understanding.read(before + " " + term.term() + " " + after).topics())
                .containsAll(term.topics());
    }

    @Provide
    Arbitrary<String> feedbackLike() {
        return Arbitraries.strings().withChars("abcdefghijklmnopqrstuvwxyz '!?,.不好贵价格质量很太慢快客服😡👍❤️\uFE0F")
                .ofMaxLength(80);
    }

    @Provide
    Arbitrary<String> englishLike() {
        return Arbitraries.of("not", "bad", "good", "very", "expensive", "delivery", "but", "quality", "late", "no",
                "issues", "service", "rude", "cheap", "price", "on", "time", "x").list().ofMaxSize(8)
                .map(words -> String.join(" ", words));
    }

    @Provide
    Arbitrary<String> fillers() {
        return Arbitraries.of("", "the", "I think", "honestly", "!!", "我觉得", "这次", "wow");
    }

    @Provide
    Arbitrary<String> negativeTerms() {
        return Arbitraries.of(simpleTerms(-1));
    }

    @Provide
    Arbitrary<String> positiveTerms() {
        return Arbitraries.of(simpleTerms(1));
    }

    @Provide
    Arbitrary<LexiconEntry> topicTerms() {
        return Arbitraries.of(builtIn().stream()
                .filter(e -> e.role() == LexiconRole.TERM && !e.topics().isEmpty() && !e.prefix())
                .toList());
    }

    /** Single TERMs of the given sign without their own negated weight: the general negation rule applies. */
    private static List<String> simpleTerms(int sign) {
        List<String> terms = new ArrayList<>();
        for (LexiconEntry e : builtIn()) {
            if (e.role() == LexiconRole.TERM && !e.prefix() && e.negatedWeight() == null
                    && Math.signum(e.weight()) == sign) {
                terms.add(e.term());
            }
        }
        return terms;
    }

    private static List<LexiconEntry> builtIn() {
        List<LexiconEntry> entries = new ArrayList<>();
        for (String file : ProductionUnderstanding.properties().lexicon().builtIn()) {
            try (InputStream in = TextUnderstandingProperties.class.getClassLoader().getResourceAsStream(file);
                 BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                entries.addAll(LexiconFormat.read(file, reader));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return entries;
    }

    private static boolean isLatin(String term) {
        return Lexicon.isWordChar(term.codePointAt(0));
    }
}
