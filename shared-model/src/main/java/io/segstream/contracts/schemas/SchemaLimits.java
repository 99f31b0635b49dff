package io.segstream.contracts.schemas;

import io.segstream.contracts.registry.Contracts;
import io.segstream.contracts.ContractJson;
import io.segstream.contracts.EventContract;
import io.segstream.contracts.Ids;
import io.segstream.contracts.Money;
import io.segstream.contracts.feedback.FeedbackKind;
import io.segstream.contracts.feedback.FeedbackRecorded;
import io.segstream.contracts.feedback.FeedbackSubmitted;
import io.segstream.contracts.purchase.PurchaseRecorded;
import io.segstream.contracts.purchase.PurchaseSubmitted;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonPointer;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes the limits of the contract records into their JSON Schemas, so that a limit is set once, in Java, and the
 * schemas follow: {@code maxLength} and {@code pattern} of strings, {@code maxItems} and {@code minItems} of lists
 * (from the records' {@code @Size}, {@code @Pattern}, {@code @NotBlank} and {@code @NotEmpty}, which name the
 * constants of {@link Ids}, {@code PurchaseLimits} and {@code FeedbackLimits}), the money pattern of
 * {@link Money#PATTERN} and the score range of each {@link FeedbackKind}. Everything else in a schema (structure,
 * required fields, descriptions) is written by hand.
 *
 * <p>shared-model's build runs {@link #main} after compiling: where a limit in a schema file differs, it replaces that
 * value, in the sources and in the build output, so the committed files always show the limits the code enforces.
 */
public final class SchemaLimits {
    private static final String DEFS = "#/$defs/";
    /** What a blank-refusing string must contain; the schemas' spelling of {@code @NotBlank}. */
    static final String NOT_BLANK_PATTERN = "\\S";

    /**
     * A recorded event repeats the submitted one with what the service adds, so it carries the submitted event's
     * limits; its record has no constraints of its own (Segstream writes it).
     */
    private static final Map<Class<?>, Class<?>> LIMITS_OF = Map.of(
            PurchaseRecorded.class, PurchaseSubmitted.class,
            FeedbackRecorded.class, FeedbackSubmitted.class);

    private SchemaLimits() {
    }

    /**
     * Rewrites the schema of every contract whose limits differ from its record's.
     *
     * @param args the schema folder of the sources, then any further folders that hold copies (the build output)
     */
    public static void main(String[] args) {
        if (args.length < 1) {
            throw new IllegalArgumentException("usage: SchemaLimits <schema folder> [<copy folder>...]");
        }
        for (EventContract<?> contract : Contracts.ALL) {
            Path source = Path.of(args[0]).resolve(contract.schemaResource());
            String written = read(source);
            String limited = rewrite(contract.payloadType(), written, contract.schemaResource());
            if (!limited.equals(written)) {
                for (String folder : args) {
                    write(Path.of(folder).resolve(contract.schemaResource()), limited);
                }
                System.out.println("SchemaLimits: wrote the limits of " + contract.payloadType().getSimpleName()
                        + " into " + contract.schemaResource());
            }
        }
    }

