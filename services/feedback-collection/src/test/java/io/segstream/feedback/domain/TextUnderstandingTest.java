package io.segstream.feedback.domain;

import io.segstream.contracts.feedback.FeedbackTopic;
import io.segstream.contracts.feedback.Sentiment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** Text understanding with the production lexicons and settings. */
class TextUnderstandingTest {
    private final TextUnderstanding understanding = ProductionUnderstanding.text();

    @ParameterizedTest(name = "{0} -> {1} {2}")
    @CsvSource(delimiter = '|', value = {
            // the four of the requirements: Chinese without spaces
            "价格太贵|PRICE|NEGATIVE",
            "质量很好|QUALITY|POSITIVE",
            "客服态度差|SERVICE|NEGATIVE",
            "配送太慢|DELIVERY|NEGATIVE",
            // negation keeps the topic and does not flip into the opposite complaint
            "不贵|PRICE|POSITIVE",
            "一点都不贵|PRICE|POSITIVE",
            "not expensive|PRICE|POSITIVE",
            "Not expensive at all|PRICE|POSITIVE",
            "质量不好|QUALITY|NEGATIVE",
            "不好用|QUALITY|NEGATIVE",
            "not good quality|QUALITY|NEGATIVE",
            "delivery was not on time|DELIVERY|NEGATIVE",
            "never received my parcel|DELIVERY|NEGATIVE",
            "no problems with delivery|DELIVERY|POSITIVE",
            // fixed expressions win over their parts
            "不好意思|OTHER|NEUTRAL",
            "价格差不多|PRICE|NEUTRAL",
            "東西不錯|QUALITY|POSITIVE",
            // traditional characters, mixed languages, emoji, typos
            "價格太貴了|PRICE|NEGATIVE",
            "配送太慢了, delivery took a week|DELIVERY|NEGATIVE",
            "👍👍|OTHER|POSITIVE",
            "😡|OTHER|NEGATIVE",
            "terible qualty|QUALITY|NEGATIVE",
    })
    void understands(String text, String topics, Sentiment sentiment) {
        TextReading reading = understanding.read(text);
        Set<FeedbackTopic> expected = Arrays.stream(topics.split(",")).map(FeedbackTopic::valueOf)
                .collect(Collectors.toSet());
        Set<FeedbackTopic> derived = reading.topics().isEmpty() ? Set.of(FeedbackTopic.OTHER) : reading.topics();
        assertThat(derived).isEqualTo(expected);
        assertThat(reading.sentiment()).isEqualTo(sentiment);
    }

    @Test
    void notBadIsNotNegative() {
        assertThat(understanding.read("not bad").sentiment()).isNotEqualTo(Sentiment.NEGATIVE);
        assertThat(understanding.read("还不错").sentiment()).isEqualTo(Sentiment.POSITIVE);
    }

    @Test
    void reportsWhichRuleMatchedAndHow() {
        TextReading reading = understanding.read("价格不贵");
        assertThat(reading.rules()).extracting(MatchedRule::term).containsExactly("价格", "贵");
        MatchedRule cheapish = reading.rules().get(1);
        assertThat(cheapish.rule()).startsWith("lexicon/zh.tsv:");
        assertThat(cheapish.topics()).containsExactly(FeedbackTopic.PRICE);
        assertThat(cheapish.modifiers()).containsExactly(MatchedRule.Modifier.NEGATED);
        assertThat(cheapish.weight()).isPositive();

        MatchedRule typo = understanding.read("qualty").rules().get(0);
        assertThat(typo.term()).as("the lexicon's spelling, not the customer's").isEqualTo("quality");
        assertThat(typo.modifiers()).containsExactly(MatchedRule.Modifier.FUZZY);
    }

    @Test
    void aClauseBreakEndsANegation() {
        assertThat(understanding.read("not sure, good").sentiment()).isEqualTo(Sentiment.POSITIVE);
        assertThat(understanding.read("不，好").sentiment()).isEqualTo(Sentiment.POSITIVE);
    }

    @Test
    void aNegationReachesOverAFewUnknownWordsOnly() {
        assertThat(understanding.read("not at all what I would call expensive").sentiment())
                .as("too far away").isEqualTo(Sentiment.NEGATIVE);
        assertThat(understanding.read("no real delivery issues").sentiment()).isEqualTo(Sentiment.POSITIVE);
    }

    @Test
    void whatFollowsAContrastWeighsMore() {
        assertThat(understanding.read("good quality but expensive").sentiment()).isEqualTo(Sentiment.NEGATIVE);
        assertThat(understanding.read("expensive but good quality").sentiment()).isEqualTo(Sentiment.POSITIVE);
        assertThat(understanding.read("质量很好，就是有点贵").topics())
                .containsExactlyInAnyOrder(FeedbackTopic.QUALITY, FeedbackTopic.PRICE);
    }

    @Test
    void intensifiersScaleAndSoftenersSoften() {
        double plain = understanding.read("expensive").polarity();
        assertThat(understanding.read("very expensive").polarity()).isLessThan(plain);
        assertThat(understanding.read("a bit expensive").polarity()).isGreaterThan(plain);
        assertThat(understanding.read("太贵").polarity()).isLessThan(understanding.read("贵").polarity());
    }

    @Test
    void noTextMeansNoTopicsAndNoOpinion() {
        assertThat(understanding.read(null)).isEqualTo(TextReading.empty());
        assertThat(understanding.read("   ")).isEqualTo(TextReading.empty());
        TextReading unknown = understanding.read("qwxz 12345");
        assertThat(unknown.topics()).isEmpty();
        assertThat(unknown.sentiment()).isEqualTo(Sentiment.NEUTRAL);
        assertThat(unknown.rules()).isEmpty();
    }
}
