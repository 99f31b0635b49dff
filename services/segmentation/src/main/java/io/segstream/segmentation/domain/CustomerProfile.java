package io.segstream.segmentation.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One customer's profile: the facts of the purchases applied to it (bounded: older whole days are folded into
 * {@link EarlierHistory}), the figures derived from them, the customer's present class in every dimension, and the
 * class changes not yet published (its outbox, written in the same document as the facts that caused them).
 *
 * <p>Every figure is recomputed from the facts, so event time, not arrival order, decides it: a late event lands in
 * the right place, and a redelivered one (same event id) changes nothing.
 */
public final class CustomerProfile {
    private final String customerId;
    private long version;
    private final List<PurchaseFact> purchases;
    private final Set<String> eventIds;
    private EarlierHistory earlier;
    private final Map<String, CurrentClass> classes;
    private final List<ClassChange> pendingChanges;
    private String reportingCurrency;

    private CustomerProfile(String customerId, long version, List<PurchaseFact> purchases, EarlierHistory earlier,
                            Collection<CurrentClass> classes, List<ClassChange> pendingChanges,
                            String reportingCurrency) {
        this.customerId = Objects.requireNonNull(customerId, "customerId");
        this.version = version;
        this.purchases = new ArrayList<>(purchases);
        this.purchases.sort(PurchaseFact.EVENT_TIME_ORDER);
        this.eventIds = new HashSet<>();
        this.purchases.forEach(fact -> eventIds.add(fact.eventId()));
        this.earlier = earlier == null ? EarlierHistory.NONE : earlier;
        this.classes = new LinkedHashMap<>();
        classes.forEach(current -> this.classes.put(current.key(), current));
        this.pendingChanges = new ArrayList<>(pendingChanges);
        this.reportingCurrency = reportingCurrency;
    }

    /** A customer seen for the first time: nothing stored yet (version 0). */
    public static CustomerProfile newCustomer(String customerId) {
        return new CustomerProfile(customerId, 0, List.of(), EarlierHistory.NONE, List.of(), List.of(), null);
    }

    /** A profile as it was stored at {@code version}. */
    public static CustomerProfile restore(String customerId, long version, List<PurchaseFact> purchases,
                                          EarlierHistory earlier, Collection<CurrentClass> classes,
                                          List<ClassChange> pendingChanges, String reportingCurrency) {
        return new CustomerProfile(customerId, version, purchases, earlier, classes, pendingChanges,
                reportingCurrency);
    }

    /**
     * Applies a purchase or refund, then re-classifies the customer on every dimension of the catalogue as of
     * {@code asOf}. Changes of class are returned and also kept as pending changes until published.
     */
    public ProfileUpdate apply(PurchaseFact fact, Instant asOf, ProfilePolicy policy, SegmentCatalogue catalogue) {
        if (!customerId.equals(fact.customerId())) {
            throw new IllegalArgumentException("the purchase belongs to another customer");
        }
        if (eventIds.contains(fact.eventId())) {
            return ProfileUpdate.unchanged(PurchaseOutcome.DUPLICATE);
        }
        if (earlier.covers(policy.dayOf(fact.occurredAt()))) {
            return ProfileUpdate.unchanged(PurchaseOutcome.TOO_LATE);
        }
        int position = Collections.binarySearch(purchases, fact, PurchaseFact.EVENT_TIME_ORDER);
        purchases.add(-position - 1, fact);
        eventIds.add(fact.eventId());
        if (fact.currency() != null) {
            reportingCurrency = fact.currency();
        }
        foldBeyond(policy);
        ProfileFigures figures = figures(asOf, policy);
        List<ClassChange> changes = classify(catalogue, figures, fact.eventId(), fact.occurredAt());
        return new ProfileUpdate(PurchaseOutcome.APPLIED, figures, changes);
    }

