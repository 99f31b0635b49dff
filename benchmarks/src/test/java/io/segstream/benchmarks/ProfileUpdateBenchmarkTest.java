package io.segstream.benchmarks;

import io.segstream.segmentation.domain.ProfileFigures;
import io.segstream.segmentation.domain.ProfileUpdate;
import io.segstream.segmentation.domain.PurchaseOutcome;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static org.assertj.core.api.Assertions.assertThat;

/** Each benchmark method once on its set-up state: a broken benchmark fails the build, none is timed. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProfileUpdateBenchmarkTest {
    private final ProfileUpdateBenchmark benchmark = new ProfileUpdateBenchmark();

    @BeforeAll
    void setUp() {
        benchmark.historyPurchases = 60;
        benchmark.setUp();
    }

    @Test
    void theStoredProfileHasRealisticHistory() {
        assertThat(benchmark.stored.purchases()).hasSizeBetween(20, 60);
        assertThat(benchmark.stored.earlier().orders()).isPositive();
        assertThat(benchmark.stored.classes()).hasSize(13);
        assertThat(benchmark.stored.version()).isEqualTo(1);
    }

    @Test
    void appliesThePurchaseToACopyEveryTime() {
        ProfileUpdate first = benchmark.applyPurchase();
        ProfileUpdate second = benchmark.applyPurchase();
        assertThat(first.outcome()).isEqualTo(PurchaseOutcome.APPLIED);
        assertThat(second.outcome()).isEqualTo(PurchaseOutcome.APPLIED);
        assertThat(first.figures().recencyDays()).isZero();
        assertThat(benchmark.stored.purchases()).doesNotContain(benchmark.newPurchase);
    }

    @Test
    void copiesFiguresAndPlans() {
        assertThat(benchmark.copyProfile().purchases()).isEqualTo(benchmark.stored.purchases());
        assertThat(benchmark.decodeProfile().classes()).containsExactlyElementsOf(benchmark.stored.classes());
        assertThat(benchmark.encodeProfile()).isEqualTo(benchmark.encoded);
        ProfileFigures figures = benchmark.figuresAndRfm();
        assertThat(figures.orderCount()).isEqualTo(60);
        assertThat(figures.rfm()).isNotNull();
        assertThat(figures.behaviour().categoryShares()).hasSizeGreaterThanOrEqualTo(3);
        assertThat(figures.behaviour().channelShares()).hasSizeGreaterThanOrEqualTo(2);
        assertThat(benchmark.planNextReevaluation().nextReevaluationAt()).isAfter(Fixtures.AS_OF);
        assertThat(benchmark.catalogueClockSensitivity().recencyDays()).contains(90L, 180L);
    }
}
