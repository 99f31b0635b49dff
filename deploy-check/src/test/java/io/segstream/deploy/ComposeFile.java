package io.segstream.deploy;

import java.util.List;
import java.util.Map;

/** docker-compose.yml as the tests read it: anchors and merge keys resolved, as Docker Compose sees it. */
final class ComposeFile {
    static final String PATH = "docker-compose.yml";

    private ComposeFile() {
    }

    static Map<String, Object> document() {
        return Repository.yaml(PATH);
    }

    static Map<String, Object> services() {
        return Repository.map(document().get("services"));
    }

    static Map<String, Object> service(String name) {
        Map<String, Object> service = Repository.map(services().get(name));
        if (service.isEmpty()) {
            throw new AssertionError("docker-compose.yml has no service " + name);
        }
        return service;
    }

    /** A service's environment as strings, from either the mapping or the list ("KEY=value") form. */
    static Map<String, String> environment(String name) {
        Object environment = service(name).get("environment");
        Map<String, String> result = new java.util.LinkedHashMap<>();
        if (environment instanceof Map<?, ?> map) {
            map.forEach((key, value) -> result.put(String.valueOf(key), value == null ? null : String.valueOf(value)));
        } else if (environment instanceof List<?> list) {
            for (Object entry : list) {
                String[] pair = String.valueOf(entry).split("=", 2);
                result.put(pair[0], pair.length > 1 ? pair[1] : null);
            }
        }
        return result;
    }

    /** The script of a service whose command is one shell script (kafka-topics). */
    static String script(String name) {
        Object command = service(name).get("command");
        if (command instanceof List<?> list) {
            return String.join("\n", list.stream().map(String::valueOf).toList());
        }
        return String.valueOf(command);
    }
}
