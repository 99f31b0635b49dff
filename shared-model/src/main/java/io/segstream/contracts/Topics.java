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

    /**
     * Internal to segmentation, not part of the public contract (compacted, one partition each): every stored version
     * of every segment definition, keyed "key:version".
     */
    public static final String SEGMENTATION_DEFINITIONS = "segstream.segmentation.definitions";
    /** Internal to segmentation: each stream task's population summary (RFM counts, segment sizes), keyed by task. */
    public static final String SEGMENTATION_POPULATION = "segstream.segmentation.population";
    /** Internal to segmentation: each stream task's progress in a re-evaluation, keyed "recomputationId/task". */
    public static final String SEGMENTATION_RECOMPUTATIONS = "segstream.segmentation.recomputations";

    /** Suffix of the dead-letter topic that belongs to an incoming topic. */
    public static final String DEAD_LETTER_SUFFIX = ".dlq";

    private Topics() {
    }

    public static String deadLetterOf(String incomingTopic) {
        return incomingTopic + DEAD_LETTER_SUFFIX;
    }
}
