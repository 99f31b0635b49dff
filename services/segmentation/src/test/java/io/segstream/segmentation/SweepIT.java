package io.segstream.segmentation;

import io.segstream.contracts.segment.SegmentChanged;
import io.segstream.segmentation.reevaluation.ClockSweeper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Time passes: a silent customer moves to AT_RISK with no new event, by the sweep, with cause "sweep". */
class SweepIT extends SegmentationIntegrationTest {

    @Autowired
    ClockSweeper sweeper;

    @Test
    void aSilentCustomerMovesToAtRiskWithNoNewEvent() {
        String customer = "C-" + UUID.randomUUID();
        Instant bought = Instant.now().minus(Duration.ofDays(3));
        try (PurchaseEvents purchases = new PurchaseEvents(); ChangeLog changes = new ChangeLog()) {
            purchases.send(PurchaseEvents.purchase(customer, "w1-" + customer, bought, "30.00"));
            assertThat(changes.awaitChanges(customer, "lifecycle", 1)).extracting(SegmentChanged::to)
                    .containsExactly("NEW");

            // As of 100 days later (the sweep's clock is a parameter here; the scheduled one uses the service's).
            Instant later = Instant.now().plus(Duration.ofDays(100));
            sweeper.sweep(later);

            List<SegmentChanged> lifecycle = changes.awaitChanges(customer, "lifecycle", 2);
            assertThat(lifecycle.get(1)).satisfies(change -> {
                assertThat(change.from()).isEqualTo("NEW");
                assertThat(change.to()).isEqualTo("AT_RISK");
                assertThat(change.causedBy()).isEqualTo("sweep");
                assertThat(change.occurredAt()).isEqualTo(later);
                assertThat(change.profile().recencyDays()).isBetween(103, 104);
            });
            sweeper.sweep(later);
            assertThat(changes.readToEnd(customer, "lifecycle")).hasSize(2);
        }
    }
}
