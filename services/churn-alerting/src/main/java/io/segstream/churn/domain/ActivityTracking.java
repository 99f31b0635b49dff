package io.segstream.churn.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Keeps the customers' activity current from their events, and reads it back. Plain Java: time is an argument. */
public final class ActivityTracking {
    private final ActivityStore store;
    private final ActivityPolicy policy;

    public ActivityTracking(ActivityStore store, ActivityPolicy policy) {
        this.store = store;
        this.policy = policy;
    }

    /**
     * Takes in a batch of events (in the given order per customer) with one read and one write.
     *
     * @return the outcome of each event, in the order given
     * @throws ConcurrentActivityUpdate when an activity was written concurrently: retry the batch
     */
    public List<ActivityOutcome> record(List<? extends ActivityEvent> events) {
        if (events.isEmpty()) {
            return List.of();
        }
        Map<String, List<Integer>> byCustomer = new LinkedHashMap<>();
        for (int i = 0; i < events.size(); i++) {
            byCustomer.computeIfAbsent(events.get(i).customerId(), id -> new ArrayList<>()).add(i);
        }
        Map<String, CustomerActivity> stored = store.findAll(byCustomer.keySet());
        ActivityOutcome[] outcomes = new ActivityOutcome[events.size()];
        List<CustomerActivity> changed = new ArrayList<>();
        for (Map.Entry<String, List<Integer>> customer : byCustomer.entrySet()) {
            CustomerActivity activity = stored.getOrDefault(customer.getKey(),
                    CustomerActivity.newCustomer(customer.getKey()));
            boolean applied = false;
            for (int index : customer.getValue()) {
                outcomes[index] = activity.apply(events.get(index), policy);
                applied |= outcomes[index] == ActivityOutcome.APPLIED;
            }
            if (applied) {
                changed.add(activity);
            }
        }
        store.saveAll(changed);
        changed.forEach(CustomerActivity::markSaved);
        return Arrays.asList(outcomes);
    }

    /** The figures behind a customer's churn risk as of an instant; empty for an unknown customer. */
    public Optional<ChurnRiskFigures> churnRisk(String customerId, Instant asOf) {
        return store.find(customerId).map(activity -> ChurnRiskFigures.of(activity, asOf, policy));
    }

    /** A customer's stored activity; empty for an unknown customer. */
    public Optional<CustomerActivity> activity(String customerId) {
        return store.find(customerId);
    }
}
