package io.segstream.purchases.domain;

import io.segstream.contracts.Channel;
import io.segstream.contracts.purchase.PurchaseRecorded;
import io.segstream.contracts.purchase.PurchaseSubmitted;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.segstream.purchases.domain.PurchaseMother.NOW;
import static io.segstream.purchases.domain.PurchaseMother.purchase;
import static io.segstream.purchases.domain.PurchaseMother.refundOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PurchaseIntakeTest {
    private final InMemoryOrderBook orders = new InMemoryOrderBook();
    private final InMemoryLedger ledger = new InMemoryLedger();
    private final List<List<IntakeResult>> observed = new ArrayList<>();
    private final List<IntakePath> paths = new ArrayList<>();
    /** Tombstones: customer id to erasure instant; every query is remembered, to count them. */
    private final Map<String, Instant> tombstones = new HashMap<>();
    private final List<Collection<String>> tombstoneQueries = new ArrayList<>();
    private final PurchaseIntake intake = new PurchaseIntake(PurchaseRulesTest.RULES, PurchaseRulesTest.RATES, orders,
            ledger, customerIds -> {
                tombstoneQueries.add(List.copyOf(customerIds));
                Map<String, Instant> found = new HashMap<>();
                customerIds.stream().filter(tombstones::containsKey).forEach(id -> found.put(id, tombstones.get(id)));
                return found;
            }, (path, results, elapsed) -> {
                paths.add(path);
                observed.add(results);
            }, Clock.fixed(NOW, ZoneOffset.UTC));

    private IntakeResult take(PurchaseSubmitted p) {
        return intake.take(Submission.of(p), IntakePath.HTTP);
    }

    private List<IntakeResult> takeAll(PurchaseSubmitted... ps) {
        return intake.take(java.util.Arrays.stream(ps).map(Submission::of).toList(), IntakePath.KAFKA);
    }

    @Test
    void eventsOfAnErasedCustomerAtOrBeforeTheErasureAreRefusedAndLaterOnesAcceptedWithOneQueryPerBatch() {
        Instant erasedAt = Instant.parse("2026-11-20T10:00:00Z");
        tombstones.put("C-gone", erasedAt);
        PurchaseSubmitted before = purchase().customerId("C-gone").occurredAt(erasedAt.minusSeconds(60)).build();
        PurchaseSubmitted atTheInstant = purchase().customerId("C-gone").occurredAt(erasedAt).build();
        PurchaseSubmitted after = purchase().customerId("C-gone").occurredAt(erasedAt.plusSeconds(1)).build();
        PurchaseSubmitted brokenBefore = purchase().customerId("C-gone").occurredAt(erasedAt.minusSeconds(1))
                .total("-1.00").build();
        PurchaseSubmitted someoneElse = purchase().customerId("C-other").occurredAt(erasedAt.minusSeconds(60)).build();

        List<IntakeResult> results = takeAll(before, atTheInstant, after, brokenBefore, someoneElse);

        assertThat(results).extracting(r -> r.rejection() == null ? r.status().name() : r.rejection().code().name())
                .containsExactly("CUSTOMER_ERASED", "CUSTOMER_ERASED", "ACCEPTED",
                        "CUSTOMER_ERASED", // before the rules: not even a broken event of an erased customer is kept
                        "ACCEPTED");
        assertThat(results.get(0).eventId()).isEqualTo(before.eventId());
        assertThat(tombstoneQueries).as("one query for the batch").hasSize(1);
        assertThat(tombstoneQueries.get(0)).contains("C-gone", "C-other");
        assertThat(ledger.recorded).containsOnlyKeys(after.eventId(), someoneElse.eventId());
        assertThat(orders.remaining).doesNotContainKey(before.orderId());
    }

    @Test
    void aBatchWithoutReadableCustomerIdsDoesNotAskForTombstones() {
        takeAll(purchase().customerId("not an id").build());
        intake.take(List.of(Submission.unreadable(new Rejection(RejectionCode.MALFORMED_JSON, "x"), null)),
                IntakePath.HTTP);
        assertThat(tombstoneQueries).isEmpty();
    }

    @Test
    void aValidPurchaseIsRecordedWithItsDerivedFieldsAndPublished() {
        PurchaseSubmitted p = purchase().currency("USD").singleItem(2, "50.00").build();

        IntakeResult result = take(p);

        assertThat(result).isEqualTo(new IntakeResult(p.eventId(), IntakeStatus.ACCEPTED, true, null, Channel.STORE));
        PurchaseRecorded recorded = ledger.recorded.get(p.eventId());
        assertThat(recorded.recordedAt()).isEqualTo(NOW);
        assertThat(recorded.reportingAmount()).hasToString("715.00");
        assertThat(recorded.reportingCurrency()).isEqualTo("CNY");
        assertThat(recorded.totalAmount()).isEqualTo(p.totalAmount());
        assertThat(recorded.items()).isEqualTo(p.items());
        assertThat(ledger.published).containsExactly(recorded);
        assertThat(orders.remaining).containsEntry(p.orderId(), 10_000L);
    }

    @Test
    void whenKafkaDoesNotAcknowledgeTheEventIsStillAcceptedButNotYetPublished() {
        ledger.kafkaUp = false;
        IntakeResult result = take(purchase().build());
        assertThat(result.status()).isEqualTo(IntakeStatus.ACCEPTED);
        assertThat(result.published()).isFalse();
    }

    @Test
    void theSameEventIdAgainIsADuplicateAndChangesNothing() {
        PurchaseSubmitted p = purchase().build();
        take(p);
        int calls = ledger.recordCalls;

        IntakeResult again = take(p);

        assertThat(again.status()).isEqualTo(IntakeStatus.DUPLICATE);
        assertThat(ledger.recordCalls).as("known duplicates never reach the ledger write").isEqualTo(calls);
        assertThat(ledger.published).hasSize(1);
    }

    @Test
    void aDuplicateIsRecognisedEvenIfItsContentDiffers() {
        PurchaseSubmitted p = purchase().build();
        take(p);
        IntakeResult again = take(purchase().eventId(p.eventId()).orderId("SO-other").build());
        assertThat(again.status()).isEqualTo(IntakeStatus.DUPLICATE);
        assertThat(orders.orders).doesNotContainKey("SO-other");
    }

    @Test
    void theSameEventTwiceInOneBatchIsRecordedOnce() {
        PurchaseSubmitted p = purchase().build();
        List<IntakeResult> results = takeAll(p, p);
        assertThat(results).extracting(IntakeResult::status)
                .containsExactly(IntakeStatus.ACCEPTED, IntakeStatus.DUPLICATE);
        assertThat(ledger.published).hasSize(1);
    }

    @Test
    void badItemsAreRejectedWithoutAffectingTheOthersAndResultsKeepTheirOrder() {
        PurchaseSubmitted good1 = purchase().build();
        PurchaseSubmitted bad = purchase().total("-1").build();
        PurchaseSubmitted good2 = purchase().build();
        Submission unreadable = Submission.unreadable(new Rejection(RejectionCode.MALFORMED_JSON, "not JSON"), null);

        List<IntakeResult> results = intake.take(List.of(Submission.of(good1), Submission.of(bad), unreadable,
                Submission.of(good2)), IntakePath.HTTP);

        assertThat(results).extracting(IntakeResult::status).containsExactly(IntakeStatus.ACCEPTED,
                IntakeStatus.REJECTED, IntakeStatus.REJECTED, IntakeStatus.ACCEPTED);
        assertThat(results.get(1).rejection().code()).isEqualTo(RejectionCode.NEGATIVE_AMOUNT);
        assertThat(results.get(1).eventId()).isEqualTo(bad.eventId());
        assertThat(results.get(2).rejection().code()).isEqualTo(RejectionCode.MALFORMED_JSON);
        assertThat(results.get(2).channel()).isNull();
        assertThat(ledger.recorded).containsOnlyKeys(good1.eventId(), good2.eventId());
    }

    @Test
    void anUnreadableSubmissionKeepsTheEventIdThatCouldBeRead() {
        IntakeResult result = intake.take(Submission.unreadable(
                new Rejection(RejectionCode.UNKNOWN_CHANNEL, "field channel"), "evt-1"), IntakePath.KAFKA);
        assertThat(result.eventId()).isEqualTo("evt-1");
        assertThat(result.rejection().code()).isEqualTo(RejectionCode.UNKNOWN_CHANNEL);
    }

    @Test
    void anOrderIdRecordedByAnotherEventIsRefused() {
        PurchaseSubmitted first = purchase().orderId("SO-1").build();
        PurchaseSubmitted second = purchase().orderId("SO-1").build();

        List<IntakeResult> results = takeAll(first, second);

        assertThat(results.get(0).status()).isEqualTo(IntakeStatus.ACCEPTED);
        assertThat(results.get(1).rejection().code()).isEqualTo(RejectionCode.ORDER_ALREADY_RECORDED);
        assertThat(ledger.recorded).containsOnlyKeys(first.eventId());
    }

    @Test
    void aRefundIsTakenOffWhatRemainsOfItsOrder() {
        PurchaseSubmitted order = purchase().orderId("SO-9").build(); // 458.00 CNY
        take(order);

        IntakeResult refund = take(refundOf("SO-9", "400.00").build());
        IntakeResult tooMuch = take(refundOf("SO-9", "58.01").build());
        IntakeResult rest = take(refundOf("SO-9", "58.00").build());

        assertThat(refund.status()).isEqualTo(IntakeStatus.ACCEPTED);
        assertThat(tooMuch.rejection().code()).isEqualTo(RejectionCode.REFUND_EXCEEDS_REMAINING);
        assertThat(rest.status()).isEqualTo(IntakeStatus.ACCEPTED);
        assertThat(orders.remaining).containsEntry("SO-9", 0L);
        assertThat(ledger.recorded.get(refund.eventId()).reportingAmount()).hasToString("400.00");
    }

    @Test
    void refundsOfUnknownOrdersOrOfAnotherCustomerOrCurrencyAreRefused() {
        take(purchase().orderId("SO-5").build());
        assertThat(take(refundOf("SO-none", "1.00").build()).rejection().code())
                .isEqualTo(RejectionCode.REFUND_UNKNOWN_ORDER);
        assertThat(take(refundOf("SO-5", "1.00").customerId("C-other").build()).rejection().code())
                .isEqualTo(RejectionCode.REFUND_CUSTOMER_MISMATCH);
        assertThat(take(refundOf("SO-5", "1.00").currency("USD").build()).rejection().code())
                .isEqualTo(RejectionCode.REFUND_CURRENCY_MISMATCH);
        assertThat(orders.remaining).containsEntry("SO-5", 45_800L);
    }

    @Test
    void aRefundMayFollowItsPurchaseInTheSameBatch() {
        List<IntakeResult> results = takeAll(purchase().orderId("SO-7").build(), refundOf("SO-7", "8.00").build());
        assertThat(results).extracting(IntakeResult::status)
                .containsExactly(IntakeStatus.ACCEPTED, IntakeStatus.ACCEPTED);
        assertThat(orders.remaining).containsEntry("SO-7", 45_000L);
    }

    @Test
    void aRefundRetriedAfterTheLedgerFailedIsRecordedWithoutBeingTakenOffTwice() {
        take(purchase().orderId("SO-3").build());
        PurchaseSubmitted refund = refundOf("SO-3", "100.00").build();
        ledger.writesFail = true;
        assertThatThrownBy(() -> take(refund)).isInstanceOf(StoreUnavailableException.class);
        assertThat(orders.remaining).containsEntry("SO-3", 35_800L);

        ledger.writesFail = false;
        IntakeResult retried = take(refund);

        assertThat(retried.status()).isEqualTo(IntakeStatus.ACCEPTED);
        assertThat(orders.remaining).containsEntry("SO-3", 35_800L);
        assertThat(take(refund).status()).isEqualTo(IntakeStatus.DUPLICATE);
    }

    @Test
    void aPurchaseRetriedAfterTheLedgerFailedIsRecorded() {
        PurchaseSubmitted p = purchase().build();
        ledger.available = false;
        assertThatThrownBy(() -> take(p)).isInstanceOf(StoreUnavailableException.class);
        ledger.available = true;
        assertThat(take(p).status()).isEqualTo(IntakeStatus.ACCEPTED);
    }

    @Test
    void theObserverSeesEveryCallWithItsPath() {
        take(purchase().build());
        takeAll(purchase().build(), purchase().total("-1").build());
        assertThat(paths).containsExactly(IntakePath.HTTP, IntakePath.KAFKA);
        assertThat(observed.get(1)).hasSize(2);
    }

    @Test
    void zeroValuePurchasesAreAccepted() {
        IntakeResult result = take(purchase().currency("USD").singleItem(1, "0.00").build());
        assertThat(result.status()).isEqualTo(IntakeStatus.ACCEPTED);
        assertThat(ledger.recorded.get(result.eventId()).reportingAmount()).isEqualByComparingTo(BigDecimal.ZERO);
    }

    @Test
    void anEmptyCallIsAnEmptyAnswer() {
        assertThat(intake.take(List.of(), IntakePath.HTTP)).isEmpty();
        assertThat(ledger.recordCalls).isZero();
    }

    @Test
    void validationUsesTheClock() {
        IntakeResult result = take(purchase().occurredAt(NOW.plus(Duration.ofHours(2))).build());
        assertThat(result.rejection().code()).isEqualTo(RejectionCode.OCCURRED_IN_FUTURE);
    }
}
