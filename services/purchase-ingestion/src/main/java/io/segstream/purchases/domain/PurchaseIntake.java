package io.segstream.purchases.domain;

import io.segstream.contracts.Ids;
import io.segstream.contracts.erasure.ErasureCutoff;
import io.segstream.contracts.purchase.PurchaseRecorded;
import io.segstream.contracts.purchase.PurchaseSubmitted;
import io.segstream.contracts.purchase.PurchaseType;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Takes in purchases and refunds, one or a batch, from either path, with the same rules and the same exactly-once
 * effect. Per batch: refuse the events of erased customers that occurred at or before their erasure (one tombstone
 * query for the batch, before the rules, so that not even a broken event of an erased customer is dead-lettered);
 * validate each item; drop the eventIds already recorded (duplicates); register the orders of the
 * new purchases (an order id held by another event is refused); take each new refund off its order; record and
 * publish everything still standing in one ledger call. One bad item never affects the others.
 *
 * <p>Retries are safe at every step: registering an order and taking a refund off are idempotent per eventId, and the
 * ledger de-duplicates by eventId. If the store fails midway, the caller retries (HTTP client after a 503, Kafka by
 * redelivery) and the retry completes what is missing.
 */
public final class PurchaseIntake {
    private static final Rejection ERASED = new Rejection(RejectionCode.CUSTOMER_ERASED,
            "the customer was erased; events that occurred at or before the erasure are not taken in");

    private final PurchaseRules rules;
    private final ExchangeRates rates;
    private final OrderBook orders;
    private final PurchaseLedger ledger;
    private final ErasedCustomerRegister erased;
    private final IntakeObserver observer;
    private final Clock clock;

    public PurchaseIntake(PurchaseRules rules, ExchangeRates rates, OrderBook orders, PurchaseLedger ledger,
                          ErasedCustomerRegister erased, IntakeObserver observer, Clock clock) {
        this.rules = rules;
        this.rates = rates;
        this.orders = orders;
        this.ledger = ledger;
        this.erased = erased;
        this.observer = observer;
        this.clock = clock;
    }

    public IntakeResult take(Submission submission, IntakePath path) {
        return take(List.of(submission), path).get(0);
    }

    /**
     * @return one result per submission, in the same order
     * @throws StoreUnavailableException when the store cannot be reached (nothing answered; retry the whole call)
     */
    public List<IntakeResult> take(List<Submission> submissions, IntakePath path) {
        long started = System.nanoTime();
        Instant now = clock.instant();
        IntakeResult[] results = new IntakeResult[submissions.size()];
        PurchaseRecorded[] candidates = new PurchaseRecorded[submissions.size()];

        refuseErased(submissions, results);
        List<String> candidateIds = new ArrayList<>();
        for (int i = 0; i < submissions.size(); i++) {
            if (results[i] != null) {
                continue;
            }
            Submission submission = submissions.get(i);
            PurchaseSubmitted p = submission.purchase();
            if (p == null) {
                results[i] = IntakeResult.rejected(submission.eventIdHint(), submission.unreadable(), null);
                continue;
            }
            Rejection broken = rules.check(p, now).orElse(null);
            if (broken != null) {
                results[i] = IntakeResult.rejected(p.eventId(), broken, p.channel());
            } else {
                candidates[i] = p.recorded(now, rates.toReporting(p.totalAmount(), p.currency()),
                        rates.reportingCurrency());
                candidateIds.add(p.eventId());
            }
        }

        dropKnown(candidates, results, candidateIds);
        registerOrders(candidates, results);
        applyRefunds(candidates, results);
        record(candidates, results);

        List<IntakeResult> answer = Arrays.asList(results);
        observer.observed(path, answer, Duration.ofNanos(System.nanoTime() - started));
        return answer;
    }

    /** One tombstone query for the whole batch; ids that cannot be a customer's are not asked about. */
    private void refuseErased(List<Submission> submissions, IntakeResult[] results) {
        List<String> customerIds = new ArrayList<>();
        for (Submission submission : submissions) {
            PurchaseSubmitted p = submission.purchase();
            if (p != null && Ids.isValid(p.customerId())) {
                customerIds.add(p.customerId());
            }
        }
        if (customerIds.isEmpty()) {
            return;
        }
        Map<String, Instant> erasedAt = erased.erasedAmong(customerIds);
        if (erasedAt.isEmpty()) {
            return;
        }
        for (int i = 0; i < submissions.size(); i++) {
            PurchaseSubmitted p = submissions.get(i).purchase();
            if (p != null && p.customerId() != null
                    && ErasureCutoff.suppresses(erasedAt, p.customerId(), p.occurredAt())) {
                results[i] = IntakeResult.rejected(p.eventId(), ERASED, p.channel());
            }
        }
    }

