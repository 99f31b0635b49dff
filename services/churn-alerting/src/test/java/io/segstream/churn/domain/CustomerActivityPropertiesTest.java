package io.segstream.churn.domain;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static io.segstream.churn.domain.ActivityMother.NOW;
import static io.segstream.churn.domain.ActivityMother.UNBOUNDED;
import static org.assertj.core.api.Assertions.assertThat;

/** Properties of the activity view over arbitrary purchase histories. */
class CustomerActivityPropertiesTest {
    private static final String CUSTOMER = "C-1";

    @Property(tries = 200)
    void figuresAndPurchaseDaysEqualAnIndependentComputationWhateverTheArrivalOrderAndRedeliveries(
            @ForAll("histories") List<PurchaseFact> history, @ForAll long seed) {
        List<PurchaseFact> arrivals = new ArrayList<>(history);
        arrivals.addAll(history.subList(0, history.size() / 2));
        Collections.shuffle(arrivals, new Random(seed));
        CustomerActivity activity = CustomerActivity.newCustomer(CUSTOMER);

        arrivals.forEach(fact -> activity.apply(fact, UNBOUNDED));

        assertThat(activity.figures(UNBOUNDED)).isEqualTo(expected(history));
        assertThat(activity.purchaseDays()).containsExactlyElementsOf(distinctPurchaseDays(history));
    }

    @Property(tries = 200)
    void foldingKeepsEveryAllTimeFigureExact(@ForAll("histories") List<PurchaseFact> history,
                                            @ForAll @IntRange(min = 1, max = 5) int maxPurchases,
                                            @ForAll @IntRange(min = 0, max = 60) int horizonDays) {
        ActivityPolicy small = new ActivityPolicy(ZoneOffset.UTC, maxPurchases, Duration.ofDays(horizonDays),
                1_000, 10, 100);
        CustomerActivity activity = CustomerActivity.newCustomer(CUSTOMER);
        List<PurchaseFact> inEventTime = history.stream().sorted(PurchaseFact.EVENT_TIME_ORDER).toList();

        inEventTime.forEach(fact -> activity.apply(fact, small));
        inEventTime.forEach(fact -> assertThat(activity.apply(fact, small)).isNotEqualTo(ActivityOutcome.APPLIED));

        assertThat(activity.figures(small)).isEqualTo(expected(history));
    }

    private static TreeSet<LocalDate> distinctPurchaseDays(List<PurchaseFact> history) {
        return history.stream().filter(PurchaseFact::isPurchase)
                .map(f -> LocalDate.ofInstant(f.occurredAt(), ZoneOffset.UTC))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static ActivityFigures expected(List<PurchaseFact> history) {
        List<PurchaseFact> purchases = history.stream().filter(PurchaseFact::isPurchase).toList();
        Instant first = purchases.stream().map(PurchaseFact::occurredAt).min(Instant::compareTo).orElse(null);
        Instant last = purchases.stream().map(PurchaseFact::occurredAt).max(Instant::compareTo).orElse(null);
        TreeSet<LocalDate> days = distinctPurchaseDays(history);
        BigDecimal monetary = history.stream().map(PurchaseFact::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        return new ActivityFigures(first, last, days.isEmpty() ? null : days.first(),
                days.isEmpty() ? null : days.last(), purchases.size(), history.size() - purchases.size(), monetary,
                days.size(), Math.max(0, days.size() - 1));
    }

    @Provide
    Arbitrary<List<PurchaseFact>> histories() {
        Arbitrary<Integer> minutesBack = Arbitraries.integers().between(0, 300 * 24 * 60);
        Arbitrary<Boolean> isRefund = Arbitraries.integers().between(1, 5).map(n -> n == 1);
        Arbitrary<BigDecimal> amount = Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("5000"))
                .ofScale(2);
        return Combinators.combine(minutesBack, isRefund, amount).as(Draft::new)
                .list().ofMinSize(1).ofMaxSize(25)
                .map(drafts -> {
                    List<PurchaseFact> facts = new ArrayList<>();
                    for (int i = 0; i < drafts.size(); i++) {
                        facts.add(drafts.get(i).fact("e" + i));
                    }
                    return facts;
                });
    }

    private record Draft(int minutesBack, boolean refund, BigDecimal amount) {
        PurchaseFact fact(String eventId) {
            Instant at = NOW.minus(Duration.ofMinutes(minutesBack));
            return refund ? ActivityMother.refund(CUSTOMER, eventId, at, amount.toPlainString())
                    : ActivityMother.purchase(CUSTOMER, eventId, at, amount.toPlainString());
        }
    }
}
