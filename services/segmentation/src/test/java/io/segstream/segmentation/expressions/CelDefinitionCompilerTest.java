package io.segstream.segmentation.expressions;

import io.segstream.segmentation.domain.ClassAssignment;
import io.segstream.segmentation.domain.ClassRule;
import io.segstream.segmentation.domain.DefaultCatalogue;
import io.segstream.segmentation.domain.DefinitionKind;
import io.segstream.segmentation.domain.Dimension;
import io.segstream.segmentation.domain.FeedbackFigures;
import io.segstream.segmentation.domain.InvalidDefinition;
import io.segstream.segmentation.domain.ProfileFigures;
import io.segstream.segmentation.domain.PurchaseBehaviour;
import io.segstream.segmentation.domain.SegmentDefinition;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CelDefinitionCompilerTest {
    static final CelDefinitionCompiler COMPILER = new CelDefinitionCompiler(
            new CelDefinitionCompiler.Limits(1000, 30, 200, 1000));
    private static final Instant NOW = Instant.parse("2026-11-20T12:00:00Z");

    static final SegmentDefinition VALUE_TIER = SegmentDefinition.dimension("value-tier", "spend", List.of(
            new ClassRule("HIGH", "profile.monetary365d >= 5000.0"),
            new ClassRule("MEDIUM", "profile.monetary365d >= 1000.0"),
            new ClassRule("LOW", "true")));

    static ProfileFigures figures(int recencyDays, String monetary365d) {
        PurchaseBehaviour behaviour = new PurchaseBehaviour(new BigDecimal(monetary365d), 1, 2, 3,
                new BigDecimal("100.00"), 30.0, 30.0, 30L, Map.of("toys", 1.0), "toys", Map.of("ONLINE", 1.0),
                "ONLINE", 0, 0, List.of("CN-SH"), "CN-SH");
        return new ProfileFigures(NOW, NOW.minus(Duration.ofDays(400)), NOW.minus(Duration.ofDays(recencyDays)),
                recencyDays, 3, 0, new BigDecimal(monetary365d), 3, behaviour, FeedbackFigures.NONE, null);
    }

    @Test
    void everyDefaultDefinitionCompiles() {
        assertThat(DefaultCatalogue.definitions(90, 180)).allSatisfy(definition ->
                assertThat(COMPILER.compile(definition).key()).isEqualTo(definition.key()));
        assertThat(DefaultCatalogue.definitions(90, 180)).extracting(SegmentDefinition::key).contains("value-tier",
                "frequency-tier", "lifecycle", "category-preference", "price-sensitivity", "channel-preference",
                "region", "needs-focus", "satisfaction", "high-value-at-risk", "price-sensitive-detractors",
                "omnichannel-loyal");
    }

    @Test
    void theFirstClassWhoseConditionHoldsWinsAndTheReasonShowsTheFiguresRead() {
        Dimension tier = COMPILER.compile(VALUE_TIER.withVersion(3, NOW));

        ClassAssignment medium = tier.classify(figures(10, "1200.00"));

        assertThat(medium.className()).isEqualTo("MEDIUM");
        assertThat(medium.reason()).containsEntry("monetary365d", 1200.0)
                .containsEntry("when", "profile.monetary365d >= 1000.0");
        assertThat(tier.classify(figures(10, "5000.00")).className()).isEqualTo("HIGH");
        assertThat(tier.classify(figures(10, "0")).className()).isEqualTo("LOW");
        assertThat(tier.definitionVersion()).isEqualTo(3);
    }

    @Test
    void anAudienceReadsTheCustomersDimensions() {
        Dimension audience = COMPILER.compile(SegmentDefinition.audience("high-value-at-risk", "quiet",
                "segments['value-tier'] == 'HIGH' && profile.recencyDays > 60"));

        assertThat(audience.kind()).isEqualTo(DefinitionKind.AUDIENCE);
        assertThat(audience.classify(figures(61, "9000"), Map.of("value-tier", "HIGH")).className())
                .isEqualTo("true");
        assertThat(audience.classify(figures(60, "9000"), Map.of("value-tier", "HIGH")).className())
                .isEqualTo("false");
        // A missing dimension makes the condition fail, which counts as not holding.
        assertThat(audience.classify(figures(61, "9000"), Map.of()).className()).isEqualTo("false");
    }

    @Test
    void anUnknownFieldIsRefusedWithItsLineAndColumn() {
        SegmentDefinition typo = SegmentDefinition.audience("quiet", null, "profile.recencyDayz > 60");

        assertThatThrownBy(() -> COMPILER.compile(typo)).isInstanceOfSatisfying(InvalidDefinition.class, e -> {
            assertThat(e.where()).isEqualTo("expression");
            assertThat(e.getMessage()).contains("recencyDayz").contains("1:8");
            assertThat(e.line()).isEqualTo(1);
            assertThat(e.column()).isEqualTo(8);
        });
    }

    @Test
    void typeErrorsNonBooleanResultsAndUnknownFunctionsAreRefused() {
        for (String expression : List.of("profile.monetary365d >= 5000", "profile.recencyDays",
                "system('ls')", "profile.recencyDays > ", "segments['x'] == 1")) {
            assertThatThrownBy(() -> COMPILER.compile(SegmentDefinition.audience("a", null, expression)))
                    .as(expression).isInstanceOf(InvalidDefinition.class);
        }
    }

    @Test
    void structuralMistakesAreRefused() {
        assertThatThrownBy(() -> COMPILER.compile(SegmentDefinition.dimension("d", null, List.of(
                new ClassRule("A", "profile.frequency > 1"), new ClassRule("B", "profile.frequency > 2")))))
                .isInstanceOfSatisfying(InvalidDefinition.class, e -> assertThat(e.where()).isEqualTo("classes[1].when"));
        assertThatThrownBy(() -> COMPILER.compile(SegmentDefinition.dimension("d", null, List.of(
                new ClassRule("A", "profile.frequency > 1"), new ClassRule("A", "true")))))
                .isInstanceOfSatisfying(InvalidDefinition.class, e -> assertThat(e.where()).isEqualTo("classes[1].name"));
        assertThatThrownBy(() -> COMPILER.compile(SegmentDefinition.dimension("Bad Key", null, List.of(
                new ClassRule("A", "true"))))).isInstanceOf(InvalidDefinition.class);
        assertThatThrownBy(() -> COMPILER.compile(SegmentDefinition.audience("a", null,
                "true || " + "true || ".repeat(200) + "true"))).isInstanceOf(InvalidDefinition.class);
    }

    @Test
    void comprehensionsAreAvailableAndBounded() {
        Dimension any = COMPILER.compile(SegmentDefinition.audience("toys", null,
                "profile.categoryShares.exists(c, c.startsWith('toy') && profile.categoryShares[c] > 0.5)"));
        assertThat(any.classify(figures(1, "1")).className()).isEqualTo("true");
    }
}
