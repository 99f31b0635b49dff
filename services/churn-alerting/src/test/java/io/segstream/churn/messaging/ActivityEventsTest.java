package io.segstream.churn.messaging;

import io.segstream.churn.domain.PurchaseFact;
import io.segstream.churn.domain.PurchaseKind;
import io.segstream.churn.domain.SegmentFact;
import io.segstream.contracts.Channel;
import io.segstream.contracts.purchase.PurchaseRecorded;
import io.segstream.contracts.purchase.PurchaseType;
import io.segstream.contracts.segment.ProfileSnapshot;
import io.segstream.contracts.segment.SegmentChanged;
import io.segstream.contracts.segment.SegmentKind;
import io.segstream.runtime.messaging.ContractViolation;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ActivityEventsTest {
    private static final Instant AT = Instant.parse("2026-11-20T09:14:03Z");

    @Test
    void aRecordedRefundBecomesASubtractingFactInTheReportingCurrency() {
        PurchaseFact fact = ActivityEvents.purchase(recorded(PurchaseType.REFUND, new BigDecimal("65.43")));

        assertThat(fact.kind()).isEqualTo(PurchaseKind.REFUND);
        assertThat(fact.amount()).isEqualByComparingTo("-65.43");
        assertThat(fact.currency()).isEqualTo("EUR");
        assertThat(fact.occurredAt()).isEqualTo(AT);
    }

    @Test
    void aPurchaseWithoutItsReportingAmountIsAViolationNamingTheField() {
        assertThatThrownBy(() -> ActivityEvents.purchase(recorded(PurchaseType.PURCHASE, null)))
                .isInstanceOf(ContractViolation.class).hasMessageContaining("reportingAmount");
    }

    @Test
    void aDimensionChangeIsTrackedAndAnAudienceChangeIsNot() {
        SegmentFact fact = ActivityEvents.segment(change(SegmentKind.DIMENSION, "value-tier", "MEDIUM", "HIGH"));

        assertThat(fact.key()).isEqualTo("value-tier");
        assertThat(fact.className()).isEqualTo("HIGH");
        assertThat(fact.definitionVersion()).isEqualTo(3);
        assertThat(ActivityEvents.segment(change(SegmentKind.AUDIENCE, "vip", "false", "true"))).isNull();
    }

    @Test
    void aSegmentChangeWithABadCustomerIdIsAViolationThatDoesNotEchoIt() {
        SegmentChanged bad = new SegmentChanged("s1", "C 1/../x", SegmentKind.DIMENSION, "lifecycle", null, "NEW", 1,
                "e1", AT, new ProfileSnapshot(0, 1, BigDecimal.ONE, null));

        assertThatThrownBy(() -> ActivityEvents.segment(bad)).isInstanceOf(ContractViolation.class)
                .hasMessageContaining("customerId").hasMessageNotContaining("../x");
    }

    private static SegmentChanged change(SegmentKind kind, String key, String from, String to) {
        return new SegmentChanged("s1", "C-1", kind, key, from, to, 3, "e1", AT,
                new ProfileSnapshot(4, 2, new BigDecimal("10.00"), null));
    }

    private static PurchaseRecorded recorded(PurchaseType type, BigDecimal reportingAmount) {
        return new PurchaseRecorded("e1", type, "C-1", "SO-1", AT, Channel.ONLINE, null, "CN-SH", "CNY",
                new BigDecimal("500.00"), null, List.of(), "shop", AT.plusSeconds(1), reportingAmount, "EUR");
    }
}
