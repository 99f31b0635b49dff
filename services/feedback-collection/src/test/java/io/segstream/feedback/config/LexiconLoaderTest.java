package io.segstream.feedback.config;

import io.segstream.contracts.feedback.FeedbackTopic;
import io.segstream.feedback.domain.Lexicon;
import io.segstream.feedback.domain.TextUnderstanding;
import io.segstream.feedback.domain.UnderstandingSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LexiconLoaderTest {
    private static final List<String> BUILT_IN = List.of("lexicon/en.tsv", "lexicon/zh.tsv", "lexicon/emoji.tsv");
    private static final UnderstandingSettings SETTINGS = new FeedbackProperties.Understanding(3, 0.75, 0.5, 1.5, 0.5,
            6, 1.5).settings();

    @Test
    void aBusinessExtendsAndOverridesTheBuiltInLexiconsWithFilesInADirectory(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("10-brands.tsv"), "# our own words\nbabycare\tTERM\tPRODUCT_RANGE\t0\n");
        Files.writeString(dir.resolve("20-override.tsv"), "cheap\tTERM\tQUALITY\t-1\n");
        Files.writeString(dir.resolve("notes.txt"), "not a lexicon\tTERM\n");

        Lexicon lexicon = LexiconLoader.load(new FeedbackProperties.Lexicons(BUILT_IN, dir));
        TextUnderstanding understanding = new TextUnderstanding(lexicon, SETTINGS);

        assertThat(understanding.read("more babycare please").topics()).containsExactly(FeedbackTopic.PRODUCT_RANGE);
        assertThat(understanding.read("cheap").topics()).containsExactly(FeedbackTopic.QUALITY);
        assertThat(understanding.read("cheap").rules().get(0).rule()).isEqualTo("20-override.tsv:1");
    }

    @Test
    void theBuiltInLexiconsLoad() {
        Lexicon lexicon = LexiconLoader.load(new FeedbackProperties.Lexicons(BUILT_IN, null));
        assertThat(lexicon.size()).isGreaterThan(500);
    }

    @Test
    void aMissingDirectoryOrFileIsAStartupError(@TempDir Path dir) {
        assertThatThrownBy(() -> LexiconLoader.load(new FeedbackProperties.Lexicons(BUILT_IN, dir.resolve("nope"))))
                .hasMessageContaining("does not exist");
        assertThatThrownBy(() -> LexiconLoader.load(new FeedbackProperties.Lexicons(List.of("lexicon/xx.tsv"), null)))
                .hasMessageContaining("not on the classpath");
    }
}
