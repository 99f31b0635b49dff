package io.segstream.segmentation;

import io.segstream.contracts.feedback.FeedbackKind;
import io.segstream.contracts.feedback.Sentiment;
import io.segstream.contracts.segment.SegmentChanged;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Time passes, on the service's own wall clock: a complaint leaves the 90-day "recent" window and the stream's sweep
 * moves the customer out of DETRACTOR with no new event, with cause "sweep", once.
 */
class SweepIT extends SegmentationIntegrationTest {
    /** How long after the test starts the complaint ages out of the window. */
    private static final Duration AGES_OUT_IN = Duration.ofSeconds(8);

    @Test
    void aComplaintAgesOutOfTheRecentWindowAndTheSweepMovesTheCustomerOnTime() {
        String customer = "C-" + UUID.randomUUID();
        Instant agesOutAt = Instant.now().plus(AGES_OUT_IN).truncatedTo(ChronoUnit.SECONDS);
        try (PurchaseEvents events = new PurchaseEvents(); ChangeLog changes = new ChangeLog()) {
            events.send(PurchaseEvents.feedback(customer, "k1-" + customer, FeedbackKind.COMPLAINT,
                    agesOutAt.minus(Duration.ofDays(90)), null, Sentiment.NEGATIVE));
            assertThat(changes.awaitChanges(customer, "satisfaction", 1)).extracting(SegmentChanged::to)
                    .containsExactly("DETRACTOR");

            List<SegmentChanged> satisfaction = changes.awaitChanges(customer, "satisfaction", 2);
            assertThat(satisfaction.get(1)).satisfies(change -> {
                assertThat(change.from()).isEqualTo("DETRACTOR");
                assertThat(change.to()).isEqualTo("UNKNOWN");
                assertThat(change.causedBy()).isEqualTo("sweep");
                assertThat(change.occurredAt()).isAfterOrEqualTo(agesOutAt)
                        .isBefore(agesOutAt.plus(Duration.ofSeconds(20)));
            });
            // Swept once: the next instant planned is far ahead.
            assertThat(changes.readToEnd(customer, "satisfaction")).hasSize(2);
        }
    }
}
