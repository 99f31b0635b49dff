package io.segstream.segmentation.messaging;

import io.segstream.segmentation.ChangeLog;
import io.segstream.segmentation.SegmentationIntegrationTest;
import io.segstream.segmentation.domain.CategoryShare;
import io.segstream.segmentation.domain.ClassChange;
import io.segstream.segmentation.domain.CustomerProfile;
import io.segstream.segmentation.domain.ProfilePolicy;
import io.segstream.segmentation.domain.ProfileStore;
import io.segstream.segmentation.domain.PurchaseFact;
import io.segstream.segmentation.domain.PurchaseKind;
import io.segstream.segmentation.domain.SegmentCatalogue;
import io.segstream.contracts.segment.SegmentChanged;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A crash between writing a profile and publishing its changes: the relay publishes them, once. */
class PendingChangeRelayIT extends SegmentationIntegrationTest {

    @Autowired
    PendingChangeRelay relay;
    @Autowired
    ProfileStore store;
    @Autowired
    ProfilePolicy policy;
    @Autowired
    SegmentCatalogue catalogue;
    @Autowired
    MongoTemplate mongo;

    @Test
    void changesLeftPendingByACrashArePublishedByTheRelayWithTheirOriginalIds() {
        String customer = "C-" + UUID.randomUUID();
        Instant at = Instant.now().minus(Duration.ofDays(2));
        CustomerProfile profile = CustomerProfile.newCustomer(customer);
        profile.apply(new PurchaseFact("crash-" + customer, customer, PurchaseKind.PURCHASE, at,
                new BigDecimal("42.00"), "CNY", "ONLINE", "CN-BJ", List.of(new CategoryShare("toys", BigDecimal.ONE)),
                null), Instant.now(), policy, catalogue);
        List<ClassChange> allPending = List.copyOf(profile.pendingChanges());
        ClassChange pending = allPending.stream().filter(change -> change.key().equals("lifecycle")).findFirst()
                .orElseThrow();
        // The "crashed" writer stored the profile and its change, and died before publishing.
        store.saveAll(List.of(profile));
        assertThat(relay.relay()).isEmpty();
        mongo.getCollection("profiles").updateOne(new Document("_id", customer), new Document("$set",
                new Document("pendingSince", Date.from(Instant.now().minus(Duration.ofMinutes(5))))));

        List<ClassChange> relayed = relay.relay();

        assertThat(relayed).isEqualTo(allPending);
        try (ChangeLog changes = new ChangeLog()) {
            List<SegmentChanged> seen = changes.awaitChanges(customer, "lifecycle", 1);
            assertThat(seen).singleElement().satisfies(change -> {
                assertThat(change.eventId()).isEqualTo(pending.eventId());
                assertThat(change.occurredAt()).isEqualTo(at);
                assertThat(change.to()).isEqualTo("NEW");
            });
        }
        assertThat(store.find(customer).orElseThrow().hasPendingChanges()).isFalse();
        assertThat(relay.relay()).isEmpty();
    }
}
