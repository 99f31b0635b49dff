package io.segstream.contracts;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import io.segstream.contracts.registry.Contracts;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The contract files under src/main/resources/contracts as the tests see them: schemas (loaded with
 * json-schema-validator 3.x, formats asserted), golden examples, the AsyncAPI document.
 */
public final class ContractFiles {
    static final String ROOT = "/contracts/";
    public static final String SCHEMAS = ROOT + "schemas/";
    public static final String EXAMPLES = ROOT + "examples/";
    static final String ASYNCAPI = ROOT + "asyncapi.yaml";
    static final String SCHEMA_SUFFIX = ".schema.json";

    /**
     * Draft 2020-12 by default; format assertions on, since 2020-12 treats "format" as an annotation only and an
     * instant such as "yesterday" must fail.
     */
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
            builder -> builder.schemaRegistryConfig(SchemaRegistryConfig.builder()
                    .formatAssertionsEnabled(true)
                    .build()));

    private ContractFiles() {
    }

    /** The compiled schema of a contract, loaded from the classpath (its location names it in error messages). */
    public static Schema schema(EventContract<?> contract) {
        return REGISTRY.getSchema(SchemaLocation.of("classpath:" + contract.schemaPath()));
    }

    /** A schema given as a JSON tree, compiled like the contract schemas. */
    public static Schema schemaOf(JsonNode tree) {
        return REGISTRY.getSchema(tree);
    }

    /** The schema of a contract as a JSON tree, for inspecting its properties. */
    public static JsonNode schemaTree(EventContract<?> contract) {
        return readTree(contract.schemaPath());
    }

    public static JsonNode readTree(String resource) {
        try (InputStream in = ContractFiles.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no resource " + resource);
            }
            return ContractJson.mapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] bytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A resource folder as a path: tests run against target/classes, a plain directory. */
    public static Path directory(String resourceFolder) {
        URL url = ContractFiles.class.getResource(resourceFolder);
        if (url == null) {
            throw new IllegalStateException("no resource folder " + resourceFolder);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    public static List<Path> files(String resourceFolder, String suffix) {
        try (Stream<Path> files = Files.list(directory(resourceFolder))) {
            return files.filter(file -> file.getFileName().toString().endsWith(suffix))
                    .sorted(Comparator.comparing(Path::toString))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<Path> examples() {
        return files(EXAMPLES, ".json");
    }

    public static List<Path> schemaFiles() {
        return files(SCHEMAS, SCHEMA_SUFFIX);
    }

    /**
     * The contract an example belongs to: examples/<name>.json or examples/<name>-<variant>.json illustrate
     * schemas/<name>.schema.json. The longest matching name wins.
     */
    public static EventContract<?> contractOf(Path example) {
        String file = example.getFileName().toString();
        String base = file.substring(0, file.length() - ".json".length());
        return Contracts.ALL.stream()
                .filter(contract -> {
                    String name = schemaName(contract);
                    return base.equals(name) || base.startsWith(name + "-");
                })
                .max(Comparator.comparingInt(contract -> schemaName(contract).length()))
                .orElseThrow(() -> new IllegalStateException("example " + file + " matches no contract schema"));
    }

    /** purchase-submitted for purchase-submitted.schema.json. */
    public static String schemaName(EventContract<?> contract) {
        String resource = contract.schemaResource();
        return resource.substring(0, resource.length() - SCHEMA_SUFFIX.length());
    }
}
