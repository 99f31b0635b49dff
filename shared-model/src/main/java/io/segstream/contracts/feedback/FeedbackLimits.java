package io.segstream.contracts.feedback;

/**
 * The size limits of submitted feedback, set here and nowhere else: the Bean Validation constraints of
 * {@link FeedbackSubmitted} name these constants, feedback-collection's rules check them, and the build writes them
 * into the feedback schemas ({@code SchemaLimits}). Score ranges belong to {@link FeedbackKind}. Changing one changes
 * the contract.
 */
public final class FeedbackLimits {
    /** Longest text, in Unicode characters (code points, as JSON Schema counts them). */
    public static final int MAX_TEXT_LENGTH = 4000;
    /** Most topics of one piece of feedback (there are six topics). */
    public static final int MAX_TOPICS = 6;
    /** Longest orderId: an order may come from a system outside the id syntax, so only its length is limited. */
    public static final int MAX_ORDER_ID_LENGTH = 128;
    /** Longest name of the producing tool. */
    public static final int MAX_SOURCE_LENGTH = 128;

    private FeedbackLimits() {
    }
}
