package io.segstream.contracts;

import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * The one JSON setup every service uses for contract payloads: money as decimal strings, instants as
 * ISO-8601 UTC, unknown fields tolerated (a producer may send more than we need; personal data it sends is
 * dropped here, never stored), no polymorphic typing (only the contract records are ever instantiated), and
 * parser limits so hostile input cannot exhaust memory.
 * <p>
 * Types are as strict as the JSON Schemas under {@code /contracts/schemas}: no coercion between strings, numbers
 * and booleans ({@code "quantity": 2.5} is not silently truncated to 2, {@code "quantity": "2"} is refused), enums
 * only by name, instants only as ISO-8601 strings with an offset (an epoch number is ambiguous between seconds and
 * milliseconds), and a property given twice is refused (two systems could otherwise read different values).
 */
public final class ContractJson {
    /** Deepest JSON nesting accepted; contract payloads need 3 levels. */
    public static final int MAX_NESTING_DEPTH = 16;
    /** Longest number literal accepted, in characters. */
    public static final int MAX_NUMBER_LENGTH = 32;
    /** Longest string value accepted, in characters (feedback text is limited further by the service). */
    public static final int MAX_STRING_LENGTH = 1_000_000;

    private static final JsonMapper MAPPER = build();

    private ContractJson() {
    }

    /** The shared, immutable, thread-safe mapper. */
    public static JsonMapper mapper() {
        return MAPPER;
    }

    private static JsonMapper build() {
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(MAX_NESTING_DEPTH)
                        .maxNumberLength(MAX_NUMBER_LENGTH)
                        .maxStringLength(MAX_STRING_LENGTH)
                        .build())
                .build();
        return configure(JsonMapper.builder(factory)).build();
    }

    /**
     * Applies the contract conventions to a builder, for frameworks that own the builder (Spring MVC's mapper is
     * built by Boot and customised with this).
     */
    public static JsonMapper.Builder configure(JsonMapper.Builder builder) {
        SimpleModule money = new SimpleModule("segstream-money");
        money.addSerializer(BigDecimal.class, new MoneySerializer());
        money.addDeserializer(BigDecimal.class, new MoneyDeserializer());
        SimpleModule instants = new SimpleModule("segstream-instants");
        instants.addSerializer(Instant.class, new InstantSerializer());
        instants.addDeserializer(Instant.class, new InstantDeserializer());
        return builder
                .addModule(money)
                .addModule(instants)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DateTimeFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .disable(EnumFeature.READ_ENUMS_USING_TO_STRING)
                .enable(EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .withCoercionConfig(LogicalType.Textual, cfg -> cfg
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Integer, cfg -> cfg
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Float, cfg -> cfg
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Boolean, cfg -> cfg
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail));
    }

    /** Always ISO-8601 in UTC with a Z, as {@link Instant#toString()} writes it: "2026-11-20T09:14:03Z". */
    private static final class InstantSerializer extends ValueSerializer<Instant> {
        @Override
        public void serialize(Instant value, JsonGenerator gen, SerializationContext ctxt) {
            gen.writeString(value.toString());
        }
    }

    /**
     * Accepts only an ISO-8601 date-time string with an offset ("Z" or "+08:00"), converted to UTC. A number is
     * refused: epoch seconds and epoch milliseconds cannot be told apart.
     */
    private static final class InstantDeserializer extends ValueDeserializer<Instant> {
        @Override
        public Instant deserialize(JsonParser p, DeserializationContext ctxt) {
            if (p.currentToken() != JsonToken.VALUE_STRING) {
                return (Instant) ctxt.handleUnexpectedToken(Instant.class, p);
            }
            String text = p.getString();
            try {
                return DateTimeFormatter.ISO_OFFSET_DATE_TIME.parse(text, Instant::from);
            } catch (DateTimeParseException e) {
                return (Instant) ctxt.handleWeirdStringValue(Instant.class, text,
                        "an instant must be an ISO-8601 date-time with an offset, such as \"2026-11-20T09:14:03Z\"");
            }
        }
    }

    private static final class MoneySerializer extends ValueSerializer<BigDecimal> {
        @Override
        public void serialize(BigDecimal value, JsonGenerator gen, SerializationContext ctxt) {
            gen.writeString(value.toPlainString());
        }
    }

    /** Accepts only a decimal string; a JSON number is refused, since floats lose cents. */
    private static final class MoneyDeserializer extends ValueDeserializer<BigDecimal> {
        @Override
        public BigDecimal deserialize(JsonParser p, DeserializationContext ctxt) {
            if (p.currentToken() != JsonToken.VALUE_STRING) {
                return (BigDecimal) ctxt.handleUnexpectedToken(BigDecimal.class, p);
            }
            String text = p.getString();
            if (!Money.isWellFormed(text)) {
                return (BigDecimal) ctxt.handleWeirdStringValue(BigDecimal.class, text,
                        "money must be a decimal string such as \"129.90\"");
            }
            return new BigDecimal(text);
        }
    }
}
