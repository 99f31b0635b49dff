package io.segstream.segmentation.domain;

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
import java.util.Set;
import java.util.stream.Collectors;

import static io.segstream.segmentation.domain.PurchaseFactMother.CATALOGUE;
import static io.segstream.segmentation.domain.PurchaseFactMother.NOW;
import static io.segstream.segmentation.domain.PurchaseFactMother.UNBOUNDED;
import static org.assertj.core.api.Assertions.assertThat;

/** Properties of profile figures and class changes over arbitrary purchase histories. */
class CustomerProfilePropertiesTest {
    private static final String CUSTOMER = "C-1";

    @Property(tries = 200)
    void figuresEqualAnIndependentComputationWhateverTheArrivalOrderAndRedeliveries(
            @ForAll("histories") List<PurchaseFact> history, @ForAll long seed) {
        List<PurchaseFact> arrivals = new ArrayList<>(history);
        arrivals.addAll(history.subList(0, history.size() / 2));
        Collections.shuffle(arrivals, new Random(seed));
        CustomerProfile profile = CustomerProfile.newCustomer(CUSTOMER);

        arrivals.forEach(fact -> profile.apply(fact, NOW, UNBOUNDED, CATALOGUE));

        assertThat(profile.figures(NOW, UNBOUNDED)).usingRecursiveComparison().ignoringFields("behaviour", "feedback")
                .isEqualTo(expectedFigures(history));
        // Every other figure, too, is independent of arrival order and redeliveries.
        CustomerProfile inOrder = CustomerProfile.newCustomer(CUSTOMER);
        history.stream().sorted(PurchaseFact.EVENT_TIME_ORDER)
                .forEach(fact -> inOrder.apply(fact, NOW, UNBOUNDED, CATALOGUE));
        assertThat(profile.figures(NOW, UNBOUNDED)).isEqualTo(inOrder.figures(NOW, UNBOUNDED));
    }

    @Property(tries = 200)
    void foldingOldDaysKeepsEveryAllTimeFigureExact(@ForAll("histories") List<PurchaseFact> history,
                                                    @ForAll @IntRange(min = 1, max = 5) int maxPurchases,
                                                    @ForAll @IntRange(min = 0, max = 60) int horizonDays) {
        ProfilePolicy small = new ProfilePolicy(ZoneOffset.UTC, maxPurchases, Duration.ofDays(horizonDays), 5);
        CustomerProfile profile = CustomerProfile.newCustomer(CUSTOMER);
        List<PurchaseFact> inEventTime = history.stream().sorted(PurchaseFact.EVENT_TIME_ORDER).toList();

        inEventTime.forEach(fact -> assertThat(profile.apply(fact, NOW, small, CATALOGUE).outcome())
                .isEqualTo(PurchaseOutcome.APPLIED));

        assertThat(profile.figures(NOW, small)).usingRecursiveComparison().ignoringFields("behaviour", "feedback")
                .isEqualTo(expectedFigures(history));
        inEventTime.forEach(fact -> assertThat(profile.apply(fact, NOW, small, CATALOGUE).outcome())
                .isNotEqualTo(PurchaseOutcome.APPLIED));
        ProfileFigures figures = profile.figures(NOW, small);
        assertThat(figures).usingRecursiveComparison().ignoringFields("behaviour", "feedback")
                .isEqualTo(expectedFigures(history));
        assertThat(figures.behaviour().meanGapDays()).isEqualTo(expectedMeanGap(history));
    }

    @Property(tries = 200)
    void changesFormAChainFromAFirstClassificationAndArePendingUntilPublished(
            @ForAll("histories") List<PurchaseFact> history, @ForAll long seed) {
        List<PurchaseFact> arrivals = new ArrayList<>(history);
        Collections.shuffle(arrivals, new Random(seed));
        CustomerProfile profile = CustomerProfile.newCustomer(CUSTOMER);
        List<ClassChange> returned = new ArrayList<>();

        arrivals.forEach(fact -> returned.addAll(profile.apply(fact, NOW, UNBOUNDED, CATALOGUE).changes()));

        assertThat(returned).isNotEmpty();
        assertThat(returned.get(0).from()).isNull();
        for (int i = 1; i < returned.size(); i++) {
            assertThat(returned.get(i).from()).isEqualTo(returned.get(i - 1).to());
        }
        assertThat(returned).allSatisfy(change -> assertThat(change.to()).isNotEqualTo(change.from()));
        assertThat(returned).extracting(ClassChange::eventId).doesNotHaveDuplicates();
        assertThat(profile.currentClass(LifecycleStage.KEY)).hasValueSatisfying(current -> assertThat(
                current.className()).isEqualTo(returned.get(returned.size() - 1).to()));
        assertThat(profile.currentClass(LifecycleStage.KEY).orElseThrow().className()).isEqualTo(
                PurchaseFactMother.LIFECYCLE.classify(profile.figures(NOW, UNBOUNDED)).className());
    }

    /** Mean days between purchase days, all-time, rounded like the profile's figure; null under two days. */
    private static Double expectedMeanGap(List<PurchaseFact> history) {
        List<LocalDate> days = history.stream().filter(PurchaseFact::isPurchase)
                .map(f -> LocalDate.ofInstant(f.occurredAt(), ZoneOffset.UTC)).distinct().sorted().toList();
        if (days.size() < 2) {
            return null;
        }
        double mean = (double) days.get(0).until(days.get(days.size() - 1), java.time.temporal.ChronoUnit.DAYS)
                / (days.size() - 1);
        return BigDecimal.valueOf(mean).setScale(4, java.math.RoundingMode.HALF_UP).doubleValue();
    }

    /** The figures computed directly from a list of distinct facts, independently of the profile's code. */
    private static ProfileFigures expectedFigures(List<PurchaseFact> history) {
        List<PurchaseFact> purchases = history.stream().filter(PurchaseFact::isPurchase).toList();
        Instant first = purchases.stream().map(PurchaseFact::occurredAt).min(Instant::compareTo).orElse(null);
        Instant last = purchases.stream().map(PurchaseFact::occurredAt).max(Instant::compareTo).orElse(null);
        Set<LocalDate> days = purchases.stream().map(f -> LocalDate.ofInstant(f.occurredAt(), ZoneOffset.UTC))
                .collect(Collectors.toSet());
        BigDecimal monetary = history.stream().map(PurchaseFact::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        Integer recency = last == null ? null : (int) Math.max(0, LocalDate.ofInstant(last, ZoneOffset.UTC)
                .until(LocalDate.ofInstant(NOW, ZoneOffset.UTC), java.time.temporal.ChronoUnit.DAYS));
        return new ProfileFigures(NOW, first, last, recency, purchases.size(), history.size() - purchases.size(),
                monetary, days.size());
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
            return refund ? PurchaseFactMother.refund(CUSTOMER, eventId, at, amount.toPlainString())
                    : PurchaseFactMother.purchase(CUSTOMER, eventId, at, amount.toPlainString());
        }
    }
}
