package io.segstream.deploy;

import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Enumeration;
import java.util.Map;
import java.util.TreeMap;

/** The Spring Boot configuration metadata of the jars on the test class path: property name to its Java type. */
final class SpringMetadata {
    private static final String METADATA = "META-INF/spring-configuration-metadata.json";

    private SpringMetadata() {
    }

    static Map<String, String> properties() {
        Map<String, String> properties = new TreeMap<>();
        try {
            Enumeration<URL> resources = SpringMetadata.class.getClassLoader().getResources(METADATA);
            while (resources.hasMoreElements()) {
                try (InputStream in = resources.nextElement().openStream()) {
                    JsonNode metadata = Repository.jsonMapper().readTree(in);
                    metadata.path("properties").forEach(property -> properties.put(
                            property.path("name").asString(), property.path("type").asString("")));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }

    /** Whether a property is known: by its name, or as a key of a known Map property (spring.kafka.properties). */
    static boolean knows(Map<String, String> metadata, String property) {
        if (metadata.containsKey(property)) {
            return true;
        }
        return metadata.entrySet().stream().anyMatch(known -> known.getValue().startsWith("java.util.Map")
                && property.startsWith(known.getKey() + "."));
    }
}
