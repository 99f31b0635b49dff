package io.segstream.feedback.domain;

import io.segstream.contracts.ContractJson;
import io.segstream.contracts.registry.Contracts;
import io.segstream.contracts.feedback.ComplaintSeverity;
import io.segstream.contracts.feedback.FeedbackLimits;
import io.segstream.contracts.feedback.FeedbackSubmitted;
import io.segstream.contracts.feedback.FeedbackTopic;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import static io.segstream.feedback.domain.FeedbackMother.NOW;
import static org.assertj.core.api.Assertions.assertThat;

class FeedbackRulesTest {
    static final IntakeLimits LIMITS = new IntakeLimits(Duration.ofMinutes(5), Duration.ofDays(730));
    private final FeedbackRules rules = new FeedbackRules(LIMITS);

    private String code(FeedbackMother.Builder feedback) {
        return rules.check(feedback.build(), NOW).map(Rejection::code).orElse(null);
    }

    @Test
    void validFeedbackOfEveryKindPasses() {
        assertThat(code(FeedbackMother.nps(0))).isNull();
        assertThat(code(FeedbackMother.nps(10))).isNull();
        assertThat(code(FeedbackMother.csat(1))).isNull();
        assertThat(code(FeedbackMother.review(5, "great"))).isNull();
        assertThat(code(FeedbackMother.complaint("rude"))).isNull();
        assertThat(code(FeedbackMother.complaint(null).topics(List.of(FeedbackTopic.SERVICE)))).isNull();
        assertThat(code(FeedbackMother.ticket(null).severity(ComplaintSeverity.LOW))).isNull();
        assertThat(code(FeedbackMother.referral("C-2"))).isNull();
    }

    @Test
    void requiredFieldsAndIds() {
        assertThat(code(FeedbackMother.nps(9).eventId(null))).isEqualTo(RejectionCodes.FIELD_REQUIRED);
        assertThat(code(FeedbackMother.nps(9).eventId(" "))).isEqualTo(RejectionCodes.FIELD_REQUIRED);
        assertThat(code(FeedbackMother.nps(9).eventId("has space"))).isEqualTo(RejectionCodes.INVALID_ID);
        assertThat(code(FeedbackMother.nps(9).kind(null))).isEqualTo(RejectionCodes.FIELD_REQUIRED);
        assertThat(code(FeedbackMother.nps(9).customerId(null))).isEqualTo(RejectionCodes.FIELD_REQUIRED);
        assertThat(code(FeedbackMother.nps(9).customerId("C/1"))).isEqualTo(RejectionCodes.INVALID_ID);
        assertThat(code(FeedbackMother.nps(9).occurredAt(null))).isEqualTo(RejectionCodes.FIELD_REQUIRED);
        assertThat(code(FeedbackMother.nps(9).orderId("x".repeat(FeedbackLimits.MAX_ORDER_ID_LENGTH)))).isNull();
        assertThat(code(FeedbackMother.nps(9).orderId("x".repeat(FeedbackLimits.MAX_ORDER_ID_LENGTH + 1))))
                .isEqualTo(RejectionCodes.FIELD_TOO_LONG);
        assertThat(code(FeedbackMother.nps(9).source("x".repeat(FeedbackLimits.MAX_SOURCE_LENGTH)))).isNull();
        assertThat(code(FeedbackMother.nps(9).source("x".repeat(FeedbackLimits.MAX_SOURCE_LENGTH + 1))))
                .isEqualTo(RejectionCodes.FIELD_TOO_LONG);
        assertThat(code(FeedbackMother.nps(9).topics(Arrays.asList(FeedbackTopic.PRICE, null))))
                .isEqualTo(RejectionCodes.INVALID_TOPICS);
    }

    /** The published schema carries the same limits as the rules: both name the contract's constants. */
    @Test
    void theRulesRefuseExactlyAboveTheSchemasLimits() throws IOException {
        JsonNode schema;
        try (InputStream in = getClass().getResourceAsStream(Contracts.FEEDBACK_SUBMITTED.schemaPath())) {
            schema = ContractJson.mapper().readTree(in);
        }
        int text = schema.at("/properties/text/maxLength").asInt();
        int orderId = schema.at("/properties/orderId/maxLength").asInt();
        int source = schema.at("/properties/source/maxLength").asInt();
        assertThat(List.of(text, orderId, source)).containsExactly(FeedbackLimits.MAX_TEXT_LENGTH,
                FeedbackLimits.MAX_ORDER_ID_LENGTH, FeedbackLimits.MAX_SOURCE_LENGTH);

        assertThat(code(FeedbackMother.nps(9).text("t".repeat(text)).orderId("o".repeat(orderId))
                .source("s".repeat(source)))).isNull();
        assertThat(code(FeedbackMother.nps(9).text("t".repeat(text + 1)))).isEqualTo(RejectionCodes.TEXT_TOO_LONG);
        assertThat(code(FeedbackMother.nps(9).orderId("o".repeat(orderId + 1))))
                .isEqualTo(RejectionCodes.FIELD_TOO_LONG);
        assertThat(code(FeedbackMother.nps(9).source("s".repeat(source + 1)))).isEqualTo(RejectionCodes.FIELD_TOO_LONG);
    }

