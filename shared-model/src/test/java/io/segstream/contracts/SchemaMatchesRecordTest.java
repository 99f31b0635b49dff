package io.segstream.contracts;

import io.segstream.contracts.registry.Contracts;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import tools.jackson.databind.JsonNode;

import java.lang.annotation.Annotation;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Record and schema cannot drift apart: every record component is a schema property and vice versa (a rename fails
 * here), with a matching JSON type, nullability, enum values and, where the record carries Bean Validation
 * constraints, the same required fields, patterns and length limits.
 */
class SchemaMatchesRecordTest {
    static final List<EventContract<?>> CONTRACTS = Contracts.ALL;
    private static final String DEFS = "#/$defs/";
    private static final String NOT_BLANK_PATTERN = "\\S";

    @ParameterizedTest(name = "{0}")
    @FieldSource("CONTRACTS")
    void recordAndSchemaDescribeTheSameFields(EventContract<?> contract) {
        JsonNode root = ContractFiles.schemaTree(contract);

        assertObjectMatches(contract.payloadType(), root, root, contract.schemaResource());
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("CONTRACTS")
    void sharedDefinitionsRepeatTheJavaRules(EventContract<?> contract) {
        JsonNode defs = ContractFiles.schemaTree(contract).path("$defs");

        if (defs.has("Money")) {
            assertThat(defs.get("Money").get("pattern").asString()).isEqualTo("^" + Money.PATTERN + "$");
        }
        if (defs.has("Amount")) {
            assertThat(defs.get("Amount").get("allOf").get(0).get("$ref").asString()).isEqualTo(DEFS + "Money");
        }
        if (defs.has("Id")) {
            assertThat(defs.get("Id").get("pattern").asString()).isEqualTo("^" + Ids.PATTERN + "$");
        }
        if (defs.has("Instant")) {
            assertThat(defs.get("Instant").get("format").asString()).isEqualTo("date-time");
        }
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("CONTRACTS")
    void onlyIncomingEventsTolerateUnknownFieldsAndSaySo(EventContract<?> contract) {
        JsonNode root = ContractFiles.schemaTree(contract);
        boolean incoming = contract == Contracts.PURCHASE_SUBMITTED || contract == Contracts.FEEDBACK_SUBMITTED;

        assertThat(root.get("$schema").asString()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
        assertThat(root.get("additionalProperties").asBoolean()).isEqualTo(incoming);
        root.path("$defs").forEach(definition -> {
            if ("object".equals(definition.path("type").asString())) {
                assertThat(definition.get("additionalProperties").asBoolean()).isEqualTo(incoming);
            }
        });
        if (incoming) {
            assertThat(root.get("description").asString()).contains("Unknown fields are tolerated and dropped");
        }
        assertThat(root.get("description").asString()).contains(contract.topic(), contract.ceType(),
                contract.payloadType().getName());
    }

    @Test
    void serialisedRecordsWriteTheirComponentsAndNothingElse() {
        // A helper method that looks like a getter (isFirstClassification) must not leak into the payload.
        for (EventContract<?> contract : CONTRACTS) {
            var example = ContractFiles.directory(ContractFiles.EXAMPLES)
                    .resolve(ContractFiles.schemaName(contract) + ".json");
            Object record = ContractJson.mapper().readValue(ContractFiles.bytes(example), contract.payloadType());
            JsonNode written = ContractJson.mapper().readTree(ContractJson.mapper().writeValueAsBytes(record));

            assertThat(written.propertyNames()).as(contract.schemaResource())
                    .containsExactlyInAnyOrderElementsOf(componentNames(contract.payloadType()));
        }
    }

    private static void assertObjectMatches(Class<?> type, JsonNode objectSchema, JsonNode root, String where) {
        assertThat(type.isRecord()).as(where + " maps a record").isTrue();
        JsonNode properties = objectSchema.get("properties");
        assertThat(properties.propertyNames()).as(where + ": schema properties vs components of " + type.getName())
                .containsExactlyInAnyOrderElementsOf(componentNames(type));
        Set<String> required = new HashSet<>();
        objectSchema.path("required").forEach(name -> required.add(name.asString()));
        boolean constrained = Arrays.stream(type.getRecordComponents()).anyMatch(SchemaMatchesRecordTest::constrained);

        for (RecordComponent component : type.getRecordComponents()) {
            String at = where + "." + component.getName();
            Shape shape = Shape.of(properties.get(component.getName()), root);
            boolean isRequired = required.contains(component.getName());

            assertThat(shape.nullable()).as(at + ": nullable exactly when not required").isEqualTo(!isRequired);
            if (component.getType().isPrimitive()) {
                assertThat(isRequired).as(at + ": a primitive is always sent").isTrue();
            }
            assertThat(shape.description()).as(at + ": described").isNotBlank();
            assertTypeMatches(component.getGenericType(), shape, root, at);
            if (constrained) {
                assertConstraintsMatch(component, shape, isRequired, at);
            }
        }
    }

    private static void assertTypeMatches(Type javaType, Shape shape, JsonNode root, String at) {
        Class<?> raw = javaType instanceof ParameterizedType parameterized
                ? (Class<?>) parameterized.getRawType() : (Class<?>) javaType;
        if (raw == String.class) {
            assertThat(shape.types()).as(at).containsExactly("string");
        } else if (raw == BigDecimal.class) {
            assertThat(shape.ref()).as(at + ": money").isIn("Money", "Amount");
        } else if (raw == Instant.class) {
            assertThat(shape.ref()).as(at + ": instant").isEqualTo("Instant");
        } else if (raw == Integer.class || raw == int.class || raw == Long.class || raw == long.class) {
            assertThat(shape.types()).as(at).containsExactly("integer");
        } else if (raw == Double.class || raw == double.class) {
            assertThat(shape.types()).as(at).containsExactly("number");
        } else if (raw.isEnum()) {
            assertThat(shape.ref()).as(at + ": enum definition").isEqualTo(raw.getSimpleName());
            List<String> constants = Arrays.stream(raw.getEnumConstants()).map(e -> ((Enum<?>) e).name()).toList();
            List<String> listed = root.get("$defs").get(raw.getSimpleName()).get("enum").valueStream()
                    .map(JsonNode::asString).toList();
            assertThat(listed).as(at + ": enum values").containsExactlyElementsOf(constants);
        } else if (raw == List.class) {
            assertThat(shape.types()).as(at).containsExactly("array");
            Type element = ((ParameterizedType) javaType).getActualTypeArguments()[0];
            Shape items = Shape.of(shape.node().get("items"), root);
            assertThat(items.nullable()).as(at + ": list elements are never null").isFalse();
            assertTypeMatches(element, items, root, at + "[]");
        } else if (raw.isRecord()) {
            assertThat(shape.ref()).as(at + ": nested record definition").isEqualTo(raw.getSimpleName());
            assertObjectMatches(raw, root.get("$defs").get(raw.getSimpleName()), root, at);
        } else {
            throw new AssertionError(at + ": no JSON mapping known for " + javaType);
        }
    }

    /** Bean Validation and schema agree on what is required, on patterns and on length limits. */
    private static void assertConstraintsMatch(RecordComponent component, Shape shape, boolean required, String at) {
        boolean notNull = component.getType().isPrimitive() || has(component, NotNull.class)
                || has(component, NotBlank.class) || has(component, NotEmpty.class);
        assertThat(required).as(at + ": required in the schema exactly when the record demands a value")
                .isEqualTo(notNull);

        if (component.getType() == String.class) {
            Pattern pattern = component.getAccessor().getAnnotation(Pattern.class);
            String expected = pattern != null ? "^" + pattern.regexp() + "$"
                    : has(component, NotBlank.class) ? NOT_BLANK_PATTERN : null;
            assertThat(shape.effective("pattern")).as(at + ": pattern").isEqualTo(expected);
            Size size = component.getAccessor().getAnnotation(Size.class);
            assertThat(shape.effectiveInt("maxLength")).as(at + ": maxLength")
                    .isEqualTo(size == null ? null : size.max());
        }
        if (component.getType() == List.class) {
            Size size = component.getAccessor().getAnnotation(Size.class);
            assertThat(shape.effectiveInt("maxItems")).as(at + ": maxItems")
                    .isEqualTo(size == null ? null : size.max());
            assertThat(shape.effectiveInt("minItems")).as(at + ": minItems")
                    .isEqualTo(has(component, NotEmpty.class) ? 1 : null);
        }
    }

    private static boolean constrained(RecordComponent component) {
        return Arrays.stream(component.getAccessor().getAnnotations())
                .map(Annotation::annotationType)
                .anyMatch(annotation -> annotation.getPackageName().equals("jakarta.validation.constraints"));
    }

    private static boolean has(RecordComponent component, Class<? extends Annotation> annotation) {
        return component.getAccessor().isAnnotationPresent(annotation);
    }

    private static List<String> componentNames(Class<?> type) {
        return Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName).toList();
    }

    /**
     * What a property schema allows, in the forms the contract schemas use: {"type": ...}, {"$ref": ...} or
     * {"anyOf": [{"$ref": ...}, {"type": "null"}]}, keywords read from the property or else its definition.
     */
    record Shape(JsonNode node, JsonNode definition, Set<String> types, String ref, boolean nullable) {

        static Shape of(JsonNode property, JsonNode root) {
            Set<String> types = new LinkedHashSet<>();
            String ref = null;
            boolean nullable = false;
            for (JsonNode branch : property.has("anyOf") ? List.copyOf(property.get("anyOf").values())
                    : List.of(property)) {
                JsonNode type = branch.path("type");
                if (type.isArray()) {
                    type.forEach(t -> types.add(t.asString()));
                } else if (type.isString()) {
                    types.add(type.asString());
                }
                if (branch.has("$ref")) {
                    String target = branch.get("$ref").asString();
                    assertThat(target).startsWith(DEFS);
                    ref = target.substring(DEFS.length());
                }
            }
            if (types.remove("null")) {
                nullable = true;
            }
            JsonNode definition = ref == null ? null : root.get("$defs").get(ref);
            if (definition != null && types.isEmpty() && definition.has("type")) {
                types.add(definition.get("type").asString());
            }
            return new Shape(property, definition, types, ref, nullable);
        }

        String description() {
            if (node.has("description")) {
                return node.get("description").asString();
            }
            return definition == null ? null : definition.path("description").asString(null);
        }

        String effective(String keyword) {
            if (node.has(keyword)) {
                return node.get(keyword).asString();
            }
            return definition != null && definition.has(keyword) ? definition.get(keyword).asString() : null;
        }

        Integer effectiveInt(String keyword) {
            String value = effective(keyword);
            return value == null ? null : Integer.valueOf(value);
        }
    }
}
