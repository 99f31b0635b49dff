package io.segstream.deploy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The environment variables docker-compose.yml, the Kubernetes manifests and docs/operations.md set reach the
 * Spring properties they are meant for, bound the way a service binds them (relaxed binding from the system
 * environment: dots become underscores, dashes are dropped; map keys keep their dots).
 */
class EnvironmentNamesTest {
    /** Scalar properties: variable to property. */
    private static final Map<String, String> PROPERTIES = Map.ofEntries(
            Map.entry("SERVER_PORT", "server.port"),
            Map.entry("SPRING_KAFKA_BOOTSTRAP_SERVERS", "spring.kafka.bootstrap-servers"),
            Map.entry("SPRING_MONGODB_URI", "spring.mongodb.uri"),
            Map.entry("SPRING_KAFKA_SECURITY_PROTOCOL", "spring.kafka.security.protocol"),
            Map.entry("SPRING_KAFKA_SSL_TRUST_STORE_LOCATION", "spring.kafka.ssl.trust-store-location"),
            Map.entry("SPRING_KAFKA_SSL_TRUST_STORE_TYPE", "spring.kafka.ssl.trust-store-type"),
            Map.entry("SPRING_KAFKA_SSL_TRUST_STORE_PASSWORD", "spring.kafka.ssl.trust-store-password"),
            Map.entry("SPRING_MONGODB_SSL_ENABLED", "spring.mongodb.ssl.enabled"),
            Map.entry("SPRING_MONGODB_SSL_BUNDLE", "spring.mongodb.ssl.bundle"),
            Map.entry("SPRING_SSL_BUNDLE_PEM_MONGO_TRUSTSTORE_CERTIFICATE",
                    "spring.ssl.bundle.pem.mongo.truststore.certificate"),
            Map.entry("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI",
                    "spring.security.oauth2.resourceserver.jwt.issuer-uri"),
            Map.entry("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_AUDIENCES",
                    "spring.security.oauth2.resourceserver.jwt.audiences"),
            Map.entry("SEGSTREAM_SECURITY_ROLES_CLAIM", "segstream.security.roles-claim"),
            Map.entry("SPRING_KAFKA_STREAMS_STATE_DIR", "spring.kafka.streams.state-dir"));
    /** Map properties: variable to (map property, key). */
    private static final Map<String, Map.Entry<String, String>> MAP_ENTRIES = Map.of(
            "SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG", Map.entry("spring.kafka.properties", "sasl.jaas.config"),
            "SPRING_KAFKA_PROPERTIES_SASL_MECHANISM", Map.entry("spring.kafka.properties", "sasl.mechanism"),
            "MANAGEMENT_METRICS_DISTRIBUTION_PERCENTILESHISTOGRAM_SEGSTREAM",
            Map.entry("management.metrics.distribution.percentiles-histogram", "segstream"));
    /** Read by the JVM or the container, not by Spring. */
    private static final Set<String> NOT_SPRING = Set.of("JAVA_TOOL_OPTIONS");

    @Test
    void everyVariableTheDeploymentsSetIsOneOfTheBoundOnes() {
        Set<String> set = new TreeSet<>(deploymentVariables());

        set.removeAll(NOT_SPRING);
        assertThat(set).isNotEmpty().allSatisfy(variable -> assertThat(
                PROPERTIES.containsKey(variable) || MAP_ENTRIES.containsKey(variable))
                .as("%s is in EnvironmentNamesTest's table", variable).isTrue());
    }

    /**
     * Spring Boot's own properties among them exist in the configuration metadata of the Boot 4 jars (a renamed
     * property, such as spring.data.mongodb.* before Boot 4, would be ignored silently by a service).
     */
    @Test
    void everySpringPropertyOfTheTableIsInBootsConfigurationMetadata() {
        Map<String, String> metadata = SpringMetadata.properties();
        Set<String> properties = new TreeSet<>(PROPERTIES.values());
        MAP_ENTRIES.values().forEach(entry -> properties.add(entry.getKey()));

        assertThat(properties.stream().filter(property -> property.startsWith("spring.")))
                .isNotEmpty()
                .allSatisfy(property -> assertThat(SpringMetadata.knows(metadata, property))
                        .as("%s is a Spring Boot property", property).isTrue());
    }

    /** The variables docker-compose.yml, docker-compose.secure.yml and the Kubernetes base and overlays set. */
    static Set<String> deploymentVariables() {
        Set<String> set = new TreeSet<>();
        Repository.SERVICES.forEach(name -> set.addAll(SecureOverlay.composeEnvironment(name).keySet()));
        set.addAll(SecureOverlay.kubernetesConfig().keySet());
        Repository.SERVICES.forEach(name -> set.addAll(ComposeFile.environment(name).keySet()));
        set.addAll(Repository.map(Manifests.one("ConfigMap", "segstream-config").at("data")).keySet());
        Repository.SERVICES.forEach(name -> Repository.list(Repository.list(
                        Manifests.one("Deployment", name).at("spec.template.spec.containers")).stream()
                .map(Repository::map).findFirst().orElseThrow().get("env"))
                .forEach(variable -> set.add(String.valueOf(Repository.map(variable).get("name")))));
        return set;
    }

    @Test
    void scalarVariablesBindToTheirProperties() {
        Map<String, Object> environment = new HashMap<>();
        PROPERTIES.keySet().forEach(variable -> environment.put(variable, "value-of-" + variable));
        Binder binder = binderOver(environment);

        PROPERTIES.forEach((variable, property) -> assertThat(binder.bind(property, String.class).orElse(null))
                .as("%s -> %s", variable, property).isEqualTo("value-of-" + variable));
    }

    @Test
    void mapVariablesBindToTheirKeys() {
        Map<String, Object> environment = new HashMap<>();
        MAP_ENTRIES.keySet().forEach(variable -> environment.put(variable, "value-of-" + variable));
        Binder binder = binderOver(environment);

        MAP_ENTRIES.forEach((variable, entry) -> assertThat(binder.bind(entry.getKey(),
                        Bindable.mapOf(String.class, String.class)).orElse(Map.of()))
                .as("%s -> %s[%s]", variable, entry.getKey(), entry.getValue())
                .containsEntry(entry.getValue(), "value-of-" + variable));
    }

    @Test
    void theDashedFormWithUnderscoresWouldNotBind() {
        Binder binder = binderOver(Map.of("MANAGEMENT_METRICS_DISTRIBUTION_PERCENTILES_HISTOGRAM_SEGSTREAM", "true"));

        assertThat(binder.bind("management.metrics.distribution.percentiles-histogram",
                Bindable.mapOf(String.class, String.class)).orElse(Map.of())).doesNotContainKey("segstream");
    }

    private static Binder binderOver(Map<String, Object> environment) {
        return new Binder(ConfigurationPropertySources.from(new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, environment)));
    }
}
