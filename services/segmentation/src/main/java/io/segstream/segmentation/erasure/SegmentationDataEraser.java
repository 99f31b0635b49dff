package io.segstream.segmentation.erasure;

import io.segstream.runtime.erasure.CustomerDataEraser;
import io.segstream.runtime.erasure.ErasedCustomers;
import io.segstream.segmentation.domain.CustomerProfile;
import io.segstream.segmentation.domain.ProfileStore;
import io.segstream.segmentation.reevaluation.RfmRefresher;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Erases a customer from this service (called by service-runtime's erasure listener for every request on
 * customers.erasure.v1, after the tombstone is written, and again in its second pass). The only per-customer
 * documents are in {@code profiles}: one per customer, holding the facts, the classes and their reasons, and the
 * changes still pending (dropped with it, never published). The other collections hold no customer data:
 * {@code segmentDefinitions} (expressions over profile fields, which have no customer id), {@code recomputations}
 * (counts), and service-runtime's {@code erased_customers} and {@code audit_log}, which keep the pseudonymous id
 * and the erasure's who and when by design.
 *
 * <p>A profile that holds only facts which occurred after the erasure is a new relationship started by later events
 * (the policy of {@link ErasedCustomers}) and is kept, so that the second pass does not erase it; one that holds any
 * fact from before (written by a batch in flight during the erasure) goes whole.
 *
 * <p>No segment change is published for an erasure: the customer's classes simply go with the profile (marketing
 * systems subscribe to customers.erasure.v1 themselves). Segment sizes and members are counted from the stored
 * profiles, so the customer leaves them at once; the RFM population and the segment-size gauges are rebuilt right
 * after by this instance, and by every other instance at its next {@code rfm.refresh-interval}. Idempotent.
 */
@Component
class SegmentationDataEraser implements CustomerDataEraser {
    static final String PROFILES = "profiles";

    private final ProfileStore profiles;
    private final RfmRefresher population;

    SegmentationDataEraser(ProfileStore profiles, RfmRefresher population) {
        this.profiles = profiles;
        this.population = population;
    }

    @Override
    public Map<String, Long> erase(String customerId, Instant erasedAt) {
        Optional<CustomerProfile> stored = profiles.find(customerId);
        long deleted = 0;
        if (stored.isPresent() && (erasedAt == null || stored.get().holdsFactsAtOrBefore(erasedAt))) {
            deleted = profiles.delete(customerId);
        }
        if (deleted > 0) {
            population.refreshSoon();
        }
        Map<String, Long> removed = new LinkedHashMap<>();
        removed.put(PROFILES, deleted);
        return removed;
    }
}
