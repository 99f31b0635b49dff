package io.segstream.churn.messaging;

import io.segstream.churn.domain.FeedbackFact;
import io.segstream.churn.domain.PurchaseFact;
import io.segstream.contracts.feedback.FeedbackKind;
import io.segstream.contracts.feedback.FeedbackRecorded;
import io.segstream.churn.domain.PurchaseKind;
import io.segstream.churn.domain.SegmentFact;
import io.segstream.contracts.Ids;
import io.segstream.contracts.purchase.PurchaseRecorded;
import io.segstream.contracts.purchase.PurchaseType;
import io.segstream.contracts.segment.SegmentChanged;
import io.segstream.contracts.segment.SegmentKind;
import io.segstream.runtime.messaging.ContractDecoder;
import io.segstream.runtime.messaging.ContractViolation;


/**
 * Translates contract events into what the activity view keeps, refusing (as a {@link ContractViolation}) one that
 * lacks what it needs. Messages name the field, never its value.
 */
final class ActivityEvents {

    private ActivityEvents() {
    }

    static PurchaseFact purchase(PurchaseRecorded event) {
        requireId("eventId", event.eventId());
        requireId("customerId", event.customerId());
        require("type", event.type());
        require("occurredAt", event.occurredAt());
        require("reportingAmount", event.reportingAmount());
        if (event.reportingAmount().signum() < 0) {
            throw new ContractViolation(ContractDecoder.INVALID_FIELD, "field reportingAmount must not be negative");
        }
        return new PurchaseFact(event.eventId(), event.customerId(),
                event.type() == PurchaseType.REFUND ? PurchaseKind.REFUND : PurchaseKind.PURCHASE,
                event.occurredAt(), event.signedReportingAmount(), event.reportingCurrency());
    }

    /** A dimension change as a segment fact; null for an audience change, which the view does not track. */
    static SegmentFact segment(SegmentChanged event) {
        requireId("eventId", event.eventId());
        requireId("customerId", event.customerId());
        require("kind", event.kind());
        if (event.kind() != SegmentKind.DIMENSION) {
            return null;
        }
        require("key", event.key());
        require("to", event.to());
        require("occurredAt", event.occurredAt());
        return new SegmentFact(event.eventId(), event.customerId(), event.key(), event.to(),
                event.definitionVersion(), event.occurredAt());
    }

    /**
     * Recorded feedback as a feedback fact (kind, time, score, sentiment, severity; the text is dropped here and
     * never stored); null for a referral, which says nothing about churn.
     */
    static FeedbackFact feedback(FeedbackRecorded event) {
        requireId("eventId", event.eventId());
        requireId("customerId", event.customerId());
        require("kind", event.kind());
        require("occurredAt", event.occurredAt());
        if (event.kind() == FeedbackKind.REFERRAL) {
            return null;
        }
        if (event.kind().isScored() && event.score() != null
                && (event.score() < event.kind().minScore() || event.score() > event.kind().maxScore())) {
            throw new ContractViolation(ContractDecoder.INVALID_FIELD, "field score is out of range for its kind");
        }
        return new FeedbackFact(event.eventId(), event.customerId(), event.kind(), event.occurredAt(), event.score(),
                event.sentiment(), event.severity());
    }

    private static void require(String field, Object value) {
        if (value == null) {
            throw new ContractViolation(ContractDecoder.INVALID_FIELD, "field " + field + " is missing");
        }
    }

    private static void requireId(String field, String value) {
        require(field, value);
        if (!Ids.isValid(value)) {
            throw new ContractViolation(ContractDecoder.INVALID_FIELD, "field " + field + " is not a valid id");
        }
    }
}
