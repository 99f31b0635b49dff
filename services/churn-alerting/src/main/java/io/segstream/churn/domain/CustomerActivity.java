package io.segstream.churn.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * One customer's activity as churn-alerting sees it: the purchase facts (bounded: older whole days are folded into
 * {@link EarlierPurchases}), the distinct purchase days the churn model counts transactions by, and the customer's
 * present classes from segmentation. Idempotent: a redelivered event (same id) changes nothing; figures are derived
 * from the facts, so event time, not arrival order, decides them.
 */
public final class CustomerActivity {
    /** segmentation's lifecycle dimension. */
    public static final String LIFECYCLE = "lifecycle";
    /** segmentation's value dimension. */
    public static final String VALUE_TIER = "value-tier";

    private final String customerId;
    private long version;
    private final List<PurchaseFact> purchases;
    private final Set<String> eventIds;
    private EarlierPurchases earlier;
    private final TreeSet<LocalDate> purchaseDays;
    private long droppedPurchaseDays;
    private final Map<String, SegmentClass> segments;
    private final LinkedHashSet<String> segmentChangeIds;
    private String reportingCurrency;
    private final List<FeedbackFact> feedback;

    private CustomerActivity(String customerId, long version, List<PurchaseFact> purchases, EarlierPurchases earlier,
                             Collection<LocalDate> purchaseDays, long droppedPurchaseDays,
                             Collection<SegmentClass> segments, List<String> segmentChangeIds,
                             String reportingCurrency, List<FeedbackFact> feedback) {
        this.customerId = Objects.requireNonNull(customerId, "customerId");
        this.version = version;
        this.purchases = new ArrayList<>(purchases);
        this.purchases.sort(PurchaseFact.EVENT_TIME_ORDER);
        this.eventIds = new HashSet<>();
        this.purchases.forEach(fact -> eventIds.add(fact.eventId()));
        this.earlier = earlier == null ? EarlierPurchases.NONE : earlier;
        this.purchaseDays = new TreeSet<>(purchaseDays);
        this.droppedPurchaseDays = droppedPurchaseDays;
        this.segments = new LinkedHashMap<>();
        segments.forEach(segment -> this.segments.put(segment.key(), segment));
        this.segmentChangeIds = new LinkedHashSet<>(segmentChangeIds);
        this.reportingCurrency = reportingCurrency;
        this.feedback = new ArrayList<>(feedback);
        this.feedback.sort(FeedbackFact.EVENT_TIME_ORDER);
    }

    /** A customer seen for the first time (version 0: not stored yet). */
    public static CustomerActivity newCustomer(String customerId) {
        return new CustomerActivity(customerId, 0, List.of(), EarlierPurchases.NONE, List.of(), 0, List.of(),
                List.of(), null, List.of());
    }

    /** An activity as it was stored at {@code version}. */
    public static CustomerActivity restore(String customerId, long version, List<PurchaseFact> purchases,
                                           EarlierPurchases earlier, Collection<LocalDate> purchaseDays,
                                           long droppedPurchaseDays, Collection<SegmentClass> segments,
                                           List<String> segmentChangeIds, String reportingCurrency) {
        return restore(customerId, version, purchases, earlier, purchaseDays, droppedPurchaseDays, segments,
                segmentChangeIds, reportingCurrency, List.of());
    }

    /** An activity as it was stored at {@code version}, with its feedback facts. */
    public static CustomerActivity restore(String customerId, long version, List<PurchaseFact> purchases,
                                           EarlierPurchases earlier, Collection<LocalDate> purchaseDays,
                                           long droppedPurchaseDays, Collection<SegmentClass> segments,
                                           List<String> segmentChangeIds, String reportingCurrency,
                                           List<FeedbackFact> feedback) {
        return new CustomerActivity(customerId, version, purchases, earlier, purchaseDays, droppedPurchaseDays,
                segments, segmentChangeIds, reportingCurrency, feedback);
    }

    /** Takes in a purchase, refund or segment change. */
    public ActivityOutcome apply(ActivityEvent event, ActivityPolicy policy) {
        if (!customerId.equals(event.customerId())) {
            throw new IllegalArgumentException("the event belongs to another customer");
        }
        if (event instanceof PurchaseFact purchase) {
            return applyPurchase(purchase, policy);
        }
        if (event instanceof FeedbackFact fact) {
            return applyFeedback(fact, policy);
        }
        return applySegmentChange((SegmentFact) event, policy);
    }

    /**
     * Feedback is kept newest first up to the policy's bound; its event ids are the kept facts' (a redelivery of a
     * fact already beyond the bound would fall beyond it again and is reported as a duplicate).
     */
    private ActivityOutcome applyFeedback(FeedbackFact fact, ActivityPolicy policy) {
        if (feedback.stream().anyMatch(kept -> kept.eventId().equals(fact.eventId()))) {
            return ActivityOutcome.DUPLICATE;
        }
        if (feedback.size() >= policy.maxFeedback()
                && FeedbackFact.EVENT_TIME_ORDER.compare(fact, feedback.get(0)) < 0) {
            return ActivityOutcome.DUPLICATE;
        }
        int position = Collections.binarySearch(feedback, fact, FeedbackFact.EVENT_TIME_ORDER);
        feedback.add(-position - 1, fact);
        while (feedback.size() > policy.maxFeedback()) {
            feedback.remove(0);
        }
        return ActivityOutcome.APPLIED;
    }

