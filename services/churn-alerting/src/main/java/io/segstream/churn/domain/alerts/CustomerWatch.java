package io.segstream.churn.domain.alerts;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * What churn-alerting keeps per customer for alerting: the current (or last) alert, the cooldown, the next check
 * time of the sweep, the alert messages not yet published (written with the state, published, then cleared: no
 * dual write) and the customer's alert counts. One document per customer, written optimistically by
 * {@link #version()}.
 */
public final class CustomerWatch {
    private final String customerId;
    private long version;
    private Alert current;
    private Instant cooldownUntil;
    private Instant nextCheckAt;
    private final List<AlertMessage> pending;
    private final AlertCounts counts;

    private CustomerWatch(String customerId, long version, Alert current, Instant cooldownUntil, Instant nextCheckAt,
                          List<AlertMessage> pending, AlertCounts counts) {
        this.customerId = Objects.requireNonNull(customerId, "customerId");
        this.version = version;
        this.current = current;
        this.cooldownUntil = cooldownUntil;
        this.nextCheckAt = nextCheckAt;
        this.pending = new ArrayList<>(pending);
        this.counts = counts;
    }

    public static CustomerWatch newWatch(String customerId) {
        return new CustomerWatch(customerId, 0, null, null, null, List.of(), new AlertCounts());
    }

    public static CustomerWatch restore(String customerId, long version, Alert current, Instant cooldownUntil,
                                        Instant nextCheckAt, List<AlertMessage> pending, AlertCounts counts) {
        return new CustomerWatch(customerId, version, current, cooldownUntil, nextCheckAt, pending, counts);
    }

    void change(Alert alert) {
        current = alert;
        pending.add(AlertMessage.of(alert));
    }

    void acknowledge(Alert alert) {
        current = alert;
    }

    void startCooldown(Instant until) {
        cooldownUntil = until;
    }

    void scheduleCheck(Instant at) {
        nextCheckAt = at;
    }

    public void markSaved() {
        version++;
    }

    public String customerId() {
        return customerId;
    }

    public long version() {
        return version;
    }

    public boolean isStored() {
        return version > 0;
    }

    /** The customer's current alert, open or the last resolved one; null if she never had one. */
    public Alert current() {
        return current;
    }

    public Instant cooldownUntil() {
        return cooldownUntil;
    }

    public Instant nextCheckAt() {
        return nextCheckAt;
    }

    public List<AlertMessage> pending() {
        return Collections.unmodifiableList(pending);
    }

    public AlertCounts counts() {
        return counts;
    }

    public boolean inCooldown(Instant now) {
        return cooldownUntil != null && now.isBefore(cooldownUntil);
    }
}
