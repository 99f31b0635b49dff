package io.segstream.segmentation.expressions;

import io.segstream.segmentation.HostileDefinitions;
import io.segstream.segmentation.domain.ClassRule;
import io.segstream.segmentation.domain.InvalidDefinition;
import io.segstream.segmentation.domain.SegmentDefinition;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every hostile expression is refused by the compiler, as an audience and as a dimension's class. */
class HostileExpressionsTest {
    private static final CelDefinitionCompiler COMPILER = CelDefinitionCompilerTest.COMPILER;

    @Test
    void everyHostileExpressionIsRefusedBeforeItCouldRun() {
        List<String> hostile = HostileDefinitions.expressions();
        assertThat(hostile).hasSizeGreaterThanOrEqualTo(100);
        List<String> accepted = new java.util.ArrayList<>();
        for (String expression : hostile) {
            String shown = expression.length() > 120 ? expression.substring(0, 120) + "..." : expression;
            try {
                COMPILER.compile(SegmentDefinition.audience("hostile", null, expression));
                accepted.add(shown);
                continue;
            } catch (InvalidDefinition expected) {
                assertThat(expected.where()).isEqualTo("expression");
            }
            assertThatThrownBy(() -> COMPILER.compile(SegmentDefinition.dimension("hostile", null, List.of(
                    new ClassRule("A", expression), new ClassRule("B", "true")))))
                    .as(shown).isInstanceOf(InvalidDefinition.class)
                    .satisfies(e -> assertThat(((InvalidDefinition) e).where()).isEqualTo("classes[0].when"));
        }
        assertThat(accepted).as("hostile expressions that compiled").isEmpty();
    }

    @Test
    void twoLevelsOfMacrosOverTheProfileAreStillAllowed() {
        assertThat(COMPILER.compile(SegmentDefinition.audience("fine", null,
                "profile.regions.exists(r, profile.categoryShares.exists(c, c.startsWith(r)))")).key())
                .isEqualTo("fine");
        assertThat(COMPILER.compile(SegmentDefinition.audience("fine", null,
                "segments.exists(k, segments[k] == 'HIGH') && has(profile.topCategory)")).key()).isEqualTo("fine");
    }

    @Test
    void descriptionsAreShortPrintableText() {
        assertThatThrownBy(() -> COMPILER.compile(SegmentDefinition.audience("d", "x".repeat(501), "true")))
                .isInstanceOf(InvalidDefinition.class);
        assertThatThrownBy(() -> COMPILER.compile(SegmentDefinition.audience("d", "bell\u0007", "true")))
                .isInstanceOf(InvalidDefinition.class);
        assertThat(COMPILER.compile(SegmentDefinition.audience("d", "高价值客户 🎯", "true")).key()).isEqualTo("d");
    }
}
