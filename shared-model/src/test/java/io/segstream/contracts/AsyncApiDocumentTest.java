package io.segstream.contracts;

import io.segstream.contracts.registry.Contracts;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The AsyncAPI document names every topic, schema, header and consumer group, and every $ref in it resolves. */
class AsyncApiDocumentTest {
    private static final Set<String> SERVICES =
            Set.of("purchase-ingestion", "feedback-collection", "segmentation", "churn-alerting");
    private static final Set<String> INCOMING_TOPICS = Set.of(Topics.PURCHASES_INCOMING, Topics.FEEDBACK_INCOMING);
    private static final Set<String> SEGMENTATION_INTERNAL = Set.of(Topics.SEGMENTATION_DEFINITIONS,
            Topics.SEGMENTATION_POPULATION, Topics.SEGMENTATION_RECOMPUTATIONS);

    private final Map<String, Object> document = load();

    @Test
    void isAnAsyncApi3Document() {
        assertThat(document.get("asyncapi")).asString().startsWith("3.");
        assertThat(map(document, "info")).containsKeys("title", "version", "description");
        assertThat(document.get("defaultContentType")).isEqualTo(CloudEventHeaders.JSON);
    }

    @Test
    void namesEveryTopicAndItsDeadLetterTopic() throws IllegalAccessException {
        Set<String> expected = new HashSet<>();
        for (Field field : Topics.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class
                    && !field.getName().equals("DEAD_LETTER_SUFFIX")) {
                expected.add((String) field.get(null));
            }
        }
        Contracts.ALL.forEach(contract -> expected.add(contract.topic()));
        INCOMING_TOPICS.forEach(topic -> expected.add(Topics.deadLetterOf(topic)));

        assertThat(addresses()).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void everyContractIsAMessageWithItsSchemaKeyAndCeType() {
        for (EventContract<?> contract : Contracts.ALL) {
            Map<String, Object> message = onlyMessageOf(channelAt(contract.topic()));

            assertThat(map(message, "payload").get("$ref")).as(contract.topic())
                    .isEqualTo("./schemas/" + contract.schemaResource());
            List<Object> headers = list(map(message, "headers"), "allOf");
            assertThat(headers.get(0)).isEqualTo(Map.of("$ref", "#/components/schemas/cloudEventHeaders"));
            assertThat(map(map(asMap(headers.get(1)), "properties"), CloudEventHeaders.TYPE).get("const"))
                    .as(contract.topic()).isEqualTo(contract.ceType());
            assertThat(map(map(map(message, "bindings"), "kafka"), "key"))
                    .isEqualTo(Map.of("$ref", "#/components/schemas/customerIdKey"));
        }
        Map<String, Object> schemas = map(map(document, "components"), "schemas");
        assertThat(map(schemas, "customerIdKey").get("pattern")).isEqualTo("^" + Ids.PATTERN + "$");
    }

    @Test
    void theHeadersAreTheCloudEventsAttributesAndTheDeadLetterReasons() {
        Map<String, Object> schemas = map(map(document, "components"), "schemas");
        Map<String, Object> cloudEvents = map(schemas, "cloudEventHeaders");
        Map<String, Object> deadLetters = map(schemas, "deadLetterHeaders");
        List<String> attributes = List.of(CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.ID,
                CloudEventHeaders.SOURCE, CloudEventHeaders.TYPE, CloudEventHeaders.TIME, CloudEventHeaders.CONTENT_TYPE);
        List<String> reasons = List.of(CloudEventHeaders.ERROR_CODE, CloudEventHeaders.ERROR_MESSAGE,
                CloudEventHeaders.FAILED_AT);

        assertThat(map(cloudEvents, "properties").keySet()).containsExactlyInAnyOrderElementsOf(attributes);
        assertThat(list(cloudEvents, "required")).containsExactlyInAnyOrderElementsOf(attributes);
        assertThat(map(map(cloudEvents, "properties"), CloudEventHeaders.SPEC_VERSION).get("const"))
                .isEqualTo(CloudEventHeaders.SPEC_VERSION_VALUE);
        assertThat(map(map(cloudEvents, "properties"), CloudEventHeaders.CONTENT_TYPE).get("const"))
                .isEqualTo(CloudEventHeaders.JSON);
        assertThat(map(deadLetters, "properties").keySet()).containsExactlyInAnyOrderElementsOf(reasons);
        assertThat(list(deadLetters, "required")).containsExactlyInAnyOrderElementsOf(reasons);
        for (String topic : INCOMING_TOPICS) {
            assertThat(map(onlyMessageOf(channelAt(Topics.deadLetterOf(topic))), "headers"))
                    .isEqualTo(Map.of("$ref", "#/components/schemas/deadLetterHeaders"));
        }
    }