    private void dropKnown(PurchaseRecorded[] candidates, IntakeResult[] results, List<String> candidateIds) {
        if (candidateIds.isEmpty()) {
            return;
        }
        Set<String> known = ledger.recordedAmong(candidateIds);
        for (int i = 0; i < candidates.length; i++) {
            if (candidates[i] != null && known.contains(candidates[i].eventId())) {
                results[i] = IntakeResult.duplicate(candidates[i].eventId(), candidates[i].channel());
                candidates[i] = null;
            }
        }
    }

    private void registerOrders(PurchaseRecorded[] candidates, IntakeResult[] results) {
        List<Integer> positions = new ArrayList<>();
        List<PlacedOrder> placed = new ArrayList<>();
        for (int i = 0; i < candidates.length; i++) {
            PurchaseRecorded e = candidates[i];
            if (e != null && e.type() == PurchaseType.PURCHASE) {
                positions.add(i);
                placed.add(new PlacedOrder(e.orderId(), e.eventId(), e.customerId(), e.currency(),
                        Currencies.toMinorUnits(e.totalAmount(), e.currency())));
            }
        }
        if (placed.isEmpty()) {
            return;
        }
        List<Boolean> held = orders.register(placed);
        for (int k = 0; k < positions.size(); k++) {
            if (!held.get(k)) {
                int i = positions.get(k);
                results[i] = IntakeResult.rejected(candidates[i].eventId(), new Rejection(
                        RejectionCode.ORDER_ALREADY_RECORDED,
                        "orderId was recorded by another purchase event"), candidates[i].channel());
                candidates[i] = null;
            }
        }
    }

    private void applyRefunds(PurchaseRecorded[] candidates, IntakeResult[] results) {
        for (int i = 0; i < candidates.length; i++) {
            PurchaseRecorded e = candidates[i];
            if (e == null || e.type() != PurchaseType.REFUND) {
                continue;
            }
            RefundDecision decision = orders.refund(new RefundClaim(e.orderId(), e.eventId(), e.customerId(),
                    e.currency(), Currencies.toMinorUnits(e.totalAmount(), e.currency())));
            Rejection refused = switch (decision) {
                case APPLIED, ALREADY_APPLIED -> null;
                case UNKNOWN_ORDER -> new Rejection(RejectionCode.REFUND_UNKNOWN_ORDER,
                        "the refunded orderId was never recorded");
                case EXCEEDS_REMAINING -> new Rejection(RejectionCode.REFUND_EXCEEDS_REMAINING,
                        "the refund is larger than what remains refundable of the order");
                case CURRENCY_MISMATCH -> new Rejection(RejectionCode.REFUND_CURRENCY_MISMATCH,
                        "the refund's currency differs from the order's");
                case CUSTOMER_MISMATCH -> new Rejection(RejectionCode.REFUND_CUSTOMER_MISMATCH,
                        "the refunded order belongs to another customer");
            };
            if (refused != null) {
                results[i] = IntakeResult.rejected(e.eventId(), refused, e.channel());
                candidates[i] = null;
            }
        }
    }

    private void record(PurchaseRecorded[] candidates, IntakeResult[] results) {
        List<Integer> positions = new ArrayList<>();
        List<PurchaseRecorded> events = new ArrayList<>();
        for (int i = 0; i < candidates.length; i++) {
            if (candidates[i] != null) {
                positions.add(i);
                events.add(candidates[i]);
            }
        }
        if (events.isEmpty()) {
            return;
        }
        List<Recording> recordings = ledger.record(events);
        for (int k = 0; k < positions.size(); k++) {
            PurchaseRecorded e = events.get(k);
            results[positions.get(k)] = switch (recordings.get(k)) {
                case PUBLISHED -> IntakeResult.accepted(e.eventId(), true, e.channel());
                case PENDING -> IntakeResult.accepted(e.eventId(), false, e.channel());
                case DUPLICATE -> IntakeResult.duplicate(e.eventId(), e.channel());
            };
        }
    }
}
