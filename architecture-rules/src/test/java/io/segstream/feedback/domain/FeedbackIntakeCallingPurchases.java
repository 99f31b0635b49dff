package io.segstream.feedback.domain;

import io.segstream.purchases.domain.Intake;

/** One service linking another's classes: what the independence rule must refuse. */
public final class FeedbackIntakeCallingPurchases {
    public int purchaseBatchSize(Intake purchases) {
        return purchases.maxBatchSize();
    }
}
