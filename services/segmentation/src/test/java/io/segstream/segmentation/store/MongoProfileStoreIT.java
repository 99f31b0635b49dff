package io.segstream.segmentation.store;

import io.segstream.segmentation.SegmentationIntegrationTest;
import io.segstream.segmentation.domain.ConcurrentProfileUpdate;
import io.segstream.segmentation.domain.CustomerProfile;
import io.segstream.segmentation.domain.ProfilePolicy;
import io.segstream.segmentation.domain.PurchaseFact;
import io.segstream.segmentation.domain.PurchaseKind;
import io.segstream.segmentation.domain.SegmentCatalogue;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.beans.factory.annotation.Autowired;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The optimistic writes of the profile store against the MongoDB wire server. */
class MongoProfileStoreIT extends SegmentationIntegrationTest {

    @Autowired
    MongoProfileStore store;
    @Autowired
    ProfilePolicy policy;
    @Autowired
    SegmentCatalogue catalogue;
    @Autowired
    MongoTemplate mongo;

    @Test
    void aWriteBasedOnAStaleReadIsRefused() {
        String customer = "C-" + UUID.randomUUID();
        CustomerProfile created = withPurchase(CustomerProfile.newCustomer(customer), "p1");
        store.saveAll(List.of(created));
        CustomerProfile first = store.find(customer).orElseThrow();
        CustomerProfile second = store.findAll(List.of(customer)).get(customer);

        store.saveAll(List.of(withPurchase(first, "p2")));

        assertThatThrownBy(() -> store.saveAll(List.of(withPurchase(second, "p3"))))
                .isInstanceOf(ConcurrentProfileUpdate.class);
        CustomerProfile stored = store.find(customer).orElseThrow();
        assertThat(stored.version()).isEqualTo(2);
        assertThat(stored.purchases()).extracting(PurchaseFact::eventId).containsExactly("p1", "p2");
    }

    @Test
    void twoWritersCreatingTheSameCustomerConflict() {
        String customer = "C-" + UUID.randomUUID();
        store.saveAll(List.of(withPurchase(CustomerProfile.newCustomer(customer), "p1")));

        assertThatThrownBy(() -> store.saveAll(List.of(withPurchase(CustomerProfile.newCustomer(customer), "p9"))))
                .isInstanceOf(ConcurrentProfileUpdate.class);
    }

    @Test
    void pendingChangesAreClearedOnlyAtTheVersionTheClearerRead() {
        String fresh = "C-" + UUID.randomUUID();
        String stale = "C-" + UUID.randomUUID();
        store.saveAll(List.of(withPurchase(CustomerProfile.newCustomer(fresh), "p1"),
                withPurchase(CustomerProfile.newCustomer(stale), "p1")));
        Map<String, CustomerProfile> read = store.findAll(List.of(fresh, stale));
        store.saveAll(List.of(withPurchase(store.find(stale).orElseThrow(), "p2")));

        assertThat(store.clearPendingChanges(read.values())).containsExactly(fresh);
        assertThat(store.find(fresh).orElseThrow().hasPendingChanges()).isFalse();
        assertThat(store.find(stale).orElseThrow().hasPendingChanges()).isTrue();
    }

    @Test
    void aProfileWhoseFactsAreAsReadIsWrittenFieldByFieldLikeAWholeWrite() {
        String customer = "C-" + UUID.randomUUID();
        store.saveAll(List.of(withPurchase(CustomerProfile.newCustomer(customer), "p1")));
        // A field this version does not know: a whole-document write would drop it, a field write keeps it.
        profiles().updateOne(Filters.eq("_id", customer), Updates.set("legacy", 1));
        CustomerProfile read = store.find(customer).orElseThrow();
        assertThat(read.factsChangedSinceRead()).isFalse();
        Instant plan = Instant.parse("2030-01-02T03:04:05Z");
        read.restoreNextReevaluationAt(plan);

        store.saveAll(List.of(read));

        Document stored = profiles().find(Filters.eq("_id", customer)).first();
        assertThat(stored.get("legacy")).isEqualTo(1);
        assertThat(stored.get(ProfileDocuments.VERSION)).isEqualTo(2L);
        assertThat(stored.get("pendingSince")).isNotNull();
        CustomerProfile after = store.find(customer).orElseThrow();
        assertThat(after.nextReevaluationAt()).isEqualTo(plan);
        assertThat(after.purchases()).extracting(PurchaseFact::eventId).containsExactly("p1");
        assertThat(after.pendingChanges()).isEqualTo(read.pendingChanges());
        Document whole = ProfileDocuments.toDocument(after);
        for (String stamp : List.of("legacy", ProfileDocuments.VERSION, ProfileDocuments.UPDATED_AT, "pendingSince")) {
            stored.remove(stamp);
        }
        assertThat(stored).isEqualTo(whole);
        // Still an optimistic write: the same profile again is at a stale version.
        assertThatThrownBy(() -> store.saveAll(List.of(read))).isInstanceOf(ConcurrentProfileUpdate.class);

        // Once a fact is applied the whole document is written (and the unknown field goes).
        store.saveAll(List.of(withPurchase(after, "p2")));
        assertThat(profiles().find(Filters.eq("_id", customer)).first().get("legacy")).isNull();
    }

    private MongoCollection<Document> profiles() {
        return mongo.getCollection(ProfileDocuments.COLLECTION);
    }

    private CustomerProfile withPurchase(CustomerProfile profile, String eventId) {
        profile.apply(new PurchaseFact(eventId, profile.customerId(), PurchaseKind.PURCHASE, Instant.now(),
                BigDecimal.TEN, "CNY", null, null, List.of(), null), Instant.now(), policy, catalogue);
        return profile;
    }
}
