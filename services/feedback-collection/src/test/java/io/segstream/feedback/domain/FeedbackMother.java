package io.segstream.feedback.domain;

import io.segstream.contracts.Channel;
import io.segstream.contracts.feedback.ComplaintSeverity;
import io.segstream.contracts.feedback.FeedbackKind;
import io.segstream.contracts.feedback.FeedbackSubmitted;
import io.segstream.contracts.feedback.FeedbackTopic;

import java.time.Instant;
import java.util.List;

/** Feedback for tests: a valid one of each kind, and a builder to change one field at a time. */
public final class FeedbackMother {
    public static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");

    private FeedbackMother() {
    }

    public static Builder nps(int score) {
        return new Builder().kind(FeedbackKind.NPS_SURVEY).score(score);
    }

    public static Builder csat(int score) {
        return new Builder().kind(FeedbackKind.CSAT_SURVEY).score(score);
    }

    public static Builder review(int score, String text) {
        return new Builder().kind(FeedbackKind.REVIEW).score(score).text(text);
    }

    public static Builder complaint(String text) {
        return new Builder().kind(FeedbackKind.COMPLAINT).text(text).severity(ComplaintSeverity.HIGH);
    }

    public static Builder ticket(String text) {
        return new Builder().kind(FeedbackKind.SUPPORT_TICKET).text(text);
    }

    public static Builder referral(String referred) {
        return new Builder().kind(FeedbackKind.REFERRAL).referredCustomerId(referred);
    }

    /** A builder over every field of {@link FeedbackSubmitted}. */
    public static final class Builder {
        private String eventId = "ev-" + java.util.UUID.randomUUID();
        private FeedbackKind kind = FeedbackKind.NPS_SURVEY;
        private String customerId = "C-10023";
        private Instant occurredAt = NOW.minusSeconds(3600);
        private Integer score;
        private String text;
        private String orderId = "SO-88812";
        private Channel channel = Channel.ONLINE;
        private List<FeedbackTopic> topics;
        private String referredCustomerId;
        private ComplaintSeverity severity;
        private String source = "survey-tool";

        public Builder eventId(String value) {
            eventId = value;
            return this;
        }

        public Builder kind(FeedbackKind value) {
            kind = value;
            return this;
        }

        public Builder customerId(String value) {
            customerId = value;
            return this;
        }

        public Builder occurredAt(Instant value) {
            occurredAt = value;
            return this;
        }

        public Builder score(Integer value) {
            score = value;
            return this;
        }

        public Builder text(String value) {
            text = value;
            return this;
        }

        public Builder orderId(String value) {
            orderId = value;
            return this;
        }

        public Builder channel(Channel value) {
            channel = value;
            return this;
        }

        public Builder topics(List<FeedbackTopic> value) {
            topics = value;
            return this;
        }

        public Builder referredCustomerId(String value) {
            referredCustomerId = value;
            return this;
        }

        public Builder severity(ComplaintSeverity value) {
            severity = value;
            return this;
        }

        public Builder source(String value) {
            source = value;
            return this;
        }

        public FeedbackSubmitted build() {
            return new FeedbackSubmitted(eventId, kind, customerId, occurredAt, score, text, orderId, channel, topics,
                    referredCustomerId, severity, source);
        }

        public Submission submission() {
            return Submission.of(build());
        }
    }
}
