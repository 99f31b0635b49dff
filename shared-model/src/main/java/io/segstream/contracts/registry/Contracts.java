package io.segstream.contracts.registry;

import io.segstream.contracts.EventContract;
import io.segstream.contracts.Topics;
import io.segstream.contracts.churn.ChurnAlertChanged;
import io.segstream.contracts.erasure.CustomerErasureRequested;
import io.segstream.contracts.feedback.FeedbackRecorded;
import io.segstream.contracts.feedback.FeedbackSubmitted;
import io.segstream.contracts.purchase.PurchaseRecorded;
import io.segstream.contracts.purchase.PurchaseSubmitted;
import io.segstream.contracts.segment.SegmentChanged;

import java.util.List;

/**
 * The registry of every event of contract v1: topic, ce_type, payload record and schema. It knows every family of
 * events, so it sits above them in a package of its own; the families lean on the vocabulary of the root package.
 */
public final class Contracts {
    public static final EventContract<PurchaseSubmitted> PURCHASE_SUBMITTED = new EventContract<>(
            Topics.PURCHASES_INCOMING, "io.segstream.purchase.submitted.v1", PurchaseSubmitted.class,
            "purchase-submitted.schema.json");
    public static final EventContract<PurchaseRecorded> PURCHASE_RECORDED = new EventContract<>(
            Topics.PURCHASES_RECORDED, "io.segstream.purchase.recorded.v1", PurchaseRecorded.class,
            "purchase-recorded.schema.json");
    public static final EventContract<FeedbackSubmitted> FEEDBACK_SUBMITTED = new EventContract<>(
            Topics.FEEDBACK_INCOMING, "io.segstream.feedback.submitted.v1", FeedbackSubmitted.class,
            "feedback-submitted.schema.json");
    public static final EventContract<FeedbackRecorded> FEEDBACK_RECORDED = new EventContract<>(
            Topics.FEEDBACK_RECORDED, "io.segstream.feedback.recorded.v1", FeedbackRecorded.class,
            "feedback-recorded.schema.json");
    public static final EventContract<SegmentChanged> SEGMENT_CHANGED = new EventContract<>(
            Topics.SEGMENT_CHANGES, "io.segstream.segment.changed.v1", SegmentChanged.class,
            "segment-changed.schema.json");
    public static final EventContract<ChurnAlertChanged> CHURN_ALERT = new EventContract<>(
            Topics.CHURN_ALERTS, "io.segstream.churn.alert.v1", ChurnAlertChanged.class,
            "churn-alert.schema.json");
    public static final EventContract<CustomerErasureRequested> CUSTOMER_ERASURE_REQUESTED = new EventContract<>(
            Topics.CUSTOMER_ERASURE, "io.segstream.customer.erasure-requested.v1", CustomerErasureRequested.class,
            "customer-erasure-requested.schema.json");

    public static final List<EventContract<?>> ALL = List.of(PURCHASE_SUBMITTED, PURCHASE_RECORDED,
            FEEDBACK_SUBMITTED, FEEDBACK_RECORDED, SEGMENT_CHANGED, CHURN_ALERT, CUSTOMER_ERASURE_REQUESTED);

    private Contracts() {
    }
}