    @Test
    void scoresFollowTheKind() {
        assertThat(code(FeedbackMother.nps(11))).isEqualTo(RejectionCodes.SCORE_OUT_OF_RANGE);
        assertThat(code(FeedbackMother.nps(-1))).isEqualTo(RejectionCodes.SCORE_OUT_OF_RANGE);
        assertThat(code(FeedbackMother.csat(0))).isEqualTo(RejectionCodes.SCORE_OUT_OF_RANGE);
        assertThat(code(FeedbackMother.review(6, "ok"))).isEqualTo(RejectionCodes.SCORE_OUT_OF_RANGE);
        assertThat(code(FeedbackMother.nps(9).score(null))).isEqualTo(RejectionCodes.SCORE_REQUIRED);
        assertThat(code(FeedbackMother.complaint("late").score(2))).isEqualTo(RejectionCodes.SCORE_NOT_ALLOWED);
        assertThat(code(FeedbackMother.referral("C-2").score(10))).isEqualTo(RejectionCodes.SCORE_NOT_ALLOWED);
    }

    @Test
    void textRules() {
        assertThat(code(FeedbackMother.nps(9).text("x".repeat(FeedbackLimits.MAX_TEXT_LENGTH + 1))))
                .isEqualTo(RejectionCodes.TEXT_TOO_LONG);
        assertThat(code(FeedbackMother.nps(9).text("😀".repeat(FeedbackLimits.MAX_TEXT_LENGTH))))
                .as("counted in characters, not UTF-16 units").isNull();
        assertThat(code(FeedbackMother.review(4, null))).isEqualTo(RejectionCodes.TEXT_REQUIRED);
        assertThat(code(FeedbackMother.review(4, "  "))).isEqualTo(RejectionCodes.TEXT_REQUIRED);
        assertThat(code(FeedbackMother.complaint(null))).isEqualTo(RejectionCodes.TEXT_REQUIRED);
        assertThat(code(FeedbackMother.nps(9).text(null))).as("surveys need no text").isNull();
    }

    @Test
    void unpairedSurrogatesAreNoTextButEmojiAndAstralCharactersAre() {
        assertThat(code(FeedbackMother.nps(9).text("bad \ud800 text"))).isEqualTo(RejectionCodes.INVALID_FIELD);
        assertThat(code(FeedbackMother.nps(9).text("\udc00"))).isEqualTo(RejectionCodes.INVALID_FIELD);
        assertThat(code(FeedbackMother.nps(9).text("ab\ud83d"))).isEqualTo(RejectionCodes.INVALID_FIELD);
        assertThat(code(FeedbackMother.nps(9).text("\ude00\ud83d"))).as("pair in the wrong order")
                .isEqualTo(RejectionCodes.INVALID_FIELD);
        assertThat(code(FeedbackMother.nps(9).orderId("SO-\ud800"))).isEqualTo(RejectionCodes.INVALID_FIELD);
        assertThat(code(FeedbackMother.nps(9).source("\udfff"))).isEqualTo(RejectionCodes.INVALID_FIELD);
        assertThat(code(FeedbackMother.nps(9).text("😀 𠀀 好 \u202e \u0000"))).isNull();
    }

    @Test
    void referralRules() {
        assertThat(code(FeedbackMother.referral(null))).isEqualTo(RejectionCodes.REFERRAL_TARGET_REQUIRED);
        assertThat(code(FeedbackMother.referral("C-10023"))).isEqualTo(RejectionCodes.SELF_REFERRAL);
        assertThat(code(FeedbackMother.referral("C 2"))).isEqualTo(RejectionCodes.INVALID_ID);
        assertThat(code(FeedbackMother.nps(9).referredCustomerId("C-2")))
                .isEqualTo(RejectionCodes.REFERRAL_TARGET_NOT_ALLOWED);
    }

    @Test
    void severityOnlyOnComplaintsAndTickets() {
        assertThat(code(FeedbackMother.nps(3).severity(ComplaintSeverity.HIGH)))
                .isEqualTo(RejectionCodes.SEVERITY_NOT_ALLOWED);
    }

    @Test
    void occurredAtWithinTheAcceptedWindow() {
        assertThat(code(FeedbackMother.nps(9).occurredAt(NOW.plus(Duration.ofMinutes(5))))).isNull();
        assertThat(code(FeedbackMother.nps(9).occurredAt(NOW.plus(Duration.ofMinutes(6)))))
                .isEqualTo(RejectionCodes.OCCURRED_IN_FUTURE);
        assertThat(code(FeedbackMother.nps(9).occurredAt(NOW.minus(Duration.ofDays(731)))))
                .isEqualTo(RejectionCodes.OCCURRED_TOO_LONG_AGO);
    }

    @Test
    void messagesNeverEchoTheText() {
        FeedbackSubmitted secret = FeedbackMother.nps(9)
                .text("my phone is 13800138000 " + "x".repeat(FeedbackLimits.MAX_TEXT_LENGTH)).build();
        Rejection why = rules.check(secret, NOW).orElseThrow();
        assertThat(why.message()).doesNotContain("13800138000");
    }
}
