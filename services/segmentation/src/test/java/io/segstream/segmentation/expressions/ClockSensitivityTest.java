package io.segstream.segmentation.expressions;

import io.segstream.segmentation.domain.ClassRule;
import io.segstream.segmentation.domain.ClockSensitivity;
import io.segstream.segmentation.domain.CustomerProfile;
import io.segstream.segmentation.domain.DefaultCatalogue;
import io.segstream.segmentation.domain.FeedbackFact;
import io.segstream.segmentation.domain.FeedbackKind;
import io.segstream.segmentation.domain.ProfilePolicy;
import io.segstream.segmentation.domain.PurchaseFact;
import io.segstream.segmentation.domain.PurchaseKind;
import io.segstream.segmentation.domain.SegmentCatalogue;
import io.segstream.segmentation.domain.SegmentDefinition;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The sweep's index: which thresholds a definition has on the clock, and the next instant a profile can move. */
class ClockSensitivityTest {
    private static final Instant NOW = Instant.parse("2026-11-20T12:00:00Z");
    private static final ProfilePolicy POLICY = new ProfilePolicy(ZoneOffset.UTC, 1000, Duration.ofDays(400), 20);

    @Test
    void recencyAndTenureThresholdsAreReadFromEitherSideOfAComparison() {
        ClockSensitivity sensitivity = CelDefinitionCompilerTest.COMPILER.compile(SegmentDefinition.dimension("d",
                null, List.of(new ClassRule("A", "profile.recencyDays >= 90 && 365 <= profile.tenureDays"),
                        new ClassRule("B", "profile.recencyDays > 30"), new ClassRule("C", "true"))))
                .clockSensitivity();

        assertThat(sensitivity.recencyDays()).containsExactlyInAnyOrder(90L, 30L);
        assertThat(sensitivity.tenureDays()).containsExactly(365L);
        assertThat(sensitivity.windows()).isFalse();
    }

    @Test
    void theDefaultCatalogueIsSensitiveToItsLifecycleThresholdsAndWindows() {
        SegmentCatalogue catalogue = () -> DefaultCatalogue.definitions(90, 180).stream()
                .map(CelDefinitionCompilerTest.COMPILER::compile).toList();

        ClockSensitivity sensitivity = catalogue.clockSensitivity();

        assertThat(sensitivity.recencyDays()).contains(90L, 180L, 60L);
        assertThat(sensitivity.windows()).isTrue();
    }

    @Test
    void theNextInstantIsTheEarliestThresholdOrWindowExitStillAhead() {
        CustomerProfile profile = CustomerProfile.newCustomer("C-1");
        Instant bought = Instant.parse("2026-11-10T15:00:00Z");
        profile.apply(new PurchaseFact("p1", "C-1", PurchaseKind.PURCHASE, bought, BigDecimal.TEN, "CNY", "STORE",
                null, List.of(), null), NOW, POLICY, List::of);

        profile.planNextReevaluation(new ClockSensitivity(java.util.Set.of(90L), java.util.Set.of(), false), NOW,
                POLICY);
        assertThat(profile.nextReevaluationAt()).isEqualTo(Instant.parse("2027-02-08T00:00:00Z"));

        profile.planNextReevaluation(new ClockSensitivity(java.util.Set.of(90L), java.util.Set.of(), true), NOW,
                POLICY);
        // The purchase leaves the 30-day window on day +30.
        assertThat(profile.nextReevaluationAt()).isEqualTo(Instant.parse("2026-12-10T00:00:00Z"));

        profile.apply(new FeedbackFact("k1", "C-1", FeedbackKind.COMPLAINT, NOW.minus(Duration.ofDays(89)), null,
                "NEGATIVE", List.of()), NOW, POLICY, List::of);
        profile.planNextReevaluation(new ClockSensitivity(java.util.Set.of(), java.util.Set.of(), true), NOW, POLICY);
        assertThat(profile.nextReevaluationAt()).isEqualTo(NOW.plus(Duration.ofDays(1)));

        profile.planNextReevaluation(ClockSensitivity.NONE, NOW, POLICY);
        assertThat(profile.nextReevaluationAt()).isNull();
    }
}