    @Test
    void everyTopicHasAWriterAndAReader() {
        for (Map.Entry<String, Object> channel : map(document, "channels").entrySet()) {
            Set<String> actions = operations().stream()
                    .filter(operation -> channelIdOf(operation).equals(channel.getKey()))
                    .map(operation -> (String) operation.get("action"))
                    .collect(Collectors.toSet());

            assertThat(actions).as(channel.getKey()).containsExactlyInAnyOrder("send", "receive");
        }
    }

    @Test
    void everyServiceReadsInItsOwnConsumerGroupOrItsStreamApplicationsGroup() {
        Map<String, Set<String>> topicsByGroup = new java.util.TreeMap<>();
        for (Map<String, Object> operation : operations()) {
            String application = applicationOf(operation);
            Map<String, Object> bindings = map(operation, "bindings");
            String topic = addressOf(channelIdOf(operation));
            boolean service = SERVICES.contains(application);
            if ("receive".equals(operation.get("action")) && service && !SEGMENTATION_INTERNAL.contains(topic)) {
                List<Object> group = list(map(map(bindings, "kafka"), "groupId"), "enum");
                assertThat(group).as(application).hasSize(1);
                assertThat(group.get(0)).as(application).isIn(application, application + "-stream");
                topicsByGroup.computeIfAbsent((String) group.get(0), key -> new java.util.TreeSet<>()).add(topic);
            } else {
                assertThat(bindings).as(operation.get("title") + " names no consumer group").isEmpty();
            }
        }

        assertThat(topicsByGroup).containsOnlyKeys("purchase-ingestion", "feedback-collection", "segmentation",
                "segmentation-stream", "churn-alerting");
        assertThat(topicsByGroup.get("purchase-ingestion"))
                .containsExactlyInAnyOrder(Topics.PURCHASES_INCOMING, Topics.CUSTOMER_ERASURE);
        assertThat(topicsByGroup.get("feedback-collection"))
                .containsExactlyInAnyOrder(Topics.FEEDBACK_INCOMING, Topics.CUSTOMER_ERASURE);
        assertThat(topicsByGroup.get("segmentation")).containsExactly(Topics.CUSTOMER_ERASURE);
        assertThat(topicsByGroup.get("segmentation-stream")).containsExactlyInAnyOrder(Topics.PURCHASES_RECORDED,
                Topics.FEEDBACK_RECORDED, Topics.CUSTOMER_ERASURE);
        assertThat(topicsByGroup.get("churn-alerting")).containsExactlyInAnyOrder(Topics.PURCHASES_RECORDED,
                Topics.FEEDBACK_RECORDED, Topics.SEGMENT_CHANGES, Topics.CUSTOMER_ERASURE);
    }

    @Test
    void theInternalTopicsAreWrittenAndReadBySegmentationAlone() {
        for (Map<String, Object> operation : operations()) {
            if (SEGMENTATION_INTERNAL.contains(addressOf(channelIdOf(operation)))) {
                assertThat(applicationOf(operation)).as((String) operation.get("title")).isEqualTo("segmentation");
            }
        }
        for (String topic : SEGMENTATION_INTERNAL) {
            assertThat(topic).startsWith("segstream.");
            assertThat((String) channelAt(topic).get("description")).contains("compacted");
        }
    }

    @Test
    void everyOperationCarriesMessagesOfItsOwnChannel() {
        for (Map<String, Object> operation : operations()) {
            String prefix = "#/channels/" + channelIdOf(operation) + "/messages/";
            assertThat(list(operation, "messages")).as((String) operation.get("title")).isNotEmpty()
                    .allSatisfy(message -> assertThat(((Map<?, ?>) message).get("$ref")).asString().startsWith(prefix));
        }
    }

