package io.segstream.deploy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The opt-in transport-security overlays as the tests read them: docker-compose.secure.yml merged over
 * docker-compose.yml the way Compose merges files (mappings key by key, the later file winning), and
 * deploy/kubernetes/overlays/secure's JSON patches applied to the base the way kustomize applies them.
 */
final class SecureOverlay {
    static final String COMPOSE = "docker-compose.secure.yml";
    static final String KUSTOMIZATION = "deploy/kubernetes/overlays/secure/kustomization.yaml";
    /** ${NAME}, ${NAME:-default}, ${NAME-default}, ${NAME:?message}, ${NAME?message}. */
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?])([^}]*))?}");

    private SecureOverlay() {
    }

    static Map<String, Object> compose() {
        return Repository.yaml(COMPOSE);
    }

    static Map<String, Object> composeService(String name) {
        return Repository.map(Repository.map(compose().get("services")).get(name));
    }

    /** What the overlay sets in a service's environment (its own entries only). */
    static Map<String, String> composeOverlayEnvironment(String name) {
        Map<String, String> result = new LinkedHashMap<>();
        Repository.map(composeService(name).get("environment"))
                .forEach((key, value) -> result.put(key, value == null ? null : String.valueOf(value)));
        return result;
    }

    /** A service's environment with both files: docker-compose.yml's, then the overlay's on top. */
    static Map<String, String> composeEnvironment(String name) {
        Map<String, String> merged = new LinkedHashMap<>(ComposeFile.environment(name));
        merged.putAll(composeOverlayEnvironment(name));
        return merged;
    }

    /**
     * A value with Compose's variable interpolation done from the given variables; a required variable that is
     * missing fails as {@code docker compose} does. {@code $$} is a literal {@code $}.
     */
    static String interpolate(String value, Map<String, String> variables) {
        String escaped = value.replace("$$", "\u0000");
        Matcher matcher = VARIABLE.matcher(escaped);
        StringBuilder result = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(1);
            String operator = matcher.group(2);
            String argument = matcher.group(3);
            String given = variables.get(name);
            boolean missing = operator != null && operator.startsWith(":") ? given == null || given.isEmpty()
                    : given == null;
            String replacement;
            if (operator == null) {
                replacement = given == null ? "" : given;
            } else if (operator.endsWith("-")) {
                replacement = missing ? argument : given;
            } else if (missing) {
                throw new IllegalArgumentException("required variable " + name + " is missing: " + argument);
            } else {
                replacement = given;
            }
            matcher.appendReplacement(result, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(result);
        return result.toString().replace("\u0000", "$");
    }

    /** The variables a value requires (${NAME:?...} or ${NAME?...}). */
    static List<String> requiredVariables(String value) {
        List<String> names = new ArrayList<>();
        Matcher matcher = VARIABLE.matcher(value.replace("$$", ""));
        while (matcher.find()) {
            if (matcher.group(2) != null && matcher.group(2).endsWith("?")) {
                names.add(matcher.group(1));
            }
        }
        return names;
    }

    /** The patches of the secure kustomization whose target is of the given kind, as lists of JSON patch operations. */
    static List<List<Object>> patches(String kind) {
        List<List<Object>> patches = new ArrayList<>();
        for (Object entry : Repository.list(Repository.yaml(KUSTOMIZATION).get("patches"))) {
            Map<String, Object> patch = Repository.map(entry);
            if (kind.equals(Repository.at(patch, "target.kind"))) {
                Object operations = new org.yaml.snakeyaml.Yaml().load(String.valueOf(patch.get("patch")));
                patches.add(Repository.list(operations));
            }
        }
        return patches;
    }

    /** The target of a kustomization patch (kind, name, labelSelector). */
    static List<Map<String, Object>> patchTargets(String kind) {
        return Repository.list(Repository.yaml(KUSTOMIZATION).get("patches")).stream().map(Repository::map)
                .map(patch -> Repository.map(patch.get("target"))).filter(target -> kind.equals(target.get("kind")))
                .toList();
    }

    /** The data the secure overlay adds to (or replaces in) the segstream-config ConfigMap. */
    static Map<String, String> kubernetesConfigAdditions() {
        Map<String, Object> patched = Repository.map(applyAll(emptyConfigMap(), patches("ConfigMap")).get("data"));
        Map<String, String> result = new LinkedHashMap<>();
        patched.forEach((key, value) -> result.put(key, String.valueOf(value)));
        return result;
    }

    /** segstream-config with the secure overlay applied. */
    static Map<String, Object> kubernetesConfig() {
        Map<String, Object> base = Repository.map(Manifests.one("ConfigMap", "segstream-config").at("data"));
        Map<String, Object> result = new LinkedHashMap<>(base);
        result.putAll(kubernetesConfigAdditions());
        return result;
    }

    /** A service's Deployment with the secure overlay's Deployment patches applied. */
    static Map<String, Object> kubernetesDeployment(String name) {
        Map<String, Object> copy = deepCopy(Manifests.one("Deployment", name).body());
        return applyAll(copy, patches("Deployment"));
    }

    private static Map<String, Object> emptyConfigMap() {
        Map<String, Object> configMap = new LinkedHashMap<>();
        configMap.put("data", new LinkedHashMap<String, Object>());
        return configMap;
    }

    private static Map<String, Object> applyAll(Map<String, Object> document, List<List<Object>> patches) {
        for (List<Object> operations : patches) {
            for (Object operation : operations) {
                apply(document, Repository.map(operation));
            }
        }
        return document;
    }

    /** One JSON patch (RFC 6902) operation, add or replace, on nested maps and lists. */
    @SuppressWarnings("unchecked")
    private static void apply(Map<String, Object> document, Map<String, Object> operation) {
        String op = String.valueOf(operation.get("op"));
        if (!op.equals("add") && !op.equals("replace")) {
            throw new IllegalArgumentException("the tests apply add and replace only, not " + op);
        }
        String[] tokens = String.valueOf(operation.get("path")).substring(1).split("/");
        Object node = document;
        for (int i = 0; i < tokens.length - 1; i++) {
            node = step(node, unescape(tokens[i]));
            if (node == null) {
                throw new IllegalArgumentException("no " + operation.get("path") + " in the patched document");
            }
        }
        String last = unescape(tokens[tokens.length - 1]);
        Object value = deepCopy(operation.get("value"));
        if (node instanceof Map<?, ?> map) {
            if (op.equals("replace") && !map.containsKey(last)) {
                throw new IllegalArgumentException("replace of a missing " + operation.get("path"));
            }
            ((Map<String, Object>) map).put(last, value);
        } else if (node instanceof List<?> list) {
            List<Object> items = (List<Object>) list;
            if (last.equals("-")) {
                items.add(value);
            } else if (op.equals("add")) {
                items.add(Integer.parseInt(last), value);
            } else {
                items.set(Integer.parseInt(last), value);
            }
        } else {
            throw new IllegalArgumentException("cannot patch " + operation.get("path"));
        }
    }

    private static Object step(Object node, String token) {
        if (node instanceof Map<?, ?> map) {
            return map.get(token);
        }
        if (node instanceof List<?> list) {
            return list.get(Integer.parseInt(token));
        }
        return null;
    }

    private static String unescape(String token) {
        return token.replace("~1", "/").replace("~0", "~");
    }

    @SuppressWarnings("unchecked")
    private static <T> T deepCopy(T value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((key, item) -> copy.put(String.valueOf(key), deepCopy(item)));
            return (T) copy;
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>();
            list.forEach(item -> copy.add(deepCopy(item)));
            return (T) copy;
        }
        return value;
    }
}
