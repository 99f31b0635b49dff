package io.segstream.churn.domain.alerts;

import io.segstream.churn.domain.ActivityPolicy;
import io.segstream.churn.domain.ActivityStore;
import io.segstream.churn.domain.CustomerActivity;
import io.segstream.churn.domain.rules.EarlyWarningRules;
import io.segstream.churn.domain.rules.RuleSettings;
import io.segstream.churn.domain.scoring.ChurnAssessment;
import io.segstream.churn.domain.scoring.ChurnScoring;
import io.segstream.contracts.churn.AlertStatus;
import io.segstream.contracts.churn.ChurnReason;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.UUID;

/**
 * Raises, escalates and resolves churn alerts. Plain Java: "now" is an argument (the wall clock or the latest event
 * time, see {@code AlertClock}).
 *
 * <p>Per customer: an open alert (OPEN or ESCALATED) is resolved as a win-back when a purchase later than its opening
 * is known, and escalated when the level rises above the alert's; without an open alert and outside the cooldown
 * that follows a resolution, an alert is opened when the level reaches {@link AlertPolicy#raiseLevel()}. Every state
 * change is a message. No dual write: the new state and its messages are written in one document write, then
 * published, then cleared; a failure in between leaves them pending for the next pass or the relay (republished with
 * the same ce_id).
 *
 * <p>Each pass also sets the customer's next check time: the earliest instant at which something could change
 * without an event (the model risk crossing its threshold, the overdue day, the day a high-value customer counts as
 * quiet, the end of a cooldown), at the latest {@link AlertPolicy#maxCheckInterval()} ahead. The sweep reads only
 * customers whose next check is due.
 */
public final class Alerting {
    /** Reviews of a customer whose watch keeps changing under us: two writers rarely meet more than once. */
    static final int CONFLICT_ATTEMPTS = 3;
    private final ActivityStore activities;
    private final AlertStore store;
    private final AlertPublisher publisher;
    private final ChurnScoring scoring;
    private final ActivityPolicy activityPolicy;
    private final AlertPolicy policy;

    public Alerting(ActivityStore activities, AlertStore store, AlertPublisher publisher, ChurnScoring scoring,
                    ActivityPolicy activityPolicy, AlertPolicy policy) {
        this.activities = activities;
        this.store = store;
        this.publisher = publisher;
        this.scoring = scoring;
        this.activityPolicy = activityPolicy;
        this.policy = policy;
    }

    /**
     * Reviews these customers as of {@code now}: two reads (activities, watches), one bulk write, one publication.
     * A customer whose watch was written concurrently (the sweep and the listener can meet) is reviewed again, up to
     * {@value #CONFLICT_ATTEMPTS} times in all; one still losing is counted in {@link AlertOutcome#conflicts()} and
     * reviewed at her next event or check.
     */
    public AlertOutcome review(Collection<String> customerIds, Instant now) {
        List<Alert> changes = new ArrayList<>();
        int customers = 0;
        Collection<String> remaining = customerIds;
        List<String> lost = List.of();
        for (int attempt = 0; attempt < CONFLICT_ATTEMPTS && !remaining.isEmpty(); attempt++) {
            List<String> lostNow = new ArrayList<>();
            AlertOutcome outcome = reviewOnce(remaining, now, lostNow);
            changes.addAll(outcome.changes());
            customers += attempt == 0 ? outcome.customers() : 0;
            remaining = lostNow;
            lost = lostNow;
        }
        return new AlertOutcome(changes, customers, lost.size());
    }

    private AlertOutcome reviewOnce(Collection<String> customerIds, Instant now, List<String> lostIds) {
        if (customerIds.isEmpty()) {
            return new AlertOutcome(List.of(), 0, 0);
        }
        Map<String, CustomerActivity> found = activities.findAll(customerIds);
        Map<String, CustomerWatch> watches = store.findAll(found.keySet());
        Map<String, CustomerWatch> changed = new LinkedHashMap<>();
        List<CustomerWatch> leftovers = new ArrayList<>();
        List<Alert> changes = new ArrayList<>();
        for (CustomerActivity activity : found.values()) {
            CustomerWatch watch = watches.getOrDefault(activity.customerId(),
                    CustomerWatch.newWatch(activity.customerId()));
            int pendingBefore = watch.pending().size();
            Alert before = watch.current();
            Instant checkBefore = watch.nextCheckAt();
            decide(watch, activity, now);
            List<AlertMessage> pending = watch.pending();
            for (int i = pendingBefore; i < pending.size(); i++) {
                changes.add(alertOf(watch, pending.get(i)));
            }
            if (watch.current() != before || !watch.nextCheckAt().equals(checkBefore)) {
                changed.put(watch.customerId(), watch);
            } else if (pendingBefore > 0) {
                leftovers.add(watch);
            }
        }
        List<String> lost = store.saveAll(changed.values());
        lost.forEach(changed::remove);
        lostIds.addAll(lost);
        Set<String> lostSet = new HashSet<>(lost);
        changes.removeIf(alert -> lostSet.contains(alert.customerId()));
        changed.values().forEach(CustomerWatch::markSaved);
        List<CustomerWatch> toPublish = new ArrayList<>(leftovers);
        changed.values().stream().filter(watch -> !watch.pending().isEmpty()).forEach(toPublish::add);
        publishAndClear(toPublish);
        return new AlertOutcome(changes, found.size(), lost.size());
    }