    private ActivityOutcome applyPurchase(PurchaseFact fact, ActivityPolicy policy) {
        if (eventIds.contains(fact.eventId())) {
            return ActivityOutcome.DUPLICATE;
        }
        LocalDate day = policy.dayOf(fact.occurredAt());
        if (earlier.covers(day) || (droppedPurchaseDays > 0 && day.isBefore(purchaseDays.first()))) {
            return ActivityOutcome.TOO_LATE;
        }
        int position = Collections.binarySearch(purchases, fact, PurchaseFact.EVENT_TIME_ORDER);
        purchases.add(-position - 1, fact);
        eventIds.add(fact.eventId());
        if (fact.isPurchase() && purchaseDays.add(day) && purchaseDays.size() > policy.maxPurchaseDays()) {
            purchaseDays.pollFirst();
            droppedPurchaseDays++;
        }
        if (fact.currency() != null) {
            reportingCurrency = fact.currency();
        }
        foldBeyond(policy);
        return ActivityOutcome.APPLIED;
    }

    /**
     * Segment changes arrive in the order segmentation published them (one partition per customer), so the latest
     * applied one is the present class; redeliveries are recognised by the last few event ids.
     */
    private ActivityOutcome applySegmentChange(SegmentFact fact, ActivityPolicy policy) {
        if (segmentChangeIds.contains(fact.eventId())) {
            return ActivityOutcome.DUPLICATE;
        }
        segments.put(fact.key(), new SegmentClass(fact.key(), fact.className(), fact.definitionVersion(),
                fact.occurredAt(), fact.eventId()));
        segmentChangeIds.add(fact.eventId());
        Iterator<String> oldest = segmentChangeIds.iterator();
        while (segmentChangeIds.size() > policy.rememberedSegmentChanges()) {
            oldest.next();
            oldest.remove();
        }
        return ActivityOutcome.APPLIED;
    }

    private void foldBeyond(ActivityPolicy policy) {
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

    /** All-time figures, derived from the kept facts, the folded totals and the purchase days. */
    public ActivityFigures figures(ActivityPolicy policy) {
        long bought = earlier.purchases();
        long refunded = earlier.refunds();
        BigDecimal monetary = earlier.monetary();
        Instant first = earlier.firstPurchaseAt();
        Instant last = earlier.lastPurchaseAt();
        for (PurchaseFact fact : purchases) {
            monetary = monetary.add(fact.amount());
            if (fact.isPurchase()) {
                bought++;
                first = first == null || fact.occurredAt().isBefore(first) ? fact.occurredAt() : first;
                last = last == null || fact.occurredAt().isAfter(last) ? fact.occurredAt() : last;
            } else {
                refunded++;
            }
        }
        long days = droppedPurchaseDays + purchaseDays.size();
        return new ActivityFigures(first, last, first == null ? null : policy.dayOf(first),
                purchaseDays.isEmpty() ? null : purchaseDays.last(), bought, refunded, monetary, days,
                Math.max(0, days - 1));
    }

    /** Whole calendar days from the last purchase day to the as-of day, never negative; null if never bought. */
    public Integer daysSinceLastPurchase(Instant asOf, ActivityPolicy policy) {
        if (purchaseDays.isEmpty()) {
            return null;
        }
        return Math.toIntExact(Math.max(0, ChronoUnit.DAYS.between(purchaseDays.last(), policy.dayOf(asOf))));
    }

    public void markSaved() {
        version++;
    }

    public String customerId() {
        return customerId;
    }

    /** The stored version this activity was read at (0: not stored yet); writes are checked against it. */
    public long version() {
        return version;
    }

    public boolean isStored() {
        return version > 0;
    }

    /** The kept purchase facts, in event-time order. */
    public List<PurchaseFact> purchases() {
        return Collections.unmodifiableList(purchases);
    }

    public EarlierPurchases earlier() {
        return earlier;
    }

    /**
     * The distinct purchase days kept as dates, oldest first: all of them unless more than the policy's maximum
     * were seen ({@link #droppedPurchaseDays()} counts the dropped oldest ones).
     */
    public SortedSet<LocalDate> purchaseDays() {
        return Collections.unmodifiableSortedSet(purchaseDays);
    }

    public long droppedPurchaseDays() {
        return droppedPurchaseDays;
    }

    public Collection<SegmentClass> segments() {
        return Collections.unmodifiableCollection(segments.values());
    }

    public Optional<SegmentClass> segment(String key) {
        return Optional.ofNullable(segments.get(key));
    }

    /** The most recent segment-change event ids applied, oldest first. */
    public List<String> segmentChangeIds() {
        return List.copyOf(segmentChangeIds);
    }

    /** The kept feedback facts, in event-time order. */
    public List<FeedbackFact> feedback() {
        return Collections.unmodifiableList(feedback);
    }

    public String reportingCurrency() {
        return reportingCurrency;
    }
}
