package io.segstream.segmentation.erasure;

import io.segstream.runtime.erasure.CustomerDataEraser;
import io.segstream.runtime.erasure.ErasedCustomers;
import io.segstream.segmentation.domain.CustomerProfile;
import io.segstream.segmentation.domain.ProfileQueries;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Erases a customer from this service's MongoDB view (called by service-runtime's erasure listener for every request
 * on customers.erasure.v1, after the tombstone is written, and again in its second pass). The stream erases the
 * customer from its own state on the same request (the profile, its due entry, its population counts; the
 * changelog's tombstone then deletes the view's document too, however far behind the view is): this deletion makes
 * the view forget at once and counts what went for the audit. The only per-customer documents are in
 * {@code profiles}: the facts, the classes and their reasons. The other collections hold no customer data:
 * {@code segmentDefinitions} (expressions over profile fields), {@code profile_view_offsets} (positions), and
 * service-runtime's {@code erased_customers} and {@code audit_log}, which keep the pseudonymous id and the erasure's
 * who and when by design.
 *
 * <p>A profile that holds only facts which occurred after the erasure is a new relationship started by later events
 * (the policy of {@link ErasedCustomers}) and is kept, so that the second pass does not erase it; one that holds any
 * fact from before goes whole.
 *
 * <p>No segment change is published for an erasure: the customer's classes simply go with the profile (marketing
 * systems subscribe to customers.erasure.v1 themselves). Segment sizes follow within a population summary interval.
 * Idempotent.
 */
@Component
class SegmentationDataEraser implements CustomerDataEraser {
    static final String PROFILES = "profiles";

    private final ProfileQueries profiles;

    SegmentationDataEraser(ProfileQueries profiles) {
        this.profiles = profiles;
    }

    @Override
    public Map<String, Long> erase(String customerId, Instant erasedAt) {
        Optional<CustomerProfile> stored = profiles.find(customerId);
        long deleted = 0;
        if (stored.isPresent() && (erasedAt == null || stored.get().holdsFactsAtOrBefore(erasedAt))) {
            deleted = profiles.delete(customerId);
        }
        Map<String, Long> removed = new LinkedHashMap<>();
        removed.put(PROFILES, deleted);
        return removed;
    }
}
