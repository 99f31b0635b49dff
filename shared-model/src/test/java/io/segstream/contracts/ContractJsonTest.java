package io.segstream.contracts;

import io.segstream.contracts.purchase.LineItem;
import io.segstream.contracts.purchase.PurchaseSubmitted;
import io.segstream.contracts.segment.ProfileSnapshot;
import io.segstream.contracts.segment.SegmentChanged;
import io.segstream.contracts.segment.SegmentKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The one JSON setup: money, instants, enums, unknown fields, strict types and parser limits. */
class ContractJsonTest {
    private static final JsonMapper JSON = ContractJson.mapper();
    private static final String LINE = """
            {"sku": "MILK-ORG-900", "category": "infant-formula/organic", "quantity": 2, "unitPrice": %s}""";

    private static LineItem line(String unitPriceJson) {
        return JSON.readValue(LINE.formatted(unitPriceJson), LineItem.class);
    }

    private static String purchase(String extraProperties) {
        return """
                {"eventId": "E-1", "type": "PURCHASE", "customerId": "C-10023", "orderId": "SO-1",
                 "occurredAt": "2026-11-20T09:14:03Z", "channel": "STORE", "currency": "CNY",
                 "totalAmount": "458.00", "items": [{"sku": "MILK-ORG-900", "quantity": 2, "unitPrice": "229.00"}]
                 %s}""".formatted(extraProperties);
    }

    @Test
    void moneyIsWrittenAsADecimalStringWithItsScale() {
        LineItem item = new LineItem("MILK-ORG-900", null, 2, new BigDecimal("458.00"));

        JsonNode written = JSON.readTree(JSON.writeValueAsString(item));

        assertThat(written.get("unitPrice").isString()).isTrue();
        assertThat(written.get("unitPrice").asString()).isEqualTo("458.00");
        assertThat(line("\"458.00\"").unitPrice()).isEqualByComparingTo("458").hasScaleOf(2);
        assertThat(JSON.writeValueAsString(line("\"0.10\""))).contains("\"unitPrice\":\"0.10\"");
    }

