package io.segstream.contracts;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** The schemas are not vacuous: typical mistakes of a producer fail them, tolerated variations pass. */
class SchemaRulesTest {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    static Stream<Arguments> variations() {
        return Stream.of(
                refused("purchase-submitted", "money as a JSON number",
                        p -> p.put("totalAmount", new BigDecimal("458.00"))),
                refused("purchase-submitted", "money in exponent form", p -> p.put("totalAmount", "4.58e2")),
                refused("purchase-submitted", "money with 7 fraction digits", p -> p.put("totalAmount", "1.0000001")),
                refused("purchase-submitted", "a negative amount", p -> p.put("totalAmount", "-458.00")),
                refused("purchase-submitted", "an unknown channel", p -> p.put("channel", "SHOP")),
                refused("purchase-submitted", "no customerId", p -> p.remove("customerId")),
                refused("purchase-submitted", "a customerId with a slash", p -> p.put("customerId", "C/10023")),
                refused("purchase-submitted", "an instant that is not a date-time",
                        p -> p.put("occurredAt", "yesterday")),
                refused("purchase-submitted", "an epoch number as instant", p -> p.put("occurredAt", 1_763_630_043L)),
                refused("purchase-submitted", "no items", p -> p.set("items", NODES.arrayNode())),
                refused("purchase-submitted", "a line of zero units",
                        p -> ((ObjectNode) p.get("items").get(0)).put("quantity", 0)),
                refused("purchase-submitted", "a lower-case currency", p -> p.put("currency", "cny")),
                accepted("purchase-submitted", "an unknown field (tolerated, dropped)",
                        p -> p.put("email", "li.wei@example.com")),
                accepted("purchase-submitted", "optional fields left out", p -> {
                    p.remove("storeId");
                    p.remove("region");
                    p.remove("discountAmount");
                    p.remove("source");
                }),
                refused("purchase-recorded", "an unknown field on an event Segstream writes",
                        p -> p.put("email", "li.wei@example.com")),
                refused("purchase-recorded", "no reportingAmount", p -> p.remove("reportingAmount")),
                refused("feedback-submitted", "an NPS score above 10", p -> p.put("score", 11)),
                refused("feedback-submitted", "a fractional score", p -> p.put("score", 7.5)),
                refused("feedback-submitted", "an unknown topic",
                        p -> p.set("topics", NODES.arrayNode().add("WEATHER"))),
                refused("feedback-submitted", "a CSAT score of 0", p -> {
                    p.put("kind", "CSAT_SURVEY");
                    p.put("score", 0);
                }),
                accepted("feedback-submitted", "an NPS answer of 0", p -> p.put("score", 0)),
                accepted("feedback-submitted-complaint", "a complaint without score or topics", p -> {
                    p.remove("score");
                    p.remove("topics");
                }),
                refused("feedback-recorded", "no sentiment", p -> p.remove("sentiment")),
                refused("feedback-recorded", "topics left null", p -> p.putNull("topics")),
                accepted("segment-changed", "a first classification (from null)", p -> p.putNull("from")),
                refused("segment-changed", "definition version 0", p -> p.put("definitionVersion", 0)),
                refused("segment-changed-audience", "an audience change that changes nothing",
                        p -> p.put("from", "true")),
                refused("segment-changed-audience", "an audience change without from", p -> p.putNull("from")),
                refused("segment-changed-audience", "JSON booleans instead of \"true\"/\"false\"", p -> {
                    p.put("from", false);
                    p.put("to", true);
                }),
                accepted("segment-changed-audience", "an audience exit", p -> {
                    p.put("from", "true");
                    p.put("to", "false");
                }),
                refused("segment-changed", "monetary as a number",
                        p -> ((ObjectNode) p.get("profile")).put("monetary", 3120.0)),
                refused("churn-alert", "a risk score above 1", p -> p.put("riskScore", 1.2)),
                refused("churn-alert", "an unknown reason",
                        p -> ((ArrayNode) p.get("reasons")).add("BAD_WEATHER")),
                accepted("churn-alert", "no fitted model yet", p -> {
                    p.putNull("pAlive");
                    p.putNull("expectedPurchases90d");
                }),
                refused("customer-erasure-requested", "no requestedBy", p -> p.remove("requestedBy")),
                refused("customer-erasure-requested", "a path in the customerId", p -> p.put("customerId", "../C-1")));
    }

    @ParameterizedTest(name = "{0}: {1} -> valid={3}")
    @MethodSource("variations")
    void schemaDecides(String example, String variation, Consumer<ObjectNode> change, boolean valid) {
        var file = ContractFiles.directory(ContractFiles.EXAMPLES).resolve(example + ".json");
        EventContract<?> contract = ContractFiles.contractOf(file);
        ObjectNode payload = (ObjectNode) ContractJson.mapper().readTree(ContractFiles.bytes(file));
        change.accept(payload);

        var errors = ContractFiles.schema(contract).validate((JsonNode) payload);

        if (valid) {
            assertThat(errors).as(variation).isEmpty();
        } else {
            assertThat(errors).as(variation).isNotEmpty();
        }
    }

    private static Arguments refused(String example, String variation, Consumer<ObjectNode> change) {
        return arguments(example, variation, change, false);
    }

    private static Arguments accepted(String example, String variation, Consumer<ObjectNode> change) {
        return arguments(example, variation, change, true);
    }
}
