package io.segstream.deploy;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The repository's files as the deployment checks read them: the tests run in deploy-check/, the material they check
 * is at the root (docker-compose.yml, deploy/, services/, docs/).
 */
final class Repository {
    /** The four services: folder under services/, compose service, Kubernetes Deployment and image name alike. */
    static final List<String> SERVICES = List.of("purchase-ingestion", "feedback-collection", "segmentation",
            "churn-alerting");

    static final Path ROOT = findRoot();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Repository() {
    }

    private static Path findRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            if (Files.isRegularFile(dir.resolve("docker-compose.yml")) && Files.isDirectory(dir.resolve("deploy"))) {
                return dir;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("no docker-compose.yml with deploy/ above " + Path.of("").toAbsolutePath());
    }

    static Path file(String relative) {
        return ROOT.resolve(relative);
    }

    static String text(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(String relative) {
        return text(file(relative));
    }

    /** A YAML file of one document, anchors and merge keys ({@code <<}) resolved, as plain maps and lists. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> yaml(Path file) {
        Object document = yamlParser().load(text(file));
        if (!(document instanceof Map)) {
            throw new IllegalStateException(file + " is not a YAML mapping");
        }
        return (Map<String, Object>) document;
    }

    static Map<String, Object> yaml(String relative) {
        return yaml(file(relative));
    }

    /** Every document of a multi-document YAML file (Kubernetes manifests); empty documents are skipped. */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> yamlDocuments(Path file) {
        List<Map<String, Object>> documents = new ArrayList<>();
        for (Object document : yamlParser().loadAll(text(file))) {
            if (document == null) {
                continue;
            }
            if (!(document instanceof Map)) {
                throw new IllegalStateException(file + " holds a YAML document that is not a mapping");
            }
            documents.add((Map<String, Object>) document);
        }
        return documents;
    }

    private static Yaml yamlParser() {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        return new Yaml(new SafeConstructor(options));
    }

    static JsonNode json(Path file) {
        return JSON.readTree(text(file));
    }

    static JsonNode toJson(Object value) {
        return JSON.valueToTree(value);
    }

    static JsonMapper jsonMapper() {
        return JSON;
    }

    /** The files under a folder of the repository whose names end with one of the suffixes, sorted. */
    static List<Path> files(String folder, String... suffixes) {
        try (Stream<Path> walk = Files.walk(file(folder))) {
            return walk.filter(Files::isRegularFile)
                    .filter(path -> Stream.of(suffixes).anyMatch(path.getFileName().toString()::endsWith))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A value at a dotted path of nested maps ("server.port"), or null. */
    @SuppressWarnings("unchecked")
    static Object at(Map<String, Object> tree, String dottedPath) {
        Object node = tree;
        for (String key : dottedPath.split("\\.")) {
            if (!(node instanceof Map)) {
                return null;
            }
            node = ((Map<String, Object>) node).get(key);
        }
        return node;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return value == null ? Map.of() : (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object value) {
        return value == null ? List.of() : (List<Object>) value;
    }
}
