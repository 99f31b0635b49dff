package io.segstream.segmentation.stream;

import io.segstream.contracts.Channel;
import io.segstream.contracts.purchase.LineItem;
import io.segstream.contracts.purchase.PurchaseRecorded;
import io.segstream.contracts.purchase.PurchaseType;
import io.segstream.runtime.messaging.ContractViolation;
import io.segstream.segmentation.domain.CategoryShare;
import io.segstream.segmentation.domain.PurchaseFact;
import io.segstream.segmentation.domain.PurchaseKind;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PurchaseFactsTest {
    private static final Instant AT = Instant.parse("2026-11-20T09:14:03Z");

    @Test
    void aPurchaseKeepsItsReportingAmountChannelRegionCategorySharesAndDiscount() {
        PurchaseFact fact = PurchaseFacts.from(recorded(PurchaseType.PURCHASE, "458.00", "40.00", List.of(
                new LineItem("MILK-ORG-900", "infant-formula/organic", 2, new BigDecimal("150.00")),
                new LineItem("BIB-1", "accessories", 1, new BigDecimal("100.00")))), 20);

        assertThat(fact.kind()).isEqualTo(PurchaseKind.PURCHASE);
        assertThat(fact.amount()).isEqualByComparingTo("65.43");
        assertThat(fact.currency()).isEqualTo("EUR");
        assertThat(fact.channel()).isEqualTo("STORE");
        assertThat(fact.region()).isEqualTo("CN-SH");
        assertThat(fact.occurredAt()).isEqualTo(AT);
        assertThat(fact.categories()).containsExactly(
                new CategoryShare("infant-formula/organic", new BigDecimal("0.7500")),
                new CategoryShare("accessories", new BigDecimal("0.2500")));
        assertThat(fact.discountShare()).isEqualByComparingTo("0.0803");
    }

    @Test
    void aRefundSubtracts() {
        PurchaseFact fact = PurchaseFacts.from(recorded(PurchaseType.REFUND, "458.00", null, null), 20);

        assertThat(fact.kind()).isEqualTo(PurchaseKind.REFUND);
        assertThat(fact.amount()).isEqualByComparingTo("-65.43");
        assertThat(fact.categories()).isEmpty();
        assertThat(fact.discountShare()).isNull();
    }

    @Test
    void categoriesAreBoundedToTheLargestShares() {
        PurchaseFact fact = PurchaseFacts.from(recorded(PurchaseType.PURCHASE, "60.00", null, List.of(
                new LineItem("A", "small", 1, new BigDecimal("10.00")),
                new LineItem("B", "large", 1, new BigDecimal("30.00")),
                new LineItem("C", "medium", 1, new BigDecimal("20.00")))), 2);

        assertThat(fact.categories()).extracting(CategoryShare::category).containsExactly("large", "medium");
    }

    @Test
    void anEventWithoutWhatTheFiguresNeedIsAViolationNamingTheField() {
        PurchaseRecorded noAmount = new PurchaseRecorded("e1", PurchaseType.PURCHASE, "C-1", "SO-1", AT,
                Channel.STORE, null, null, "CNY", new BigDecimal("1.00"), null, List.of(), "pos", AT, null, "EUR");
        PurchaseRecorded badCustomer = new PurchaseRecorded("e1", PurchaseType.PURCHASE, "C 1/x", "SO-1", AT,
                Channel.STORE, null, null, "CNY", new BigDecimal("1.00"), null, List.of(), "pos", AT,
                BigDecimal.ONE, "EUR");
        PurchaseRecorded negative = new PurchaseRecorded("e1", PurchaseType.PURCHASE, "C-1", "SO-1", AT,
                Channel.STORE, null, null, "CNY", new BigDecimal("1.00"), null, List.of(), "pos", AT,
                new BigDecimal("-1"), "EUR");

        assertThatThrownBy(() -> PurchaseFacts.from(noAmount, 20)).isInstanceOf(ContractViolation.class)
                .hasMessageContaining("reportingAmount");
        assertThatThrownBy(() -> PurchaseFacts.from(badCustomer, 20)).isInstanceOf(ContractViolation.class)
                .hasMessageContaining("customerId").hasMessageNotContaining("C 1/x");
        assertThatThrownBy(() -> PurchaseFacts.from(negative, 20)).isInstanceOf(ContractViolation.class);
    }

    private static PurchaseRecorded recorded(PurchaseType type, String total, String discount, List<LineItem> items) {
        return new PurchaseRecorded("e1", type, "C-10023", "SO-88812", AT, Channel.STORE, "SH-017", "CN-SH", "CNY",
                new BigDecimal(total), discount == null ? null : new BigDecimal(discount), items, "pos-shanghai",
                AT.plusSeconds(2), new BigDecimal("65.43"), "EUR");
    }
}
