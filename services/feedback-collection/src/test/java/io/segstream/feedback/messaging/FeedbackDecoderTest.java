package io.segstream.feedback.messaging;

import io.segstream.runtime.messaging.MalformedBatchException;
import io.segstream.contracts.feedback.FeedbackKind;
import io.segstream.feedback.domain.RejectionCodes;
import io.segstream.feedback.domain.Submission;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FeedbackDecoderTest {
    private static final int LIMIT = 2_000;
    private final FeedbackDecoder decoder = new FeedbackDecoder(LIMIT);

    private static byte[] bytes(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void decodesTheContractPayload() {
        Submission s = decoder.decode(bytes("""
                { "eventId": "9a0e", "kind": "NPS_SURVEY", "customerId": "C-10023", "occurredAt": "2026-11-21T10:00:00Z",
                  "score": 3, "text": "配送太慢了, delivery took a week", "orderId": "SO-88812", "channel": "ONLINE",
                  "topics": ["DELIVERY"], "referredCustomerId": null, "source": "survey-tool", "extra": "ignored" }
                """));
        assertThat(s.unreadable()).isNull();
        assertThat(s.feedback().kind()).isEqualTo(FeedbackKind.NPS_SURVEY);
        assertThat(s.feedback().text()).isEqualTo("配送太慢了, delivery took a week");
        assertThat(s.eventId()).isEqualTo("9a0e");
    }

    @Test
    void unreadablePayloadsGetStableCodesAndNoEcho() {
        assertThat(code("{not json")).isEqualTo(RejectionCodes.MALFORMED_JSON);
        assertThat(code("null")).isEqualTo(RejectionCodes.MALFORMED_JSON);
        assertThat(code("{\"eventId\":\"e\"} trailing")).isEqualTo(RejectionCodes.MALFORMED_JSON);
        assertThat(code("")).isEqualTo(RejectionCodes.EMPTY_PAYLOAD);
        assertThat(code("{\"text\":\"" + "x".repeat(LIMIT) + "\"}")).isEqualTo(RejectionCodes.PAYLOAD_TOO_LARGE);
        assertThat(code("[1,2]")).isEqualTo(RejectionCodes.INVALID_FIELD);

        Submission wrongKind = decoder.decode(bytes("{\"eventId\":\"e-1\",\"kind\":\"SECRET-VALUE\"}"));
        assertThat(wrongKind.unreadable().code()).isEqualTo(RejectionCodes.INVALID_FIELD);
        assertThat(wrongKind.unreadable().message()).contains("kind").contains("NPS_SURVEY")
                .doesNotContain("SECRET-VALUE");
        assertThat(wrongKind.eventId()).as("the eventId is kept when it can be read").isEqualTo("e-1");
        assertThat(decoder.decode(bytes("{\"score\":7.5}")).unreadable().message()).contains("score");
        assertThat(decoder.decode(bytes("{\"occurredAt\":\"yesterday\"}")).unreadable().message())
                .contains("ISO-8601");
    }

    private String code(String json) {
        return decoder.decode(bytes(json)).unreadable().code();
    }

    @Test
    void aBatchIsDecodedItemByItem() {
        List<Submission> items = decoder.decodeBatch(bytes("""
                [ {"eventId":"a","kind":"NPS_SURVEY"}, {"eventId":"b","kind":"NOPE"}, 42 ]
                """));
        assertThat(items).hasSize(3);
        assertThat(items.get(0).feedback().eventId()).isEqualTo("a");
        assertThat(items.get(1).unreadable().code()).isEqualTo(RejectionCodes.INVALID_FIELD);
        assertThat(items.get(1).eventId()).isEqualTo("b");
        assertThat(items.get(2).unreadable().code()).isEqualTo(RejectionCodes.INVALID_FIELD);
        assertThatThrownBy(() -> decoder.decodeBatch(bytes("{}"))).isInstanceOf(MalformedBatchException.class);
        assertThatThrownBy(() -> decoder.decodeBatch(bytes("[{"))).isInstanceOf(MalformedBatchException.class);
    }
}
