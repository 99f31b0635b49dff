package io.segstream.segmentation.domain;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static io.segstream.segmentation.domain.PurchaseFactMother.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LifecycleStageTest {
    private final LifecycleStage lifecycle = new LifecycleStage(90, 180);

    @Test
    void aCustomerWhoNeverBoughtIsAProspect() {
        assertThat(classOf(null, 0)).isEqualTo("PROSPECT");
    }

    @Test
    void onePurchaseDayIsNewAndARecentRepeatBuyerIsActive() {
        assertThat(classOf(0, 1)).isEqualTo("NEW");
        assertThat(classOf(89, 1)).isEqualTo("NEW");
        assertThat(classOf(3, 2)).isEqualTo("ACTIVE");
    }

    @Test
    void silenceMovesAtTheThresholdsWhateverTheHistory() {
        assertThat(classOf(90, 1)).isEqualTo("AT_RISK");
        assertThat(classOf(90, 12)).isEqualTo("AT_RISK");
        assertThat(classOf(179, 12)).isEqualTo("AT_RISK");
        assertThat(classOf(180, 12)).isEqualTo("CHURNED");
        assertThat(classOf(180, 1)).isEqualTo("CHURNED");
    }

    @Test
    void theReasonNamesTheFiguresAndTheThresholdThatDecided() {
        ClassAssignment atRisk = lifecycle.classify(figures(95, 4));
        assertThat(atRisk.reason()).containsEntry("recencyDays", 95).containsEntry("purchaseDays", 4L)
                .containsEntry("atRiskAfterDays", 90);
        assertThat(lifecycle.classify(figures(3, 2)).reason()).containsOnlyKeys("purchaseDays", "recencyDays");
    }

    @Test
    void thresholdsMustBeOrdered() {
        assertThatThrownBy(() -> new LifecycleStage(90, 90)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LifecycleStage(0, 10)).isInstanceOf(IllegalArgumentException.class);
    }

    @Property(tries = 300)
    void moreSilenceNeverMakesACustomerLessLapsed(@ForAll @IntRange(max = 1000) int recency,
                                                  @ForAll @IntRange(max = 1000) int moreDays,
                                                  @ForAll @LongRange(min = 1, max = 500) long purchaseDays) {
        int before = severity(classOf(recency, purchaseDays));
        int after = severity(classOf(recency + moreDays, purchaseDays));
        assertThat(after).isGreaterThanOrEqualTo(before);
    }

    @Property(tries = 300)
    void everyBuyerGetsExactlyTheClassOfTheRules(@ForAll @IntRange(max = 1000) int recency,
                                                 @ForAll @LongRange(min = 1, max = 500) long purchaseDays) {
        String expected = recency >= 180 ? "CHURNED" : recency >= 90 ? "AT_RISK"
                : purchaseDays == 1 ? "NEW" : "ACTIVE";
        assertThat(classOf(recency, purchaseDays)).isEqualTo(expected);
    }

    private static int severity(String lifecycleClass) {
        return switch (lifecycleClass) {
            case "NEW", "ACTIVE" -> 0;
            case "AT_RISK" -> 1;
            case "CHURNED" -> 2;
            default -> throw new IllegalArgumentException(lifecycleClass);
        };
    }

    private String classOf(Integer recency, long purchaseDays) {
        return lifecycle.classify(figures(recency, purchaseDays)).className();
    }

    private static ProfileFigures figures(Integer recency, long purchaseDays) {
        return new ProfileFigures(NOW, purchaseDays == 0 ? null : NOW, purchaseDays == 0 ? null : NOW, recency,
                purchaseDays, 0, BigDecimal.TEN, purchaseDays);
    }
}
