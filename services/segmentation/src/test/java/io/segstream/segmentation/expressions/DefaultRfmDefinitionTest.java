package io.segstream.segmentation.expressions;

import io.segstream.segmentation.domain.DefaultCatalogue;
import io.segstream.segmentation.domain.Dimension;
import io.segstream.segmentation.domain.FeedbackFigures;
import io.segstream.segmentation.domain.ProfileFigures;
import io.segstream.segmentation.domain.PurchaseBehaviour;
import io.segstream.segmentation.domain.RfmScore;
import io.segstream.segmentation.domain.RfmSegment;
import io.segstream.segmentation.domain.SegmentDefinition;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** The default rfm definition, as CEL, gives every one of the 125 (R, F, M) score combinations its table segment. */
class DefaultRfmDefinitionTest {
    private static final Instant NOW = Instant.parse("2026-11-20T12:00:00Z");

    @Test
    void all125ScoreCombinationsGetTheirTableSegment() {
        SegmentDefinition rfm = DefaultCatalogue.definitions(90, 180).stream()
                .filter(definition -> definition.key().equals("rfm")).findFirst().orElseThrow();
        Dimension dimension = CelDefinitionCompilerTest.COMPILER.compile(rfm);

        for (int r = 1; r <= 5; r++) {
            for (int f = 1; f <= 5; f++) {
                for (int m = 1; m <= 5; m++) {
                    RfmScore score = RfmScore.of(r, f, m);
                    ProfileFigures figures = new ProfileFigures(NOW, NOW, NOW, 0, 1, 0, BigDecimal.ONE, 1,
                            PurchaseBehaviour.NONE, FeedbackFigures.NONE, score);
                    assertThat(dimension.classify(figures).className()).as(score.code())
                            .isEqualTo(RfmSegment.of(r, score.fm()).name());
                }
            }
        }
        ProfileFigures unscored = new ProfileFigures(NOW, null, null, null, 0, 0, BigDecimal.ZERO, 0);
        assertThat(dimension.classify(unscored).className()).isEqualTo("UNSCORED");
    }
}