    /**
     * The sweep: reviews, {@code pageSize} at a time, the customers whose next check is due by {@code now}, until
     * none is left (a pass moves every reviewed customer's next check past {@code now}).
     */
    public AlertOutcome sweep(Instant now, int pageSize) {
        List<Alert> changes = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int customers = 0;
        int conflicts = 0;
        while (true) {
            List<String> due = store.dueForCheck(now, pageSize);
            Set<String> fresh = new LinkedHashSet<>(due);
            fresh.removeAll(seen);
            if (fresh.isEmpty()) {
                break;
            }
            seen.addAll(fresh);
            AlertOutcome page = review(fresh, now);
            changes.addAll(page.changes());
            customers += page.customers();
            conflicts += page.conflicts();
            if (due.size() < pageSize) {
                break;
            }
        }
        return new AlertOutcome(changes, customers, conflicts);
    }

    /** Publishes messages left pending since before {@code cutoff} (a crash or a broker outage); returns how many. */
    public int relay(Instant cutoff, int limit) {
        List<CustomerWatch> watches = store.withPendingMessages(cutoff, limit);
        publishAndClear(watches);
        return watches.stream().mapToInt(watch -> watch.pending().size()).sum();
    }

    /**
     * An operator has seen the alert: recorded on it with who and when, no status change and so no message. A repeat
     * changes nothing (the first acknowledgement stands).
     *
     * @param actor the operator's principal (JWT subject)
     */
    public OperatorAction acknowledge(String alertId, Instant now, String actor) {
        CustomerWatch watch = store.findByAlertId(alertId).orElseThrow(() -> new AlertNotFound(alertId));
        Alert alert = watch.current();
        if (!alert.isOpen()) {
            throw new IllegalAlertTransition("a resolved alert cannot be acknowledged");
        }
        if (alert.acknowledgedAt() != null) {
            return new OperatorAction(alert, alert);
        }
        watch.acknowledge(alert.acknowledged(now, actor));
        save(watch);
        return new OperatorAction(alert, watch.current());
    }

    /**
     * An operator resolves the alert (reason OPERATOR_RESOLVED, {@code resolvedBy} = the actor); the cooldown starts.
     *
     * @param actor the operator's principal (JWT subject)
     */
    public OperatorAction resolve(String alertId, Instant now, String actor) {
        CustomerWatch watch = store.findByAlertId(alertId).orElseThrow(() -> new AlertNotFound(alertId));
        Alert alert = watch.current();
        if (!alert.isOpen()) {
            throw new IllegalAlertTransition("the alert is already resolved");
        }
        resolve(watch, alert, ChurnReason.OPERATOR_RESOLVED, false, alert.daysSinceLastPurchase(), now, actor);
        save(watch);
        publishAndClear(List.of(watch));
        return new OperatorAction(alert, watch.current());
    }

    private void save(CustomerWatch watch) {
        if (!store.saveAll(List.of(watch)).isEmpty()) {
            throw new ConcurrentAlertUpdate("the customer's alert changed concurrently; try again");
        }
        watch.markSaved();
    }