    @Test
    void moneyIsNeverWrittenInExponentForm() {
        LineItem item = new LineItem("SKU-1", null, 1, new BigDecimal("1E+3"));

        assertThat(JSON.writeValueAsString(item)).contains("\"unitPrice\":\"1000\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"249.00", "249", "-1.5"})
    void aJsonNumberForMoneyIsRefused(String number) {
        assertThatThrownBy(() -> line(number)).isInstanceOf(MismatchedInputException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"2.49e2\"", "\"2.49E+2\"", "\"1e999999999\"", "\"1234567890123456.00\"",
            "\"1.0000001\"", "\"1,000.00\"", "\" 249.00\"", "\"+249.00\"", "\"\"", "\"NaN\"", "\"Infinity\""})
    void malformedOrAbsurdMoneyIsRefused(String text) {
        assertThatThrownBy(() -> line(text)).isInstanceOf(InvalidFormatException.class)
                .hasMessageContaining("money must be a decimal string");
    }

    @Test
    void unknownFieldsAreIgnoredAndPersonalDataIsNotKept() {
        String payload = purchase("""
                , "email": "li.wei@example.com", "customerName": "Li Wei",
                  "loyalty": {"phone": "+86 138 0000 0000", "tiers": [[1, 2], [3]]}""");

        PurchaseSubmitted read = JSON.readValue(payload, PurchaseSubmitted.class);
        String written = JSON.writeValueAsString(read);

        assertThat(read.customerId()).isEqualTo("C-10023");
        assertThat(read.toString()).doesNotContain("li.wei@example.com", "Li Wei", "138 0000");
        assertThat(written).doesNotContain("li.wei@example.com", "Li Wei", "138 0000", "email", "loyalty");
        assertThat(JSON.readTree(written).propertyNames()).doesNotContain("email", "customerName", "loyalty");
    }

    @Test
    void instantsAreWrittenInIso8601Utc() {
        SegmentChanged change = new SegmentChanged("E-1", "C-10023", SegmentKind.DIMENSION, "lifecycle", null,
                "NEW", 1, "E-0", Instant.parse("2026-11-20T09:14:03Z"), new ProfileSnapshot(0, 1, null, null));

        JsonNode written = JSON.readTree(JSON.writeValueAsString(change));

        assertThat(written.get("occurredAt").asString()).isEqualTo("2026-11-20T09:14:03Z");
    }

    @Test
    void anInstantWithAnOffsetIsReadAsTheSameMomentAndWrittenInUtc() {
        String payload = purchase("").replace("2026-11-20T09:14:03Z", "2026-11-20T17:14:03+08:00");

        PurchaseSubmitted read = JSON.readValue(payload, PurchaseSubmitted.class);

        assertThat(read.occurredAt()).isEqualTo(Instant.parse("2026-11-20T09:14:03Z"));
        assertThat(JSON.readTree(JSON.writeValueAsString(read)).get("occurredAt").asString())
                .isEqualTo("2026-11-20T09:14:03Z");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1763630043", "1763630043000", "\"1763630043\"", "\"2026-11-20T09:14:03\"",
            "\"2026-11-20\"", "\"20/11/2026 09:14\"", "\"2026-02-30T09:14:03Z\""})
    void instantsWithoutADateTimeAndOffsetAreRefused(String occurredAt) {
        String payload = purchase("").replace("\"2026-11-20T09:14:03Z\"", occurredAt);

        assertThatThrownBy(() -> JSON.readValue(payload, PurchaseSubmitted.class))
                .isInstanceOf(MismatchedInputException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"SHOP\"", "\"store\"", "\"\"", "2"})
    void enumsAreStrict(String channel) {
        String payload = purchase("").replace("\"STORE\"", channel);

        assertThatThrownBy(() -> JSON.readValue(payload, PurchaseSubmitted.class))
                .isInstanceOf(MismatchedInputException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"sku\": \"SKU-1\", \"quantity\": 2.5, \"unitPrice\": \"1.00\"}",
            "{\"sku\": \"SKU-1\", \"quantity\": 2.0, \"unitPrice\": \"1.00\"}",
            "{\"sku\": \"SKU-1\", \"quantity\": \"2\", \"unitPrice\": \"1.00\"}",
            "{\"sku\": \"SKU-1\", \"quantity\": true, \"unitPrice\": \"1.00\"}",
            "{\"sku\": 900, \"quantity\": 2, \"unitPrice\": \"1.00\"}",
            "{\"sku\": true, \"quantity\": 2, \"unitPrice\": \"1.00\"}"})
    void valuesAreNotCoercedBetweenTypes(String payload) {
        // 2.5 units must not silently become 2; "2" and 900 are a producer's type error, not a value.
        assertThatThrownBy(() -> JSON.readValue(payload, LineItem.class))
                .isInstanceOf(MismatchedInputException.class);
    }

    @Test
    void aPropertyGivenTwiceIsRefused() {
        String payload = purchase(", \"totalAmount\": \"4.58\"");

        assertThatThrownBy(() -> JSON.readValue(payload, PurchaseSubmitted.class))
                .isInstanceOf(JacksonException.class)
                .hasMessageContaining("Duplicate");
    }

    @Test
    void nullForAPrimitiveIsRefused() {
        String payload = """
                {"eventId": "E-1", "customerId": "C-1", "kind": "DIMENSION", "key": "lifecycle", "to": "NEW",
                 "definitionVersion": null, "causedBy": "E-0", "occurredAt": "2026-11-20T09:14:03Z"}""";

        assertThatThrownBy(() -> JSON.readValue(payload, SegmentChanged.class))
                .isInstanceOf(MismatchedInputException.class);
    }

    @Test
    void trailingContentIsRefused() {
        String payload = purchase("") + " {}";

        assertThatThrownBy(() -> JSON.readValue(payload, PurchaseSubmitted.class))
                .isInstanceOf(MismatchedInputException.class);
    }

    @Test
    void nestingDeeperThanTheLimitIsRefusedEvenInAnIgnoredField() {
        String tooDeep = "[".repeat(ContractJson.MAX_NESTING_DEPTH) + "]".repeat(ContractJson.MAX_NESTING_DEPTH);
        String deepEnough = "[".repeat(ContractJson.MAX_NESTING_DEPTH - 2)
                + "]".repeat(ContractJson.MAX_NESTING_DEPTH - 2);

        assertThatThrownBy(() -> JSON.readValue(purchase(", \"junk\": " + tooDeep), PurchaseSubmitted.class))
                .isInstanceOf(StreamConstraintsException.class);
        assertThat(JSON.readValue(purchase(", \"junk\": " + deepEnough), PurchaseSubmitted.class)).isNotNull();
    }

    @Test
    void aNumberLongerThanTheLimitIsRefused() {
        String huge = "9".repeat(ContractJson.MAX_NUMBER_LENGTH + 1);

        assertThatThrownBy(() -> JSON.readValue(LINE.formatted("\"1.00\"").replace("\"quantity\": 2",
                "\"quantity\": " + huge), LineItem.class))
                .isInstanceOf(StreamConstraintsException.class);
    }

    @Test
    void aMapperThatFrameworksBuildWithConfigureFollowsTheSameRules() {
        JsonMapper configured = ContractJson.configure(JsonMapper.builder()).build();
        LineItem item = new LineItem("SKU-1", null, 1, new BigDecimal("458.00"));

        assertThat(configured.writeValueAsString(item)).isEqualTo(JSON.writeValueAsString(item));
        assertThatThrownBy(() -> configured.readValue(LINE.formatted("249.00"), LineItem.class))
                .isInstanceOf(MismatchedInputException.class);
        assertThatThrownBy(() -> configured.readValue(purchase("").replace("\"STORE\"", "\"SHOP\""),
                PurchaseSubmitted.class)).isInstanceOf(MismatchedInputException.class);
        assertThatThrownBy(() -> configured.readValue(purchase("").replace("\"2026-11-20T09:14:03Z\"", "1763630043"),
                PurchaseSubmitted.class)).isInstanceOf(MismatchedInputException.class);
    }

    @Test
    void utf8TextSurvivesUnchanged() {
        String text = "配送太慢了, delivery took a week";
        byte[] payload = ("""
                {"eventId": "E-1", "kind": "NPS_SURVEY", "customerId": "C-1", "occurredAt": "2026-11-21T10:00:00Z",
                 "score": 3, "text": "%s"}""".formatted(text)).getBytes(StandardCharsets.UTF_8);

        var read = JSON.readValue(payload, io.segstream.contracts.feedback.FeedbackSubmitted.class);

        assertThat(read.text()).isEqualTo(text);
        assertThat(new String(JSON.writeValueAsBytes(read), StandardCharsets.UTF_8)).contains(text);
        assertThat(read.topics()).isNull();
    }
}
