package io.segstream.purchases;

import io.segstream.contracts.ContractJson;
import io.segstream.contracts.purchase.PurchaseSubmitted;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;

import static io.segstream.purchases.domain.PurchaseMother.purchase;

/**
 * Generated bad inputs for the fuzz test: every one of them must be refused (4xx, a rejected batch item or a dead
 * letter), whatever the seed. Each knows its kind, so a failure names what was sent. Ids and amounts are chosen so
 * that a mutation can only make an event invalid: text oddities go into id fields (where the contract allows only
 * printable ASCII), wrong types replace fields that are typed strictly, null replaces required fields only.
 */
final class BadInputs {
    /** One input: what kind it is (for messages) and the bytes sent. */
    record BadInput(String kind, byte[] body) {
        @Override
        public String toString() {
            return kind + " (" + body.length + " bytes)";
        }
    }

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** A writer without the contract's limits, so that it can write what the service must refuse. */
    private static final JsonMapper PLAIN = JsonMapper.builder().build();
    private static final String[] ID_FIELDS = {"eventId", "customerId", "orderId"};
    private static final String[] STRING_FIELDS = {"eventId", "customerId", "orderId", "type", "channel",
            "currency", "occurredAt", "storeId", "region", "source"};
    private static final String[] REQUIRED_FIELDS = {"eventId", "type", "customerId", "orderId", "occurredAt",
            "channel", "currency", "totalAmount", "items"};
    /** Strings that are never a valid id: unicode edge cases, spaces, path characters, overlong. */
    private static final String[] BAD_ID_TEXT = {
            "\uD800", "x\uDC00y", "\uDBFF", "evt\u0000", "\u0000", "evt\u202Egnp.exe", "\u202E", "evt-\uD83D\uDE00",
            "\uD83D\uDE00", "\uFEFFevt", "e v t", "evt/../../etc", "evt?x=1", "evt#frag", "", " ", "\t",
            "-leading-dash", "évt", "ｅｖｔ", "evt\n", "\u0085evt", "\u2028", "evt%00", "'; DROP TABLE purchases;--",
            "{\"$ne\":null}", "$where"};
    /** Bytes that are not valid UTF-8 (overlong encodings, surrogates, stray continuation and 5-byte forms). */
    private static final byte[][] BAD_UTF8 = {
            {(byte) 0xC0, (byte) 0xAF}, {(byte) 0xC0, (byte) 0x80}, {(byte) 0xE0, (byte) 0x80, (byte) 0xAF},
            {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0xED, (byte) 0xBF, (byte) 0xBF}, {(byte) 0xFF},
            {(byte) 0xFE}, {(byte) 0x80}, {(byte) 0xBF}, {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80,
            (byte) 0x80}, {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, {(byte) 0xE2, (byte) 0x82},
            {(byte) 0xC3}};
    private static final String[] HUGE_NUMBERS = {"1e400", "-1e400", "1E+999999999", "1e-400",
            "1234567890123456789012345678901234567890", "-1234567890123456789012345678901234567890",
            "99999999999999999999", "0.0000000000000000000000000000000000001", "NaN", "Infinity", "-0", "1.5",
            "2147483648", "-2147483649"};

    private final Random random;
    private final List<Supplier<BadInput>> single = new ArrayList<>();

    BadInputs(Random random) {
        this.random = random;
        single.add(this::truncated);
        single.add(this::garbage);
        single.add(this::wrongType);
        single.add(this::missingRequired);
        single.add(this::hugeNumber);
        single.add(this::hugeNumberRaw);
        single.add(this::deeplyNested);
        single.add(this::badIdText);
        single.add(this::badUtf8InId);
        single.add(this::rawControlCharacter);
        single.add(this::duplicateKey);
        single.add(this::notAnObject);
        single.add(this::longStrings);
        single.add(this::brokenItems);
        single.add(this::brokenRules);
    }

    /** A bad single event (a request body or a Kafka message). */
    BadInput single() {
        return single.get(random.nextInt(single.size())).get();
    }

    /** A bad batch body: not an array, a broken array, or a bad single event in place of the array. */
    BadInput batchBody() {
        return switch (random.nextInt(6)) {
            case 0 -> {
                // A bad single event is a bad batch body, except one wrapped in an array: that is a good batch.
                BadInput input = single();
                while (input.body().length > 1 && input.body()[0] == '[' && input.body()[1] == '{') {
                    input = single();
                }
                yield input;
            }
            case 1 -> {
                byte[] array = array(random.nextInt(5) + 1);
                yield new BadInput("truncated batch", java.util.Arrays.copyOf(array, random.nextInt(array.length)));
            }
            case 2 -> new BadInput("deeply nested batch", nestedArrays(17 + random.nextInt(3000)));
            case 3 -> new BadInput("batch element with a raw control character",
                    ("[" + text(validTree()).replaceFirst("\"SH-017\"", "\"SH\u0001017\"") + "]")
                            .getBytes(StandardCharsets.UTF_8));
            case 4 -> new BadInput("batch element with a duplicate key",
                    ("[" + text(validTree()).replaceFirst("\\{", "{\"currency\":\"USD\",") + "]")
                            .getBytes(StandardCharsets.UTF_8));
            default -> pick(new BadInput[]{
                    new BadInput("batch: JSON null", "null".getBytes(StandardCharsets.UTF_8)),
                    new BadInput("batch: object", "{}".getBytes(StandardCharsets.UTF_8)),
                    new BadInput("batch: string", "\"[]\"".getBytes(StandardCharsets.UTF_8)),
                    new BadInput("batch: number", "1e400".getBytes(StandardCharsets.UTF_8)),
                    new BadInput("batch: two arrays", "[][]".getBytes(StandardCharsets.UTF_8)),
                    new BadInput("batch: trailing comma", "[{},]".getBytes(StandardCharsets.UTF_8)),
                    new BadInput("batch: empty body", new byte[0]),
                    new BadInput("batch: whitespace", "  \n ".getBytes(StandardCharsets.UTF_8))});
        };
    }

    /** A bad element inside an otherwise valid batch array (a JSON value, written as is). */
    String batchElement() {
        return switch (random.nextInt(4)) {
            case 0 -> pick(new String[]{"null", "1", "\"evt\"", "true", "[]", "[{}]", "{}", "1e400",
                    "12345678901234567890"});
            default -> {
                BadInput bad;
                do {
                    bad = single();
                } while (!isOneJsonObject(bad.body()));
                yield new String(bad.body(), StandardCharsets.UTF_8);
            }
        };
    }

    /** A batch of more than 1,000 valid-looking events (413 BATCH_TOO_LARGE). */
    byte[] overLongBatch() {
        return array(1001 + random.nextInt(50));
    }

    // ------------------------------------------------------------------------------------------------ generators

    private BadInput truncated() {
        byte[] valid = bytes(validTree());
        int cut = random.nextInt(valid.length); // any proper prefix of a JSON object is not JSON
        return new BadInput("truncated at " + cut, java.util.Arrays.copyOf(valid, cut));
    }

    private BadInput garbage() {
        return switch (random.nextInt(4)) {
            case 0 -> {
                byte[] bytes = new byte[1 + random.nextInt(200)];
                random.nextBytes(bytes);
                bytes[0] = (byte) ('!' + random.nextInt(20)); // never a valid start of JSON (not { [ " digit t f n)
                if (bytes[0] == '"' || bytes[0] == '-') {
                    bytes[0] = '!';
                }
                yield new BadInput("random bytes", bytes);
            }
            case 1 -> new BadInput("unbalanced", pick(new String[]{"{", "}", "{{}}", "{\"eventId\":}", "{,}",
                    "{\"a\" \"b\"}", "{'eventId':'x'}", "{eventId:1}", "{\"a\":1}}", "[", "]"})
                    .getBytes(StandardCharsets.UTF_8));
            case 2 -> new BadInput("JSON null or whitespace", pick(new String[]{"null", " ", "\n\t", "nul"})
                    .getBytes(StandardCharsets.UTF_8));
            default -> new BadInput("two documents", (text(validTree()) + " " + text(validTree()))
                    .getBytes(StandardCharsets.UTF_8));
        };
    }

    private BadInput wrongType() {
        ObjectNode tree = validTree();
        String field = pick(STRING_FIELDS);
        JsonNode value = pick(new JsonNode[]{NODES.numberNode(42), NODES.numberNode(4.2), NODES.booleanNode(true),
                NODES.objectNode().put("value", "x"), NODES.arrayNode().add("x"), NODES.arrayNode()});
        if (random.nextBoolean()) {
            // money and quantities: numbers are refused (money is a decimal string), strings for a quantity too
            field = pick(new String[]{"totalAmount", "discountAmount", "items"});
            value = switch (field) {
                case "items" -> pick(new JsonNode[]{NODES.stringNode("SKU-1"), NODES.numberNode(2),
                        NODES.objectNode(), NODES.booleanNode(false)});
                default -> pick(new JsonNode[]{NODES.numberNode(458), NODES.numberNode(458.0),
                        NODES.stringNode("458,00"), NODES.stringNode("four hundred"), NODES.stringNode("4.58e2"),
                        NODES.stringNode("0x1CA"), NODES.booleanNode(true), NODES.arrayNode().add("458.00")});
            };
        }
        tree.set(field, value);
        return new BadInput("wrong type of " + field + ": " + value, bytes(tree));
    }

    private BadInput missingRequired() {
        ObjectNode tree = validTree();
        String field = pick(REQUIRED_FIELDS);
        if (random.nextBoolean()) {
            tree.remove(field);
            return new BadInput("without " + field, bytes(tree));
        }
        tree.putNull(field);
        return new BadInput(field + " null", bytes(tree));
    }

    private BadInput hugeNumber() {
        ObjectNode tree = validTree();
        String number = pick(HUGE_NUMBERS);
        String target = pick(new String[]{"quantity", "totalAmount", "unitPrice", "eventId", "occurredAt"});
        String json = text(tree);
        String replaced = switch (target) {
            case "quantity" -> json.replaceFirst("\"quantity\":\\d+", "\"quantity\":" + number);
            case "unitPrice" -> json.replaceFirst("\"unitPrice\":\"[^\"]*\"", "\"unitPrice\":" + number);
            default -> json.replaceFirst("\"" + target + "\":\"[^\"]*\"", "\"" + target + "\":" + number);
        };
        if (number.equals("1.5") && !target.equals("quantity")) {
            replaced = json.replaceFirst("\"quantity\":\\d+", "\"quantity\":1.5");
        }
        return new BadInput("number " + number + " as " + target, replaced.getBytes(StandardCharsets.UTF_8));
    }

    /** Huge numbers as money strings: parsed, then refused by the money rules rather than by JSON. */
    private BadInput hugeNumberRaw() {
        ObjectNode tree = validTree();
        String amount = pick(new String[]{"1e400", "1E+2147483647", "1234567890123456789012345678901234567890.00",
                "9999999999999999.99", "0.0000001", "-0.01", "+458.00", " 458.00", "458.00 ", ".5", "5.", "--1"});
        tree.put(pick(new String[]{"totalAmount", "discountAmount"}), amount);
        return new BadInput("money string " + amount, bytes(tree));
    }

    private BadInput deeplyNested() {
        int depth = 17 + random.nextInt(random.nextBoolean() ? 100 : 20_000);
        return switch (random.nextInt(3)) {
            case 0 -> new BadInput("arrays nested " + depth, nestedArrays(depth));
            case 1 -> {
                StringBuilder json = new StringBuilder();
                json.append("{\"a\":".repeat(depth)).append("1").append("}".repeat(depth));
                yield new BadInput("objects nested " + depth, json.toString().getBytes(StandardCharsets.UTF_8));
            }
            default -> {
                // nested in a field the contract does not know: skipped by binding, but the parser still refuses it
                String nested = "[".repeat(depth) + "]".repeat(depth);
                String json = text(validTree()).replaceFirst("\\{", "{\"extra\":" + nested + ",");
                yield new BadInput("unknown field nested " + depth, json.getBytes(StandardCharsets.UTF_8));
            }
        };
    }

    private BadInput badIdText() {
        ObjectNode tree = validTree();
        String field = pick(ID_FIELDS);
        String value = pick(BAD_ID_TEXT);
        tree.put(field, value);
        return new BadInput(field + " = " + escape(value), bytes(tree));
    }

    private BadInput badUtf8InId() {
        String field = pick(ID_FIELDS);
        byte[] valid = bytes(validTree());
        String json = new String(valid, StandardCharsets.UTF_8);
        int at = json.indexOf("\"" + field + "\":\"") + field.length() + 5;
        byte[] bad = pick(BAD_UTF8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] prefix = json.substring(0, at).getBytes(StandardCharsets.UTF_8);
        out.write(prefix, 0, prefix.length);
        out.write(bad, 0, bad.length);
        byte[] rest = json.substring(at).getBytes(StandardCharsets.UTF_8);
        out.write(rest, 0, rest.length);
        return new BadInput("invalid UTF-8 " + hex(bad) + " in " + field, out.toByteArray());
    }

    private BadInput rawControlCharacter() {
        char control = (char) random.nextInt(0x20);
        String json = text(validTree()).replaceFirst("\"SH-017\"", "\"SH" + control + "017\"");
        return new BadInput("raw control character " + (int) control + " in a string",
                json.getBytes(StandardCharsets.UTF_8));
    }

    private BadInput duplicateKey() {
        String field = pick(REQUIRED_FIELDS);
        String json = text(validTree());
        String duplicate = switch (field) {
            case "items" -> "\"items\":[]";
            case "totalAmount" -> "\"totalAmount\":\"1.00\"";
            default -> "\"" + field + "\":" + PLAIN.writeValueAsString(validTree().get(field));
        };
        return new BadInput("duplicate key " + field,
                json.replaceFirst("\\{", "{" + duplicate + ",").getBytes(StandardCharsets.UTF_8));
    }

    private BadInput notAnObject() {
        String value = pick(new String[]{"[]", "[" + text(validTree()) + "]", "\"purchase\"", "42", "true", "false",
                "1e400", "\"\\ud800\""});
        return new BadInput("not an object: " + (value.length() > 20 ? value.substring(0, 20) + "…" : value),
                value.getBytes(StandardCharsets.UTF_8));
    }

    private BadInput longStrings() {
        ObjectNode tree = validTree();
        String field = pick(new String[]{"eventId", "customerId", "orderId", "storeId", "region", "source",
                "currency"});
        int length = switch (field) {
            case "eventId", "customerId", "orderId", "source" -> 129 + random.nextInt(random.nextBoolean() ? 10
                    : 200_000);
            case "currency" -> 4 + random.nextInt(1000);
            default -> 65 + random.nextInt(random.nextBoolean() ? 10 : 200_000);
        };
        tree.put(field, "A".repeat(length));
        return new BadInput(field + " of " + length + " characters", bytes(tree));
    }

    private BadInput brokenItems() {
        ObjectNode tree = validTree();
        ArrayNode items = (ArrayNode) tree.get("items");
        ObjectNode item = (ObjectNode) items.get(0);
        String what;
        switch (random.nextInt(8)) {
            case 0 -> {
                items.addNull();
                what = "a null item";
            }
            case 1 -> {
                item.put("quantity", 0);
                what = "quantity 0";
            }
            case 2 -> {
                item.put("quantity", -2);
                what = "negative quantity";
            }
            case 3 -> {
                item.put("quantity", "2");
                what = "quantity as a string";
            }
            case 4 -> {
                item.remove("sku");
                what = "item without sku";
            }
            case 5 -> {
                item.put("sku", "S".repeat(65 + random.nextInt(1000)));
                what = "long sku";
            }
            case 6 -> {
                for (int i = 0; i < 500; i++) {
                    items.add(item.deepCopy());
                }
                what = "501 items";
            }
            default -> {
                items.removeAll();
                what = "no items";
            }
        }
        return new BadInput("items: " + what, bytes(tree));
    }

    private BadInput brokenRules() {
        ObjectNode tree = validTree();
        String what = pick(new String[]{"future", "before epoch", "total mismatch", "negative", "currency",
                "too many decimals", "discount"});
        switch (what) {
            case "future" -> tree.put("occurredAt", "2999-01-01T00:00:00Z");
            case "before epoch" -> tree.put("occurredAt", "1969-12-31T23:59:59Z");
            case "total mismatch" -> tree.put("totalAmount", "457.98");
            case "negative" -> tree.put("totalAmount", "-458.00");
            case "currency" -> tree.put("currency", pick(new String[]{"usd", "XXX", "ZZZ", "CHF", "€€€"}));
            case "too many decimals" -> tree.put("totalAmount", "458.001");
            default -> tree.put("discountAmount", "999.00");
        }
        return new BadInput("rule: " + what, bytes(tree));
    }

    // ------------------------------------------------------------------------------------------------ helpers

    /** A valid event as a tree, with fresh ids (so a mutation that fails to break it would be noticed). */
    static ObjectNode validTree() {
        PurchaseSubmitted p = purchase().eventId("fuzz-bad-" + java.util.UUID.randomUUID()).build();
        return ContractJson.mapper().valueToTree(p);
    }

    private byte[] array(int size) {
        StringBuilder json = new StringBuilder("[");
        for (int i = 0; i < size; i++) {
            json.append(i == 0 ? "" : ",").append(text(validTree()));
        }
        return json.append("]").toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] nestedArrays(int depth) {
        return ("[".repeat(depth) + "]".repeat(depth)).getBytes(StandardCharsets.UTF_8);
    }

    /** True when the body is one JSON object that the service can read as an element of a batch array. */
    private static boolean isOneJsonObject(byte[] body) {
        try {
            JsonNode node = PLAIN.readTree(body);
            if (node == null || !node.isObject()) {
                return false;
            }
            byte[] array = ("[" + new String(body, StandardCharsets.UTF_8) + "]").getBytes(StandardCharsets.UTF_8);
            return ContractJson.mapper().readTree(array).isArray();
        } catch (RuntimeException e) {
            return false;
        }
    }

    static byte[] bytes(JsonNode tree) {
        return PLAIN.writeValueAsBytes(tree);
    }

    static String text(JsonNode tree) {
        return PLAIN.writeValueAsString(tree);
    }

    private <T> T pick(T[] values) {
        return values[random.nextInt(values.length)];
    }

    private static String escape(String value) {
        StringBuilder out = new StringBuilder();
        value.chars().forEach(c -> out.append(c < 0x20 || c > 0x7E ? String.format("\\u%04x", c) : String.valueOf((char) c)));
        return out.length() > 40 ? out.substring(0, 40) + "…" : out.toString();
    }

    private static String hex(byte[] bytes) {
        StringBuilder out = new StringBuilder();
        for (byte b : bytes) {
            out.append(String.format("%02X", b & 0xFF));
        }
        return out.toString();
    }
}