    private void decide(CustomerWatch watch, CustomerActivity activity, Instant now) {
        Alert alert = watch.current();
        Instant lastPurchase = activity.figures(activityPolicy).lastPurchaseAt();
        Integer days = activity.daysSinceLastPurchase(now, activityPolicy);
        if (alert != null && alert.isOpen() && lastPurchase != null && lastPurchase.isAfter(alert.openedAt())) {
            resolve(watch, alert, ChurnReason.CUSTOMER_RETURNED, true, days, now, null);
            alert = watch.current();
        }
        ChurnAssessment assessment = scoring.assess(activity, now);
        Double pAlive = assessment.score() == null ? null : assessment.score().probabilityAlive();
        Double expected = assessment.score() == null ? null : assessment.score().expectedPurchasesLongHorizon();
        if (alert != null && alert.isOpen()) {
            if (assessment.level().compareTo(alert.level()) > 0) {
                watch.change(alert.escalated(assessment.level(), assessment.alertRiskScore(), pAlive, expected, days,
                        assessment.valueTier(), assessment.reasons(), assessment.suggestedAction(), now));
                watch.counts().escalated();
            }
        } else if (!watch.inCooldown(now) && assessment.level().compareTo(policy.raiseLevel()) >= 0) {
            // The opening instant is part of the name: after an erasure her counts start again at 1, and the alerts
            // of the fresh history (and the ce_ids of their messages) must not repeat those of the erased one.
            String alertId = UUID.nameUUIDFromBytes((activity.customerId() + "#alert#"
                    + (watch.counts().raisedCount() + 1) + "#" + now).getBytes(StandardCharsets.UTF_8)).toString();
            watch.change(new Alert(alertId, activity.customerId(), AlertStatus.OPEN, assessment.level(),
                    assessment.alertRiskScore(), pAlive, expected, days, assessment.valueTier(),
                    assessment.reasons(), assessment.suggestedAction(), now, now, null, null, false, 1, null, null));
            watch.counts().raised();
        }
        watch.scheduleCheck(nextCheck(watch, activity, assessment, now));
    }

    private void resolve(CustomerWatch watch, Alert alert, ChurnReason why, boolean winBack, Integer days,
                         Instant now, String actor) {
        watch.change(alert.resolved(why, winBack, days, now, actor));
        watch.counts().resolved(winBack);
        watch.startCooldown(now.plus(policy.cooldown()));
    }

    /** The earliest instant after {@code now} at which this customer's findings could change without an event. */
    Instant nextCheck(CustomerWatch watch, CustomerActivity activity, ChurnAssessment assessment, Instant now) {
        Instant next = now.plus(policy.maxCheckInterval());
        ZoneId zone = activityPolicy.purchaseDayZone();
        EarlyWarningRules rules = scoring.rules();
        RuleSettings settings = rules.settings();
        SortedSet<LocalDate> days = activity.purchaseDays();
        List<Instant> candidates = new ArrayList<>();
        if (watch.inCooldown(now)) {
            candidates.add(watch.cooldownUntil());
        }
        rules.overdueFrom(days).ifPresent(day -> candidates.add(day.atStartOfDay(zone).toInstant()));
        if (assessment.valueTier() != null && settings.highValueTiers().contains(assessment.valueTier())
                && !days.isEmpty()) {
            candidates.add(days.last().plusDays(settings.quietAfter().toDays()).atStartOfDay(zone).toInstant());
        }
        modelCrossing(activity, now).ifPresent(candidates::add);
        for (Instant candidate : candidates) {
            if (candidate.isAfter(now) && candidate.isBefore(next)) {
                next = candidate;
            }
        }
        return next;
    }

    private Optional<Instant> modelCrossing(CustomerActivity activity, Instant now) {
        return scoring.scorer().flatMap(scorer -> scoring.summary(activity, now)
                .flatMap(summary -> scorer.timeUntilRiskReaches(summary, policy.modelRiskCheck()))
                .filter(until -> !until.isZero())
                // The summary counts whole days to the day of now: the crossing is measured from its start.
                .map(until -> activityPolicy.dayOf(now).atStartOfDay(activityPolicy.purchaseDayZone()).toInstant()
                        .plus(until)));
    }

    private void publishAndClear(List<CustomerWatch> watches) {
        List<AlertMessage> messages = new ArrayList<>();
        watches.forEach(watch -> messages.addAll(watch.pending()));
        if (messages.isEmpty()) {
            return;
        }
        publisher.publish(messages);
        store.clearPublished(watches);
    }

    private static Alert alertOf(CustomerWatch watch, AlertMessage message) {
        Alert current = watch.current();
        // The messages of one pass are the current alert's last moves; counting needs status and win-back only.
        return new Alert(message.payload().alertId(), message.payload().customerId(), message.payload().status(),
                message.payload().level(), message.payload().riskScore(), message.payload().pAlive(),
                message.payload().expectedPurchases90d(), message.payload().daysSinceLastPurchase(),
                message.payload().valueTier(), message.payload().reasons(), message.payload().suggestedAction(),
                current.openedAt(), message.payload().occurredAt(), null, null,
                message.payload().reasons().contains(ChurnReason.CUSTOMER_RETURNED), 0, null, null);
    }
}
