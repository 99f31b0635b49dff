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
 * {@link EarlierHistory}), the figures derived from them, the customer's present class in every dimension, and when
 * its classes can next change with the clock alone.
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
    private final List<FeedbackFact> feedback;
    private final Set<String> feedbackIds;
    private EarlierFeedback earlierFeedback;
    private final Map<String, CurrentClass> classes;
    private String reportingCurrency;
    private Instant nextReevaluationAt;
    /** Facts were added since the profile was read or last saved (see {@link #factsChangedSinceRead}). */
    private boolean factsChanged;

    private CustomerProfile(String customerId, long version, List<PurchaseFact> purchases, EarlierHistory earlier,
                            List<FeedbackFact> feedback, EarlierFeedback earlierFeedback,
                            Collection<CurrentClass> classes, String reportingCurrency) {
        this.feedback = new ArrayList<>(feedback);
        this.feedback.sort(FeedbackFact.EVENT_TIME_ORDER);
        this.feedbackIds = new HashSet<>();
        this.feedback.forEach(fact -> feedbackIds.add(fact.eventId()));
        this.earlierFeedback = earlierFeedback == null ? EarlierFeedback.NONE : earlierFeedback;
        this.customerId = Objects.requireNonNull(customerId, "customerId");
        this.version = version;
        this.purchases = new ArrayList<>(purchases);
        this.purchases.sort(PurchaseFact.EVENT_TIME_ORDER);
        this.eventIds = new HashSet<>();
        this.purchases.forEach(fact -> eventIds.add(fact.eventId()));
        this.earlier = earlier == null ? EarlierHistory.NONE : earlier;
        this.classes = new LinkedHashMap<>();
        classes.forEach(current -> this.classes.put(current.key(), current));
        this.reportingCurrency = reportingCurrency;
    }

    /** A customer seen for the first time: nothing stored yet (version 0). */
    public static CustomerProfile newCustomer(String customerId) {
        return new CustomerProfile(customerId, 0, List.of(), EarlierHistory.NONE, List.of(), EarlierFeedback.NONE,
                List.of(), null);
    }

    /** A profile as it was stored at {@code version}. */
    public static CustomerProfile restore(String customerId, long version, List<PurchaseFact> purchases,
                                          EarlierHistory earlier, Collection<CurrentClass> classes,
                                          String reportingCurrency) {
        return restore(customerId, version, purchases, earlier, List.of(), EarlierFeedback.NONE, classes,
                reportingCurrency);
    }

    /** A profile with feedback as it was stored at {@code version}. */
    public static CustomerProfile restore(String customerId, long version, List<PurchaseFact> purchases,
                                          EarlierHistory earlier, List<FeedbackFact> feedback,
                                          EarlierFeedback earlierFeedback, Collection<CurrentClass> classes,
                                          String reportingCurrency) {
        return new CustomerProfile(customerId, version, purchases, earlier, feedback, earlierFeedback, classes,
                reportingCurrency);
    }

    /**
     * Applies a recorded piece of feedback (idempotently, by event id), then re-classifies the customer as of
     * {@code asOf}. Feedback at or before the newest folded one is not applied (it cannot be told from a redelivery).
     */
    public ProfileUpdate apply(FeedbackFact fact, Instant asOf, ProfilePolicy policy, SegmentCatalogue catalogue) {
        if (!customerId.equals(fact.customerId())) {
            throw new IllegalArgumentException("the feedback belongs to another customer");
        }
        if (feedbackIds.contains(fact.eventId())) {
            return ProfileUpdate.unchanged(PurchaseOutcome.DUPLICATE);
        }
        if (earlierFeedback.covers(fact.occurredAt())) {
            return ProfileUpdate.unchanged(PurchaseOutcome.TOO_LATE);
        }
        int position = Collections.binarySearch(feedback, fact, FeedbackFact.EVENT_TIME_ORDER);
        feedback.add(-position - 1, fact);
        feedbackIds.add(fact.eventId());
        while (feedback.size() > policy.maxFeedback()) {
            FeedbackFact folded = feedback.remove(0);
            feedbackIds.remove(folded.eventId());
            earlierFeedback = earlierFeedback.plus(folded);
        }
        factsChanged = true;
        ProfileFigures figures = figures(asOf, policy);
        List<ClassChange> changes = classify(catalogue, figures, fact.eventId(), fact.occurredAt());
        return new ProfileUpdate(PurchaseOutcome.APPLIED, figures, changes);
    }

    /** Applies either kind of fact: a purchase or refund, or feedback. */
    public ProfileUpdate apply(CustomerFact fact, Instant asOf, ProfilePolicy policy, SegmentCatalogue catalogue) {
        if (fact instanceof PurchaseFact purchase) {
            return apply(purchase, asOf, policy, catalogue);
        }
        return apply((FeedbackFact) fact, asOf, policy, catalogue);
    }

    /**
     * Applies a purchase or refund, then re-classifies the customer on every dimension of the catalogue as of
     * {@code asOf}. Changes of class are returned, for the caller to publish.
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
        factsChanged = true;
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
                earlier.purchaseDays() + days.size(),
                PurchaseBehaviour.of(purchases, earlier, orders, monetary, asOf, policy),
                FeedbackFigures.of(feedback, earlierFeedback, asOf, policy.recentFeedbackDays()), null);
    }

    private List<ClassChange> classify(SegmentCatalogue catalogue, ProfileFigures figures, String cause,
                                       Instant occurredAt) {
        return classify(catalogue.dimensions(), catalogue.enrich(figures), cause, occurredAt);
    }

    /**
     * Re-classifies the customer on the given dimensions and audiences (in order) as of the figures' instant, for a
     * reason other than a new fact (the clock, a redefinition): {@code cause} is "sweep" or "redefinition", and
     * {@code occurredAt} the instant of the evaluation. Changes are returned, for the caller to publish.
     */
    public List<ClassChange> reclassify(SegmentCatalogue scope, Instant asOf, ProfilePolicy policy, String cause) {
        return classify(scope, figures(asOf, policy), cause, asOf);
    }

    /** The classes of the dimensions (not audiences) the customer is in, by key: what expressions see as segments. */
    public Map<String, String> segmentsView() {
        Map<String, String> view = new LinkedHashMap<>();
        classes.values().stream().filter(current -> current.kind() == DefinitionKind.DIMENSION)
                .forEach(current -> view.put(current.key(), current.className()));
        return view;
    }

    private List<ClassChange> classify(List<Dimension> dimensions, ProfileFigures figures, String cause,
                                       Instant occurredAt) {
        List<ClassChange> changes = new ArrayList<>();
        Map<String, String> segments = segmentsView();
        Map<String, String> segmentsRead = Collections.unmodifiableMap(segments);
        for (Dimension dimension : dimensions) {
            CurrentClass current = classes.get(dimension.key());
            if (current != null && current.definitionVersion() == dimension.definitionVersion()
                    && dimension.stillHolds(current, figures, segmentsRead)) {
                // Nothing the conditions read has changed: the same class, without evaluating them again.
                classes.put(dimension.key(), current.evaluatedAgainAt(figures.asOf()));
                continue;
            }
            ClassAssignment assignment = dimension.classify(figures, segmentsRead);
            boolean audience = dimension.kind() == DefinitionKind.AUDIENCE;
            // Not being in an audience needs no first announcement: an audience starts as "false".
            String from = current == null ? (audience ? DefinitionKind.NOT_MEMBER : null) : current.className();
            if (assignment.className().equals(from)) {
                // Same class: keep when and why the customer entered it, refresh the figures behind it.
                classes.put(dimension.key(), new CurrentClass(dimension.key(), from, dimension.definitionVersion(),
                        current == null ? occurredAt : current.since(), current == null ? cause : current.causedBy(),
                        figures.asOf(), assignment.reason(), dimension.kind()));
                continue;
            }
            ClassChange change = ClassChange.of(dimension.kind(), customerId, dimension.key(), from,
                    assignment.className(), dimension.definitionVersion(), cause, occurredAt, figures);
            changes.add(change);
            classes.put(dimension.key(), new CurrentClass(dimension.key(), assignment.className(),
                    dimension.definitionVersion(), occurredAt, cause, figures.asOf(), assignment.reason(),
                    dimension.kind()));
            if (!audience) {
                segments.put(dimension.key(), assignment.className());
            }
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

    /**
     * As {@link #planNextReevaluation}, but never later than the instant already planned: after re-evaluating only
     * some dimensions, a customer already due (or soon due) for the others must stay so until the sweep has
     * re-evaluated every dimension.
     */
    public void planNextReevaluationKeepingEarlier(ClockSensitivity sensitivity, Instant asOf, ProfilePolicy policy) {
        Instant planned = nextReevaluationAt;
        planNextReevaluation(sensitivity, asOf, policy);
        if (planned != null && (nextReevaluationAt == null || planned.isBefore(nextReevaluationAt))) {
            nextReevaluationAt = planned;
        }
    }

    /**
     * Sets when the customer's classes can next change with the clock alone, as of {@code asOf}: the earliest of
     * the recency and tenure thresholds still ahead (both the threshold day and the day after, so that "&gt;" and
     * "&gt;=" are both caught) and, when a definition reads window figures, the days the kept facts leave their
     * windows. Null when nothing can change without an event.
     */
    public void planNextReevaluation(ClockSensitivity sensitivity, Instant asOf, ProfilePolicy policy) {
        // Only the first and last purchase are needed: computing every figure would be most of the planning's cost.
        Instant firstPurchaseAt = earlier.firstPurchaseAt();
        Instant lastPurchaseAt = earlier.lastPurchaseAt();
        for (PurchaseFact fact : purchases) {
            if (fact.isPurchase()) {
                Instant at = fact.occurredAt();
                firstPurchaseAt = firstPurchaseAt == null || at.isBefore(firstPurchaseAt) ? at : firstPurchaseAt;
                lastPurchaseAt = lastPurchaseAt == null || at.isAfter(lastPurchaseAt) ? at : lastPurchaseAt;
            }
        }
        List<Instant> candidates = new ArrayList<>();
        if (lastPurchaseAt != null) {
            LocalDate lastDay = policy.dayOf(lastPurchaseAt);
            for (long days : sensitivity.recencyDays()) {
                candidates.add(startOf(lastDay.plusDays(days), policy));
                candidates.add(startOf(lastDay.plusDays(days + 1), policy));
            }
            for (long days : sensitivity.tenureDays()) {
                candidates.add(firstPurchaseAt.plus(java.time.Duration.ofDays(days)));
                candidates.add(firstPurchaseAt.plus(java.time.Duration.ofDays(days + 1)));
            }
        }
        if (sensitivity.windows()) {
            for (PurchaseFact fact : purchases) {
                LocalDate day = policy.dayOf(fact.occurredAt());
                for (long window : WINDOWS) {
                    candidates.add(startOf(day.plusDays(window), policy));
                }
            }
            for (FeedbackFact fact : feedback) {
                if (fact.kind() == FeedbackKind.COMPLAINT) {
                    candidates.add(fact.occurredAt().plus(java.time.Duration.ofDays(policy.recentFeedbackDays())));
                }
            }
        }
        nextReevaluationAt = candidates.stream().filter(instant -> instant.isAfter(asOf)).min(Instant::compareTo)
                .orElse(null);
    }

    /**
     * What the customer adds to the population summary (RFM quintiles, segment sizes): the last purchase day, the
     * orders and net spend, and the present classes. Cheaper than {@link #figures}: no windows, shares or feedback.
     */
    public PopulationMember populationMember(ProfilePolicy policy) {
        long orders = earlier.orders();
        BigDecimal monetary = earlier.monetary();
        Instant last = earlier.lastPurchaseAt();
        for (PurchaseFact fact : purchases) {
            monetary = monetary.add(fact.amount());
            if (fact.isPurchase()) {
                orders++;
                last = last == null || fact.occurredAt().isAfter(last) ? fact.occurredAt() : last;
            }
        }
        Map<String, String> present = new LinkedHashMap<>();
        classes.values().forEach(current -> present.put(current.key(), current.className()));
        return new PopulationMember(last == null ? null : policy.dayOf(last), orders, monetary.doubleValue(), present);
    }

    /** Window lengths of the profile's rolling figures, in days (see {@link PurchaseBehaviour}). */
    private static final long[] WINDOWS = {30, 90, 365};

    private static Instant startOf(LocalDate day, ProfilePolicy policy) {
        return day.atStartOfDay(policy.purchaseDayZone()).toInstant();
    }

    /** When the classes can next change with the clock alone; null: only an event can change them. */
    public Instant nextReevaluationAt() {
        return nextReevaluationAt;
    }

    /** Restores the stored plan (the store only). */
    public void restoreNextReevaluationAt(Instant at) {
        nextReevaluationAt = at;
    }

    /** The stored version has been overwritten by this profile: it is now one higher. */
    public void markSaved() {
        version++;
        factsChanged = false;
    }

    /**
     * Whether purchases or feedback were applied since the profile was read or last saved. When not (a
     * re-evaluation, a sweep), only its classes and plan can differ from the stored profile.
     */
    public boolean factsChangedSinceRead() {
        return factsChanged;
    }

    /**
     * Whether any fact this profile holds (kept one by one or folded) occurred at or before {@code instant}: after an
     * erasure at that instant, such a profile holds erased history (a batch that was in flight wrote it); one that
     * does not was started by events after the erasure, a new relationship.
     */
    public boolean holdsFactsAtOrBefore(Instant instant) {
        if (purchases.isEmpty() && feedback.isEmpty() && earlier.firstPurchaseAt() == null
                && earlierFeedback.throughAt() == null) {
            return true;
        }
        return purchases.stream().anyMatch(fact -> !fact.occurredAt().isAfter(instant))
                || feedback.stream().anyMatch(fact -> !fact.occurredAt().isAfter(instant))
                || (earlier.firstPurchaseAt() != null && !earlier.firstPurchaseAt().isAfter(instant))
                || (earlierFeedback.throughAt() != null && !earlierFeedback.throughAt().isAfter(instant));
    }

    /**
     * The facts this profile keeps one by one that occurred after {@code instant}, in event-time order: after an
     * erasure at that instant, what a new relationship begun by later events consists of (folded totals all lie
     * before the kept facts, so none of them belongs to it).
     */
    public List<CustomerFact> factsAfter(Instant instant) {
        List<CustomerFact> later = new ArrayList<>();
        purchases.stream().filter(fact -> fact.occurredAt().isAfter(instant)).forEach(later::add);
        feedback.stream().filter(fact -> fact.occurredAt().isAfter(instant)).forEach(later::add);
        later.sort(java.util.Comparator.comparing(CustomerFact::occurredAt));
        return later;
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

    /** The kept feedback facts, in event-time order. */
    public List<FeedbackFact> feedback() {
        return Collections.unmodifiableList(feedback);
    }

    public EarlierFeedback earlierFeedback() {
        return earlierFeedback;
    }

    public Collection<CurrentClass> classes() {
        return Collections.unmodifiableCollection(classes.values());
    }

    public Optional<CurrentClass> currentClass(String key) {
        return Optional.ofNullable(classes.get(key));
    }

    public String reportingCurrency() {
        return reportingCurrency;
    }
}
