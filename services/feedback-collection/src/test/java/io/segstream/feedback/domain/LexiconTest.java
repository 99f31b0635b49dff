package io.segstream.feedback.domain;

import io.segstream.contracts.feedback.FeedbackTopic;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LexiconTest {
    private static final double STRONG = 1.5;
    private static final int MIN_LENGTH = 6;

    private final Lexicon lexicon = Lexicon.of(LexiconFormatTest.read("""
            bad\tTERM\t-\t-1
            not\tNEGATOR
            not bad\tTERM\t-\t1
            deliver*\tTERM\tDELIVERY
            delivery guy\tTERM\tDELIVERY
            quality\tTERM\tQUALITY
            better\tTERM\t-\t1
            receiv*\tTERM\tDELIVERY\t0\t-1
            价格\tTERM\tPRICE
            贵\tTERM\tPRICE\t-1
            不\tNEGATOR
            不好意思\tTERM\t-\t0
            貴\tVARIANT\t贵
            """));

    private String match(String text, int at) {
        Lexicon.Match m = lexicon.longestAt(text, at);
        return m == null ? null : text.substring(m.start(), m.end()) + "=" + m.entry().term();
    }

    @Test
    void theLongestEntryWins() {
        assertThat(match("not bad at all", 0)).isEqualTo("not bad=not bad");
        assertThat(match("not good", 0)).isEqualTo("not=not");
        assertThat(match("不好意思", 0)).isEqualTo("不好意思=不好意思");
        assertThat(match("the delivery guy", 4)).isEqualTo("delivery guy=delivery guy");
    }

    @Test
    void latinTermsNeedWordBoundariesChineseTermsDoNot() {
        assertThat(match("badge", 0)).isNull();
        assertThat(match("abad", 1)).isNull();
        assertThat(match("bad!", 0)).isEqualTo("bad=bad");
        assertThat(match("价格太贵", 0)).isEqualTo("价格=价格");
        assertThat(match("价格太贵", 3)).isEqualTo("贵=贵");
        assertThat(match("app里的价格", 5)).isEqualTo("价格=价格");
    }

    @Test
    void aPrefixTermMatchesToTheEndOfTheWord() {
        assertThat(match("delivered late", 0)).isEqualTo("delivered=deliver");
        assertThat(match("undelivered", 2)).isNull();
    }

    @Test
    void normalisationFoldsWidthCaseEmojiVariantsAndLetterRuns() {
        assertThat(lexicon.normalise("ＢＡＤ，Ｎｏｔ")).isEqualTo("bad,not");
        assertThat(lexicon.normalise("doesn\u2019t")).isEqualTo("doesn't");
        assertThat(lexicon.normalise("👍🏽❤️")).isEqualTo("👍❤");
        assertThat(lexicon.normalise("價格太貴")).isEqualTo("價格太贵");
        assertThat(lexicon.normalise("sooooo baaaad")).isEqualTo("soo baad");
    }

    @Test
    void fuzzyMatchingTakesOneTypoOnTopicAndStrongTermsOnly() {
        assertThat(fuzzy("qualty")).isEqualTo("quality");
        assertThat(fuzzy("qaulity")).isEqualTo("quality");
        assertThat(fuzzy("recieved")).isEqualTo("receiv");
        assertThat(fuzzy("delivry")).isEqualTo("deliver");
        assertThat(fuzzy("receipt")).as("edit at the end of a prefix").isNull();
        assertThat(fuzzy("butter")).as("mild opinion terms take no typos").isNull();
        assertThat(fuzzy("qualityyy")).isNull();
    }

    private String fuzzy(String word) {
        Lexicon.Match m = lexicon.fuzzyAt(word, 0, MIN_LENGTH, STRONG);
        return m == null ? null : m.entry().term();
    }

    @Test
    void aLaterEntryForTheSameTermReplacesTheEarlierOne() {
        Lexicon extended = Lexicon.of(LexiconFormatTest.read("""
                cheap\tTERM\tPRICE\t0.5
                cheap\tTERM\tQUALITY\t-1
                """));
        Lexicon.Match m = extended.longestAt("cheap", 0);
        assertThat(m.entry().topics()).containsExactly(FeedbackTopic.QUALITY);
        assertThat(m.entry().weight()).isEqualTo(-1);
        assertThat(extended.size()).isEqualTo(1);
    }

    @Test
    void editDistanceOfAtMostOne() {
        assertThat(Lexicon.editDistanceAtMostOne("service", "servise")).isTrue();
        assertThat(Lexicon.editDistanceAtMostOne("service", "servce")).isTrue();
        assertThat(Lexicon.editDistanceAtMostOne("service", "serrvice")).isTrue();
        assertThat(Lexicon.editDistanceAtMostOne("service", "sevrice")).isTrue();
        assertThat(Lexicon.editDistanceAtMostOne("service", "sevrcie")).isFalse();
        assertThat(Lexicon.editDistanceAtMostOne("service", "serv")).isFalse();
    }
}
