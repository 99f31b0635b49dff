package io.segstream.churn.domain.alerts;

import io.segstream.contracts.churn.AlertLevel;
import io.segstream.contracts.churn.AlertStatus;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Where customer watches live (port; the MongoDB adapter is in the store package). */
public interface AlertStore {

    /** The stored watches of these customers, by customer id. One round trip. */
    Map<String, CustomerWatch> findAll(Collection<String> customerIds);

    /** Up to {@code limit} customers whose next check is due ({@code nextCheckAt <= now}), earliest first; indexed. */
    List<String> dueForCheck(Instant now, int limit);

    /** Up to {@code limit} watches holding unpublished messages written before {@code cutoff}. */
    List<CustomerWatch> withPendingMessages(Instant cutoff, int limit);

    /** The watch whose current alert has this id. */
    Optional<CustomerWatch> findByAlertId(String alertId);

    /**
     * Writes them (state and pending messages together, one document each) in one bulk write, each only if still at
     * its {@link CustomerWatch#version()}.
     *
     * @return the customer ids whose write lost to a concurrent one (not written)
     */
    List<String> saveAll(Collection<CustomerWatch> watches);

    /** Removes these published messages, unless the watch was written since (then its writer publishes). */
    void clearPublished(Collection<CustomerWatch> published);

    /** Current alerts matching the filter (null = any), newest change first. */
    AlertPage list(AlertStatus status, AlertLevel level, String valueTier, int page, int size);

    /** Sums of all customers' alert counts. */
    AlertCounts totals();

    /** Open (OPEN or ESCALATED) alerts per level. */
    Map<AlertLevel, Long> openByLevel();

    /** One page of current alerts. */
    record AlertPage(List<Alert> alerts, int page, int size, long total) {
    }
}