    /** The figures as of an instant, derived from the kept facts and the folded totals. */
    public ProfileFigures figures(Instant asOf, ProfilePolicy policy) {
        long orders = earlier.orders();
        long refunds = earlier.refunds();
        BigDecimal monetary = earlier.monetary();
        Instant first = earlier.firstPurchaseAt();
        Instant last = earlier.lastPurchaseAt();
        Set<LocalDate> days = new HashSet<>();
        for (PurchaseFact fact : purchases) {
            monetary = monetary.add(fact.amount());
            if (fact.isPurchase()) {
                orders++;
                days.add(policy.dayOf(fact.occurredAt()));
                first = first == null || fact.occurredAt().isBefore(first) ? fact.occurredAt() : first;
                last = last == null || fact.occurredAt().isAfter(last) ? fact.occurredAt() : last;
            } else {
                refunds++;
            }
        }
        Integer recency = last == null ? null
                : Math.toIntExact(Math.max(0, ChronoUnit.DAYS.between(policy.dayOf(last), policy.dayOf(asOf))));
        return new ProfileFigures(asOf, first, last, recency, orders, refunds, monetary,
                earlier.purchaseDays() + days.size());
    }

    private List<ClassChange> classify(SegmentCatalogue catalogue, ProfileFigures figures, String cause,
                                       Instant occurredAt) {
        List<ClassChange> changes = new ArrayList<>();
        for (Dimension dimension : catalogue.dimensions()) {
            ClassAssignment assignment = dimension.classify(figures);
            CurrentClass current = classes.get(dimension.key());
            String from = current == null ? null : current.className();
            if (assignment.className().equals(from)) {
                // Same class: keep when and why the customer entered it, refresh the figures behind it.
                classes.put(dimension.key(), new CurrentClass(dimension.key(), from, dimension.definitionVersion(),
                        current.since(), current.causedBy(), figures.asOf(), assignment.reason()));
                continue;
            }
            ClassChange change = ClassChange.of(customerId, dimension.key(), from, assignment.className(),
                    dimension.definitionVersion(), cause, occurredAt, figures);
            changes.add(change);
            pendingChanges.add(change);
            classes.put(dimension.key(), new CurrentClass(dimension.key(), assignment.className(),
                    dimension.definitionVersion(), occurredAt, cause, figures.asOf(), assignment.reason()));
        }
        return changes;
    }

    /**
     * Folds the oldest whole days into the totals while they lie beyond the history horizon (counted back from the
     * newest fact) or while more facts are kept than allowed. The newest fact's day is never folded.
     */
    private void foldBeyond(ProfilePolicy policy) {
        Instant newest = purchases.get(purchases.size() - 1).occurredAt();
        LocalDate newestDay = policy.dayOf(newest);
        LocalDate horizonDay = policy.dayOf(newest.minus(policy.historyHorizon()));
        while (!purchases.isEmpty()) {
            LocalDate oldestDay = policy.dayOf(purchases.get(0).occurredAt());
            boolean beyondHorizon = oldestDay.isBefore(horizonDay);
            boolean tooMany = purchases.size() > policy.maxPurchases() && oldestDay.isBefore(newestDay);
            if (!beyondHorizon && !tooMany) {
                return;
            }
            List<PurchaseFact> day = new ArrayList<>();
            while (!purchases.isEmpty() && policy.dayOf(purchases.get(0).occurredAt()).equals(oldestDay)) {
                PurchaseFact folded = purchases.remove(0);
                eventIds.remove(folded.eventId());
                day.add(folded);
            }
            earlier = earlier.plusDay(oldestDay, day);
        }
    }

    /** The stored version has been overwritten by this profile: it is now one higher. */
    public void markSaved() {
        version++;
    }

    /** The pending changes were published and removed from the stored profile, which bumped its version. */
    public void markPendingChangesCleared() {
        pendingChanges.clear();
        version++;
    }

    public String customerId() {
        return customerId;
    }

    /** The stored version this profile was read at (0: not stored yet); writes are checked against it. */
    public long version() {
        return version;
    }

    public boolean isStored() {
        return version > 0;
    }

    /** The kept facts, in event-time order. */
    public List<PurchaseFact> purchases() {
        return Collections.unmodifiableList(purchases);
    }

    public EarlierHistory earlier() {
        return earlier;
    }

    public Collection<CurrentClass> classes() {
        return Collections.unmodifiableCollection(classes.values());
    }

    public Optional<CurrentClass> currentClass(String key) {
        return Optional.ofNullable(classes.get(key));
    }

    /** Changes recorded but not yet published, oldest first. */
    public List<ClassChange> pendingChanges() {
        return Collections.unmodifiableList(pendingChanges);
    }

    public boolean hasPendingChanges() {
        return !pendingChanges.isEmpty();
    }

    public String reportingCurrency() {
        return reportingCurrency;
    }
}
