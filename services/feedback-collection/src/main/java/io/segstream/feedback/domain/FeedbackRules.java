package io.segstream.feedback.domain;

import io.segstream.contracts.Ids;
import io.segstream.contracts.feedback.ComplaintSeverity;
import io.segstream.contracts.feedback.FeedbackKind;
import io.segstream.contracts.feedback.FeedbackLimits;
import io.segstream.contracts.feedback.FeedbackSubmitted;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The rules a piece of feedback must meet, the same for HTTP and Kafka. The first broken rule is reported.
 * <ul>
 *   <li>eventId, kind, customerId, occurredAt are required; ids follow the contract's id syntax.</li>
 *   <li>Scored kinds (NPS 0-10, CSAT 1-5, REVIEW 1-5) need a score in range; other kinds must not carry one
 *   (a number without a scale cannot be read).</li>
 *   <li>A REVIEW needs text (a review is "1-5 with text"); a COMPLAINT needs text or topics (what it is about).
 *   Surveys, tickets and referrals may come without text.</li>
 *   <li>A REFERRAL names a referred customer other than the referrer; no other kind names one.</li>
 *   <li>severity only on COMPLAINT and SUPPORT_TICKET.</li>
 *   <li>occurredAt not further ahead than the clock skew, nor older than the accepted age.</li>
 *   <li>text, orderId and source are well-formed Unicode (no unpaired surrogate), else INVALID_FIELD.</li>
 *   <li>text, orderId and source no longer than the contract's {@link FeedbackLimits}, the same constants the
 *   records' constraints and the JSON Schemas carry.</li>
 * </ul>
 */
public final class FeedbackRules {
    private final IntakeLimits limits;

    public FeedbackRules(IntakeLimits limits) {
        this.limits = limits;
    }

    public IntakeLimits limits() {
        return limits;
    }

    public Optional<Rejection> check(FeedbackSubmitted feedback, Instant now) {
        Rejection rejection = ids(feedback);
        if (rejection == null) {
            rejection = time(feedback, now);
        }
        if (rejection == null) {
            rejection = score(feedback);
        }
        if (rejection == null) {
            rejection = text(feedback);
        }
        if (rejection == null) {
            rejection = referral(feedback);
        }
        if (rejection == null) {
            rejection = rest(feedback);
        }
        return Optional.ofNullable(rejection);
    }

    private static Rejection ids(FeedbackSubmitted f) {
        if (blank(f.eventId())) {
            return required("eventId");
        }
        if (!Ids.isValid(f.eventId())) {
            return new Rejection(RejectionCodes.INVALID_ID, "eventId does not follow the id syntax " + Ids.PATTERN);
        }
        if (f.kind() == null) {
            return required("kind");
        }
        if (blank(f.customerId())) {
            return required("customerId");
        }
        if (!Ids.isValid(f.customerId())) {
            return new Rejection(RejectionCodes.INVALID_ID, "customerId does not follow the id syntax " + Ids.PATTERN);
        }
        return null;
    }

    private Rejection time(FeedbackSubmitted f, Instant now) {
        if (f.occurredAt() == null) {
            return required("occurredAt");
        }
        if (f.occurredAt().isAfter(now.plus(limits.maxFutureSkew()))) {
            return new Rejection(RejectionCodes.OCCURRED_IN_FUTURE,
                    "occurredAt is more than " + limits.maxFutureSkew() + " ahead of the service clock");
        }
        if (f.occurredAt().isBefore(now.minus(limits.maxAge()))) {
            return new Rejection(RejectionCodes.OCCURRED_TOO_LONG_AGO,
                    "occurredAt is more than " + limits.maxAge().toDays() + " days in the past");
        }
        return null;
    }

    private static Rejection score(FeedbackSubmitted f) {
        FeedbackKind kind = f.kind();
        if (!kind.isScored()) {
            return f.score() == null ? null : new Rejection(RejectionCodes.SCORE_NOT_ALLOWED,
                    "a " + kind + " has no score; leave score out");
        }
        if (f.score() == null) {
            return new Rejection(RejectionCodes.SCORE_REQUIRED,
                    "a " + kind + " needs a score from " + kind.minScore() + " to " + kind.maxScore());
        }
        if (f.score() < kind.minScore() || f.score() > kind.maxScore()) {
            return new Rejection(RejectionCodes.SCORE_OUT_OF_RANGE,
                    "score of a " + kind + " must be from " + kind.minScore() + " to " + kind.maxScore());
        }
        return null;
    }