    /**
     * The schema text with the limits of {@code record}: only the values that differ are replaced, so the file keeps
     * its layout and a changed limit is a one-line change. A limit is written into a keyword the schema already has;
     * a constraint without its keyword in the schema is an error to fix by hand (where the keyword belongs is a
     * decision about the schema's structure).
     *
     * @param where names the schema in error messages
     */
    public static String rewrite(Class<?> record, String schemaText, String where) {
        JsonNode written = ContractJson.mapper().readTree(schemaText);
        JsonNode limited = apply(record, written);
        Map<String, JsonNode> changes = new HashMap<>();
        differences(written, limited, JsonPointer.empty(), changes, where);
        if (changes.isEmpty()) {
            return schemaText;
        }
        TreeMap<Integer, JsonNode> byOffset = new TreeMap<>();
        try (JsonParser parser = ContractJson.mapper().createParser(schemaText)) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (token.isScalarValue()) {
                    JsonNode value = changes.get(parser.streamReadContext().pathAsPointer().toString());
                    if (value != null) {
                        byOffset.put((int) parser.currentTokenLocation().getCharOffset(), value);
                    }
                }
            }
        }
        StringBuilder text = new StringBuilder(schemaText);
        for (Map.Entry<Integer, JsonNode> change : byOffset.descendingMap().entrySet()) {
            int start = change.getKey();
            text.replace(start, scalarEnd(schemaText, start),
                    ContractJson.mapper().writeValueAsString(change.getValue()));
        }
        return text.toString();
    }

    /** A copy of {@code schema} with the limits of {@code record} (or of the event it records). */
    public static JsonNode apply(Class<?> record, JsonNode schema) {
        ObjectNode root = (ObjectNode) schema.deepCopy();
        Class<?> source = LIMITS_OF.getOrDefault(record, record);
        applyToObject(source, root, root);
        JsonNode defs = root.path("$defs");
        if (defs.has("Money")) {
            ((ObjectNode) defs.get("Money")).put("pattern", anchored(Money.PATTERN));
        }
        if (source == FeedbackSubmitted.class) {
            applyScoreRanges(root);
        }
        return root;
    }

    private static void applyToObject(Class<?> record, ObjectNode objectSchema, ObjectNode root) {
        JsonNode properties = objectSchema.path("properties");
        for (RecordComponent component : record.getRecordComponents()) {
            JsonNode property = properties.get(component.getName());
            if (property instanceof ObjectNode node) {
                applyToProperty(component.getGenericType(), component, node, root);
            }
        }
    }

    private static void applyToProperty(Type type, RecordComponent component, ObjectNode property, ObjectNode root) {
        Class<?> raw = type instanceof ParameterizedType parameterized
                ? (Class<?>) parameterized.getRawType() : (Class<?>) type;
        ObjectNode target = target(property, root);
        Size size = component == null ? null : component.getAccessor().getAnnotation(Size.class);
        if (raw == String.class && component != null) {
            Pattern pattern = component.getAccessor().getAnnotation(Pattern.class);
            if (pattern != null) {
                target.put("pattern", anchored(pattern.regexp()));
            } else if (component.getAccessor().isAnnotationPresent(NotBlank.class)) {
                target.put("pattern", NOT_BLANK_PATTERN);
            }
            if (size != null) {
                target.put("maxLength", size.max());
            }
        } else if (raw == List.class) {
            if (size != null) {
                target.put("maxItems", size.max());
            }
            if (component != null && component.getAccessor().isAnnotationPresent(NotEmpty.class)) {
                target.put("minItems", 1);
            }
            if (target.get("items") instanceof ObjectNode items) {
                applyToProperty(((ParameterizedType) type).getActualTypeArguments()[0], null, items, root);
            }
        } else if (raw.isRecord()) {
            applyToObject(raw, target, root);
        }
    }

    /** Where a property's keywords live: in the property itself, or in the definition it only refers to. */
    private static ObjectNode target(ObjectNode property, ObjectNode root) {
        if (property.has("$ref") && !property.has("type")) {
            String ref = property.get("$ref").asString();
            if (!ref.startsWith(DEFS)) {
                throw new IllegalStateException("only local definitions are supported: " + ref);
            }
            return (ObjectNode) root.get("$defs").get(ref.substring(DEFS.length()));
        }
        return property;
    }

    /**
     * The feedback schemas state each kind's score range in an if/then branch ("if kind is NPS_SURVEY then score is
     * null or from 0 to 10"); the range comes from {@link FeedbackKind}.
     */
    private static void applyScoreRanges(ObjectNode root) {
        for (JsonNode branch : root.path("allOf")) {
            JsonNode kind = branch.path("if").path("properties").path("kind");
            List<FeedbackKind> kinds = new ArrayList<>();
            if (kind.has("const")) {
                kinds.add(FeedbackKind.valueOf(kind.get("const").asString()));
            }
            kind.path("enum").forEach(name -> kinds.add(FeedbackKind.valueOf(name.asString())));
            if (kinds.isEmpty()) {
                continue;
            }
            FeedbackKind first = kinds.get(0);
            for (FeedbackKind other : kinds) {
                if (!first.minScore().equals(other.minScore()) || !first.maxScore().equals(other.maxScore())) {
                    throw new IllegalStateException("one score branch lists kinds of different ranges: " + kinds);
                }
            }
            for (JsonNode alternative : branch.path("then").path("properties").path("score").path("anyOf")) {
                if (alternative.has("minimum")) {
                    ((ObjectNode) alternative).put("minimum", first.minScore());
                    ((ObjectNode) alternative).put("maximum", first.maxScore());
                }
            }
        }
    }

    /** Where {@code limited} has another scalar than {@code written}, by JSON pointer; it never removes anything. */
    private static void differences(JsonNode written, JsonNode limited, JsonPointer at, Map<String, JsonNode> changes,
                                    String where) {
        if (limited.isObject()) {
            for (String name : limited.propertyNames()) {
                if (!written.has(name)) {
                    throw new IllegalStateException(where + ": the record has a limit for \"" + name + "\" at "
                            + (at.toString().isEmpty() ? "/" : at) + ", the schema has no such keyword there; add it");
                }
                differences(written.get(name), limited.get(name), at.appendProperty(name), changes, where);
            }
        } else if (limited.isArray()) {
            for (int i = 0; i < limited.size(); i++) {
                differences(written.get(i), limited.get(i), at.appendIndex(i), changes, where);
            }
        } else if (!limited.equals(written)) {
            changes.put(at.toString(), limited);
        }
    }

    /** The end of the JSON number or string that starts at {@code start}. */
    private static int scalarEnd(String text, int start) {
        int end = start;
        if (text.charAt(start) == '"') {
            end++;
            while (text.charAt(end) != '"') {
                end += text.charAt(end) == '\\' ? 2 : 1;
            }
            return end + 1;
        }
        while (end < text.length() && "+-.0123456789eE".indexOf(text.charAt(end)) >= 0) {
            end++;
        }
        return end;
    }

    private static String anchored(String regexp) {
        return "^" + regexp + "$";
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