    @Test
    void namesEverySchemaFile() {
        Set<String> referenced = refs(document).stream()
                .filter(ref -> ref.startsWith("./schemas/"))
                .map(ref -> ref.substring("./schemas/".length()))
                .collect(Collectors.toSet());

        assertThat(referenced).containsExactlyInAnyOrderElementsOf(ContractFiles.schemaFiles().stream()
                .map(path -> path.getFileName().toString()).toList());
    }

    @Test
    void everyRefPointsToSomethingThatExists() {
        Path base = ContractFiles.directory(ContractFiles.ROOT);
        for (String ref : refs(document)) {
            String file = ref.contains("#") ? ref.substring(0, ref.indexOf('#')) : ref;
            String pointer = ref.contains("#") ? ref.substring(ref.indexOf('#') + 1) : "";
            if (file.isEmpty()) {
                assertThat(resolve(document, pointer)).as(ref).isNotNull();
            } else {
                Path target = base.resolve(file).normalize();
                assertThat(target).as(ref).isRegularFile();
                JsonNode json = ContractJson.mapper().readTree(ContractFiles.bytes(target));
                assertThat(json.at(pointer).isMissingNode()).as(ref).isFalse();
            }
        }
    }

    private List<String> addresses() {
        return map(document, "channels").values().stream()
                .map(channel -> (String) ((Map<?, ?>) channel).get("address"))
                .toList();
    }

    private Map<String, Object> channelAt(String address) {
        return map(document, "channels").values().stream()
                .map(AsyncApiDocumentTest::asMap)
                .filter(channel -> address.equals(channel.get("address")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no channel with address " + address));
    }

    private String addressOf(String channelId) {
        return (String) map(map(document, "channels"), channelId).get("address");
    }

    /** The channel's one message, resolved through its $ref to components/messages. */
    private Map<String, Object> onlyMessageOf(Map<String, Object> channel) {
        Map<String, Object> messages = map(channel, "messages");
        assertThat(messages).hasSize(1);
        Object message = messages.values().iterator().next();
        return asMap(resolve(document, ((String) asMap(message).get("$ref")).substring(1)));
    }

    private List<Map<String, Object>> operations() {
        return map(document, "operations").values().stream().map(AsyncApiDocumentTest::asMap).toList();
    }

    private static String channelIdOf(Map<String, Object> operation) {
        String ref = (String) map(operation, "channel").get("$ref");
        assertThat(ref).startsWith("#/channels/");
        return ref.substring("#/channels/".length());
    }

    private String applicationOf(Map<String, Object> operation) {
        List<Object> tags = list(operation, "tags");
        assertThat(tags).as((String) operation.get("title")).hasSize(1);
        String ref = (String) asMap(tags.get(0)).get("$ref");
        return (String) asMap(resolve(document, ref.substring(1))).get("name");
    }

    /** Every $ref value anywhere in the document. */
    private static List<String> refs(Object node) {
        List<String> found = new ArrayList<>();
        if (node instanceof Map<?, ?> object) {
            object.forEach((key, value) -> {
                if ("$ref".equals(key)) {
                    found.add((String) value);
                } else {
                    found.addAll(refs(value));
                }
            });
        } else if (node instanceof List<?> array) {
            array.forEach(item -> found.addAll(refs(item)));
        }
        return found;
    }

    /** A JSON pointer ("/components/schemas/x") into the YAML tree; null when nothing is there. */
    private static Object resolve(Object root, String pointer) {
        Object node = root;
        for (String token : Stream.of(pointer.split("/")).skip(1).toList()) {
            String key = token.replace("~1", "/").replace("~0", "~");
            if (!(node instanceof Map<?, ?> object) || !object.containsKey(key)) {
                return null;
            }
            node = object.get(key);
        }
        return node;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object node) {
        assertThat(node).isInstanceOf(Map.class);
        return (Map<String, Object>) node;
    }

    private static Map<String, Object> map(Map<String, Object> parent, String key) {
        Object child = parent.get(key);
        return child == null ? Map.of() : asMap(child);
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Map<String, Object> parent, String key) {
        Object child = parent.get(key);
        assertThat(child).as(key).isInstanceOf(List.class);
        return (List<Object>) child;
    }

    private static Map<String, Object> load() {
        try (InputStream in = Files.newInputStream(ContractFiles.directory(ContractFiles.ROOT).resolve("asyncapi.yaml"))) {
            return new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
