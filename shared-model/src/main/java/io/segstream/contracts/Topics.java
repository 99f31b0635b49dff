package io.segstream.contracts;

/** Kafka topic names of contract v1 (docs/contracts.md). Every key is the customerId. */
public final class Topics {
    public static final String PURCHASES_INCOMING = "purchases.incoming.v1";
    public static final String PURCHASES_RECORDED = "purchases.recorded.v1";
    public static final String FEEDBACK_INCOMING = "feedback.incoming.v1";
    public static final String FEEDBACK_RECORDED = "feedback.recorded.v1";
    public static final String SEGMENT_CHANGES = "segments.changes.v1";
    public static final String CHURN_ALERTS = "churn.alerts.v1";
    public static final String CUSTOMER_ERASURE = "customers.erasure.v1";

    /** Suffix of the dead-letter topic that belongs to an incoming topic. */
    public static final String DEAD_LETTER_SUFFIX = ".dlq";

    private Topics() {
    }

    public static String deadLetterOf(String incomingTopic) {
        return incomingTopic + DEAD_LETTER_SUFFIX;
    }
}