    private Rejection text(FeedbackSubmitted f) {
        String text = f.text();
        if (!wellFormed(text)) {
            return illFormed("text");
        }
        if (text != null && text.codePointCount(0, text.length()) > FeedbackLimits.MAX_TEXT_LENGTH) {
            return new Rejection(RejectionCodes.TEXT_TOO_LONG,
                    "text is longer than " + FeedbackLimits.MAX_TEXT_LENGTH + " characters");
        }
        if (f.kind() == FeedbackKind.REVIEW && blank(text)) {
            return new Rejection(RejectionCodes.TEXT_REQUIRED, "a REVIEW needs a text");
        }
        if (f.kind() == FeedbackKind.COMPLAINT && blank(text) && (f.topics() == null || f.topics().isEmpty())) {
            return new Rejection(RejectionCodes.TEXT_REQUIRED, "a COMPLAINT needs a text or topics");
        }
        return null;
    }

    private static Rejection referral(FeedbackSubmitted f) {
        String referred = f.referredCustomerId();
        if (f.kind() != FeedbackKind.REFERRAL) {
            return blank(referred) ? null : new Rejection(RejectionCodes.REFERRAL_TARGET_NOT_ALLOWED,
                    "referredCustomerId belongs to a REFERRAL only");
        }
        if (blank(referred)) {
            return new Rejection(RejectionCodes.REFERRAL_TARGET_REQUIRED, "a REFERRAL needs referredCustomerId");
        }
        if (!Ids.isValid(referred)) {
            return new Rejection(RejectionCodes.INVALID_ID,
                    "referredCustomerId does not follow the id syntax " + Ids.PATTERN);
        }
        if (referred.equals(f.customerId())) {
            return new Rejection(RejectionCodes.SELF_REFERRAL, "a customer cannot refer themselves");
        }
        return null;
    }

    private static Rejection rest(FeedbackSubmitted f) {
        ComplaintSeverity severity = f.severity();
        if (severity != null && f.kind() != FeedbackKind.COMPLAINT && f.kind() != FeedbackKind.SUPPORT_TICKET) {
            return new Rejection(RejectionCodes.SEVERITY_NOT_ALLOWED,
                    "severity belongs to a COMPLAINT or SUPPORT_TICKET only");
        }
        if (!wellFormed(f.orderId())) {
            return illFormed("orderId");
        }
        if (!wellFormed(f.source())) {
            return illFormed("source");
        }
        if (f.orderId() != null && f.orderId().length() > FeedbackLimits.MAX_ORDER_ID_LENGTH) {
            return new Rejection(RejectionCodes.FIELD_TOO_LONG,
                    "orderId is longer than " + FeedbackLimits.MAX_ORDER_ID_LENGTH + " characters");
        }
        if (f.source() != null && f.source().length() > FeedbackLimits.MAX_SOURCE_LENGTH) {
            return new Rejection(RejectionCodes.FIELD_TOO_LONG,
                    "source is longer than " + FeedbackLimits.MAX_SOURCE_LENGTH + " characters");
        }
        if (f.topics() != null && f.topics().stream().anyMatch(Objects::isNull)) {
            return new Rejection(RejectionCodes.INVALID_TOPICS, "topics holds an empty entry");
        }
        return null;
    }

    /**
     * A JSON string may hold an unpaired surrogate ("\\ud800"), which is no Unicode text: it cannot be stored as
     * UTF-8 (MongoDB) or published faithfully, and would come back altered. Refused like a value of the wrong type.
     */
    static boolean wellFormed(String value) {
        if (value == null) {
            return true;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    private static Rejection illFormed(String field) {
        return new Rejection(RejectionCodes.INVALID_FIELD,
                "field " + field + " is not well-formed Unicode text (it holds an unpaired surrogate)");
    }

    private static Rejection required(String field) {
        return new Rejection(RejectionCodes.FIELD_REQUIRED, field + " is required");
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
