package io.segstream.localstack.faults;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TruthTest {
    private static final Instant AT = Instant.parse("2026-06-01T10:00:00Z");

    @Test
    void anEventSentTwiceCountsOnceInEveryFigure() {
        Ledger ledger = new Ledger();
        Ledger.SentPurchase first = purchase("p1", "c1", "10.50");
        ledger.purchase(first);
        ledger.purchase(first);
        ledger.purchase(purchase("p2", "c1", "4.25"));
        ledger.purchase(purchase("p3", "c2", "1.00"));
        ledger.feedback(new Ledger.SentFeedback("f1", "c1", AT, 9, "PRICE", "{}"));
        ledger.feedback(new Ledger.SentFeedback("f1", "c1", AT, 9, "PRICE", "{}"));
        ledger.feedback(new Ledger.SentFeedback("f2", "c1", AT, 3, "DELIVERY", "{}"));

        Truth truth = Truth.of(ledger);

        assertThat(truth.customers).containsOnlyKeys("c1", "c2");
        Truth.Customer c1 = truth.customers.get("c1");
        assertThat(c1.purchaseIds).containsExactly("p1", "p2");
        assertThat(c1.spend).isEqualByComparingTo("14.75");
        assertThat(c1.feedbackIds).containsExactly("f1", "f2");
        assertThat(c1.topicCounts).isEqualTo(Map.of("DELIVERY", 1L, "PRICE", 1L));
        assertThat(truth.purchaseIds).hasSize(3);
        assertThat(truth.feedbackIds).hasSize(2);
    }

    @Test
    void feedbackOfACustomerWhoNeverBoughtIsAMistakeOfTheDriver() {
        Ledger ledger = new Ledger();
        ledger.feedback(new Ledger.SentFeedback("f1", "c9", AT, 9, "PRICE", "{}"));
        assertThatThrownBy(() -> Truth.of(ledger)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void regionsAndChannelsMapToTheClassesOfTheDefaultCatalogue() {
        assertThat(Truth.regionClass("CN-SH")).isEqualTo("EAST_CHINA");
        assertThat(Truth.regionClass("CN-BJ")).isEqualTo("NORTH_CHINA");
        assertThat(Truth.regionClass("CN-GD")).isEqualTo("SOUTH_CHINA");
        assertThat(Truth.regionClass("CN-SC")).isEqualTo("OTHER_CHINA");
        assertThat(Truth.regionClass("US-CA")).isEqualTo("INTERNATIONAL");
        assertThat(Truth.channelClass("MARKETPLACE")).isEqualTo("ONLINE");
        assertThat(Truth.channelClass("MOBILE_APP")).isEqualTo("MOBILE");
        assertThat(Truth.channelClass("STORE")).isEqualTo("IN_STORE");
        assertThat(Truth.channelClass("PHONE")).isEqualTo("OTHER");
    }

    private static Ledger.SentPurchase purchase(String id, String customer, String amount) {
        return new Ledger.SentPurchase(id, customer, new BigDecimal(amount), AT, "CN-SH", "STORE", false, "{}");
    }
}
