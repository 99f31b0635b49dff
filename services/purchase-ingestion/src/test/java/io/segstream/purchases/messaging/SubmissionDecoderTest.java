package io.segstream.purchases.messaging;

import io.segstream.runtime.messaging.MalformedBatchException;
import io.segstream.purchases.domain.RejectionCode;
import io.segstream.purchases.domain.Submission;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SubmissionDecoderTest {
    static final String VALID = """
            { "eventId": "evt-1", "type": "PURCHASE", "customerId": "C-10023", "orderId": "SO-88812",
              "occurredAt": "2026-11-20T09:14:03Z", "channel": "STORE", "storeId": "SH-017", "region": "CN-SH",
              "currency": "CNY", "totalAmount": "458.00", "discountAmount": "40.00",
              "items": [ { "sku": "MILK-ORG-900", "category": "infant-formula/organic", "quantity": 2,
                           "unitPrice": "249.00" } ],
              "source": "pos-shanghai", "somethingExtra": "ignored" }""";

    private final SubmissionDecoder decoder = new SubmissionDecoder(4096);

    private static byte[] bytes(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }

    private static String replace(String field, String json) {
        return VALID.replaceFirst("\"" + field + "\": (\"[^\"]*\"|\\d+)", "\"" + field + "\": " + json);
    }

    @Test
    void decodesTheContractExample() {
        Submission s = decoder.decode(bytes(VALID));
        assertThat(s.unreadable()).isNull();
        assertThat(s.purchase().eventId()).isEqualTo("evt-1");
        assertThat(s.purchase().items().get(0).unitPrice()).hasToString("249.00");
        assertThat(s.eventId()).isEqualTo("evt-1");
    }

    @Test
    void emptyTooLargeAndBrokenPayloads() {
        assertThat(decoder.decode(new byte[0]).unreadable().code()).isEqualTo(RejectionCode.EMPTY_PAYLOAD);
        assertThat(decoder.decode(null).unreadable().code()).isEqualTo(RejectionCode.EMPTY_PAYLOAD);
        assertThat(decoder.decode(new byte[4097]).unreadable().code()).isEqualTo(RejectionCode.PAYLOAD_TOO_LARGE);
        assertThat(decoder.decode(bytes("{\"eventId\": ")).unreadable().code()).isEqualTo(RejectionCode.MALFORMED_JSON);
        assertThat(decoder.decode(bytes("null")).unreadable().code()).isEqualTo(RejectionCode.MALFORMED_JSON);
        assertThat(decoder.decode(bytes(VALID + " {}")).unreadable().code()).isEqualTo(RejectionCode.MALFORMED_JSON);
        assertThat(decoder.decode(bytes("[1,2]")).unreadable().code()).isEqualTo(RejectionCode.INVALID_FIELD);
        assertThat(decoder.decode(bytes("{\"eventId\": \"a\", \"eventId\": \"b\"}")).unreadable().code())
                .as("a property given twice").isEqualTo(RejectionCode.MALFORMED_JSON);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "channel     | \"SHOP\"        | UNKNOWN_CHANNEL",
            "type        | \"SALE\"        | UNKNOWN_TYPE",
            "occurredAt  | \"yesterday\"   | INVALID_TIMESTAMP",
            "occurredAt  | 1795678443      | INVALID_TIMESTAMP",
            "totalAmount | 458.00          | INVALID_AMOUNT",
            "totalAmount | \"4.58e2\"      | INVALID_AMOUNT",
            "totalAmount | \"lots\"        | INVALID_AMOUNT",
            "unitPrice   | 249             | INVALID_AMOUNT",
            "quantity    | 2.5             | INVALID_QUANTITY",
            "quantity    | \"two\"         | INVALID_QUANTITY",
            "storeId     | {\"a\":1}       | INVALID_FIELD"})
    void contractFaultsGetTheCodeOfTheirField(String field, String json, RejectionCode expected) {
        Submission s = decoder.decode(bytes(replace(field, json)));
        assertThat(s.unreadable()).as(replace(field, json)).isNotNull();
        assertThat(s.unreadable().code()).isEqualTo(expected);
        assertThat(s.unreadable().message()).contains(field).doesNotContain("SHOP").doesNotContain("lots");
        assertThat(s.eventIdHint()).isEqualTo("evt-1");
    }

    @Test
    void missingFieldsAreLeftToTheRules() {
        Submission s = decoder.decode(bytes("{\"eventId\": \"evt-2\"}"));
        assertThat(s.unreadable()).isNull();
        assertThat(s.purchase().customerId()).isNull();
    }

    @Test
    void aBatchIsDecodedElementByElement() {
        List<Submission> batch = decoder.decodeBatch(bytes("[" + VALID + ", " + replace("channel", "\"SHOP\"")
                + ", 42]"));
        assertThat(batch).hasSize(3);
        assertThat(batch.get(0).purchase()).isNotNull();
        assertThat(batch.get(1).unreadable().code()).isEqualTo(RejectionCode.UNKNOWN_CHANNEL);
        assertThat(batch.get(1).eventIdHint()).isEqualTo("evt-1");
        assertThat(batch.get(2).unreadable().code()).isEqualTo(RejectionCode.INVALID_FIELD);
    }

    @Test
    void aBatchThatIsNotAnArrayIsRefusedAsAWhole() {
        assertThatThrownBy(() -> decoder.decodeBatch(bytes(VALID))).isInstanceOf(MalformedBatchException.class);
        assertThatThrownBy(() -> decoder.decodeBatch(bytes("[{]"))).isInstanceOf(MalformedBatchException.class);
        assertThatThrownBy(() -> decoder.decodeBatch(new byte[0])).isInstanceOf(MalformedBatchException.class);
    }
}
