package io.segstream.deploy;

import com.networknt.schema.Error;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The opt-in overlays for Kafka SASL_SSL and MongoDB TLS (docker-compose.secure.yml, deploy/kubernetes/overlays/secure)
 * give every service exactly the transport settings of docs/security.md, with the secrets from variables or Secrets
 * and the certificates from mounted folders that exist. SaslClientSettingsIT runs the Kafka settings for real.
 */
class SecureOverlayTest {
    static final List<String> SERVICES = Repository.SERVICES;

    /** The variables the compose overlay sets for every service: nothing more, nothing less. */
    static final Set<String> COMPOSE_SETTINGS = Set.of(
            "SPRING_KAFKA_BOOTSTRAP_SERVERS",
            "SPRING_KAFKA_SECURITY_PROTOCOL",
            "SPRING_KAFKA_PROPERTIES_SASL_MECHANISM",
            "SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG",
            "SPRING_KAFKA_SSL_TRUST_STORE_LOCATION",
            "SPRING_KAFKA_SSL_TRUST_STORE_PASSWORD",
            "SPRING_KAFKA_SSL_TRUST_STORE_TYPE",
            "SPRING_MONGODB_URI",
            "SPRING_MONGODB_SSL_ENABLED",
            "SPRING_MONGODB_SSL_BUNDLE",
            "SPRING_SSL_BUNDLE_PEM_MONGO_TRUSTSTORE_CERTIFICATE");
    /** On Kubernetes the secrets and the addresses come from the base's Secrets and ConfigMap. */
    static final Set<String> KUBERNETES_CONFIG_SETTINGS = Set.of(
            "SPRING_KAFKA_SECURITY_PROTOCOL",
            "SPRING_KAFKA_PROPERTIES_SASL_MECHANISM",
            "SPRING_KAFKA_SSL_TRUST_STORE_LOCATION",
            "SPRING_KAFKA_SSL_TRUST_STORE_TYPE",
            "SPRING_MONGODB_SSL_ENABLED",
            "SPRING_MONGODB_SSL_BUNDLE",
            "SPRING_SSL_BUNDLE_PEM_MONGO_TRUSTSTORE_CERTIFICATE");
    private static final Pattern LISTENER = Pattern.compile("([A-Z_]+)://([^,]+)");

    @Test
    void composeOverlayValidatesAgainstTheComposeSpecificationSchema() {
        List<Error> errors = ComposeFileTest.composeSchema().validate(Repository.toJson(SecureOverlay.compose()));

        assertThat(errors).as("%s against the Compose Specification schema", SecureOverlay.COMPOSE).isEmpty();
    }

    @ParameterizedTest
    @FieldSource("SERVICES")
    void composeOverlayGivesTheServiceExactlyTheTransportSettings(String name) {
        Map<String, String> env = SecureOverlay.composeOverlayEnvironment(name);

        assertThat(env.keySet()).containsExactlyInAnyOrderElementsOf(COMPOSE_SETTINGS);
        assertKafkaSettings(env);
        assertThat(env.get("SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG"))
                .startsWith("org.apache.kafka.common.security.scram.ScramLoginModule required username=\"segstream\"")
                .endsWith(";");
        // Secrets from variables the operator must set: compose refuses to start without them.
        assertThat(SecureOverlay.requiredVariables(env.get("SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG")))
                .containsExactly("SEGSTREAM_KAFKA_PASSWORD");
        assertThat(SecureOverlay.requiredVariables(env.get("SPRING_KAFKA_SSL_TRUST_STORE_PASSWORD")))
                .containsExactly("SEGSTREAM_TLS_STORE_PASSWORD");
        assertMongoSettings(env, env.get("SPRING_MONGODB_URI"), name);

        // Every file a setting names is in a folder mounted into the service from the repository.
        List<String> mounts = Repository.list(SecureOverlay.composeService(name).get("volumes")).stream()
                .map(String::valueOf).toList();
        for (String file : List.of(env.get("SPRING_KAFKA_SSL_TRUST_STORE_LOCATION"),
                env.get("SPRING_SSL_BUNDLE_PEM_MONGO_TRUSTSTORE_CERTIFICATE"))) {
            String path = file.substring("file:".length());
            assertThat(mounts).as("%s: a mount holds %s", name, path)
                    .anySatisfy(mount -> assertThat(path).startsWith(mount.split(":")[1] + "/"));
        }
    }

    @ParameterizedTest
    @FieldSource("SERVICES")
    void composeOverlayKeepsTheServiceWaitingForItsKafkaUser(String name) {
        Map<String, Object> dependsOn = Repository.map(SecureOverlay.composeService(name).get("depends_on"));

        assertThat(Repository.at(Repository.map(dependsOn.get("kafka-users")), "condition"))
                .isEqualTo("service_completed_successfully");
        assertThat(String.valueOf(Repository.at(SecureOverlay.compose(), "services.kafka-users.command")))
                .contains("--entity-name segstream", "SCRAM-SHA-512=");
    }

    @Test
    void composeOverlayBrokerOffersSaslSslWhereTheServicesConnect() {
        Map<String, String> kafka = new HashMap<>(ComposeFile.environment("kafka"));
        Repository.map(SecureOverlay.composeService("kafka").get("environment"))
                .forEach((key, value) -> kafka.put(key, String.valueOf(value)));
        String bootstrap = SecureOverlay.composeOverlayEnvironment(SERVICES.get(0))
                .get("SPRING_KAFKA_BOOTSTRAP_SERVERS");

        String listener = null;
        Matcher advertised = LISTENER.matcher(kafka.get("KAFKA_ADVERTISED_LISTENERS"));
        while (advertised.find()) {
            if (advertised.group(2).equals(bootstrap)) {
                listener = advertised.group(1);
            }
        }
        assertThat(listener).as("the broker advertises %s", bootstrap).isNotNull();
        assertThat(kafka.get("KAFKA_LISTENER_SECURITY_PROTOCOL_MAP")).contains(listener + ":SASL_SSL");
        assertThat(kafka.get("KAFKA_LISTENER_NAME_" + listener + "_SASL_ENABLED_MECHANISMS"))
                .isEqualTo("SCRAM-SHA-512");
        assertThat(kafka).containsKey("KAFKA_LISTENER_NAME_" + listener + "_SSL_KEYSTORE_LOCATION");
    }

    @Test
    void composeOverlayMountsOnlyFoldersOfTheRepositoryThatExist() {
        Repository.map(SecureOverlay.compose().get("services")).forEach((name, spec) ->
                Repository.list(Repository.map(spec).get("volumes")).stream().map(String::valueOf)
                        .filter(volume -> volume.startsWith("./"))
                        .forEach(volume -> assertThat(Repository.file(volume.substring(2).split(":")[0]))
                                .as("%s mounts %s", name, volume).exists()));
        // The keys and certificates in that folder are never committed.
        assertThat(Repository.text("deploy/docker/secure/.gitignore")).startsWith("*\n");
        assertThat(Repository.text("deploy/docker/Dockerfile.dockerignore")).contains("deploy/docker/secure");
    }

    @Test
    void kubernetesOverlayAddsExactlyTheTransportSettingsToTheConfigMap() {
        Map<String, String> added = SecureOverlay.kubernetesConfigAdditions();

        assertThat(added.keySet()).containsExactlyInAnyOrderElementsOf(KUBERNETES_CONFIG_SETTINGS);
        assertKafkaSettings(added);
        assertThat(SecureOverlay.patchTargets("ConfigMap")).singleElement()
                .satisfies(target -> assertThat(target).containsEntry("name", "segstream-config"));
    }

    @ParameterizedTest
    @FieldSource("SERVICES")
    void kubernetesOverlayGivesTheServiceItsSecretsAndTheCa(String name) {
        Map<String, Object> deployment = SecureOverlay.kubernetesDeployment(name);
        Map<String, Object> container = Repository.map(Repository.list(
                Repository.at(deployment, "spec.template.spec.containers")).get(0));
        Map<String, Object> config = SecureOverlay.kubernetesConfig();
        Map<String, Map<String, Object>> secrets = exampleSecrets();

        // The pod reads the overlay's ConfigMap entries ...
        assertThat(Repository.list(container.get("envFrom"))).anySatisfy(source -> assertThat(
                Repository.at(Repository.map(source), "configMapRef.name")).isEqualTo("segstream-config"));
        // ... and the secrets from Secrets.
        assertThat(secretRef(container, "SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG"))
                .containsEntry("name", "segstream-kafka").containsEntry("key", "sasl-jaas-config");
        assertThat(secretRef(container, "SPRING_KAFKA_SSL_TRUST_STORE_PASSWORD"))
                .containsEntry("name", "segstream-kafka").containsEntry("key", "truststore-password");
        assertThat(String.valueOf(secrets.get("segstream-kafka").get("sasl-jaas-config")))
                .startsWith("org.apache.kafka.common.security.scram.ScramLoginModule required");
        Map<String, Object> mongo = secretRef(container, "SPRING_MONGODB_URI");
        String uri = String.valueOf(secrets.get(String.valueOf(mongo.get("name"))).get(String.valueOf(mongo.get("key"))));
        Map<String, String> env = new HashMap<>();
        config.forEach((key, value) -> env.put(key, String.valueOf(value)));
        assertMongoSettings(env, uri, name);

        // The CA files are mounted where the settings look for them, from the segstream-tls Secret.
        String volume = Repository.list(container.get("volumeMounts")).stream().map(Repository::map)
                .filter(mount -> String.valueOf(config.get("SPRING_KAFKA_SSL_TRUST_STORE_LOCATION"))
                        .startsWith("file:" + mount.get("mountPath") + "/"))
                .filter(mount -> String.valueOf(config.get("SPRING_SSL_BUNDLE_PEM_MONGO_TRUSTSTORE_CERTIFICATE"))
                        .startsWith("file:" + mount.get("mountPath") + "/"))
                .map(mount -> String.valueOf(mount.get("name"))).findFirst()
                .orElseThrow(() -> new AssertionError(name + " mounts no folder with the trust store and the CA"));
        Map<String, Object> source = Repository.list(Repository.at(deployment, "spec.template.spec.volumes")).stream()
                .map(Repository::map).filter(v -> volume.equals(v.get("name"))).findFirst().orElseThrow();
        String secret = String.valueOf(Repository.at(source, "secret.secretName"));
        Map<String, Object> tls = new HashMap<>(Repository.map(secretNamed(secret).get("stringData")));
        tls.putAll(Repository.map(secretNamed(secret).get("data")));
        assertThat(tls).containsKeys(fileName(config.get("SPRING_KAFKA_SSL_TRUST_STORE_LOCATION")),
                fileName(config.get("SPRING_SSL_BUNDLE_PEM_MONGO_TRUSTSTORE_CERTIFICATE")));
    }

    @Test
    void kubernetesOverlayPatchesEveryServiceAndNothingElse() {
        assertThat(SecureOverlay.patchTargets("Deployment")).singleElement().satisfies(target ->
                assertThat(target).containsEntry("labelSelector", "app.kubernetes.io/part-of=segstream"));
        List<String> deployments = Manifests.base().stream().filter(m -> "Deployment".equals(m.kind()))
                .map(Manifests.Manifest::name).toList();
        assertThat(deployments).containsExactlyInAnyOrderElementsOf(SERVICES);
    }

    @Test
    void bothOverlaysDeclareTheSameSettings() {
        Map<String, String> compose = SecureOverlay.composeOverlayEnvironment(SERVICES.get(0));
        Map<String, String> kubernetes = SecureOverlay.kubernetesConfigAdditions();

        for (String setting : List.of("SPRING_KAFKA_SECURITY_PROTOCOL", "SPRING_KAFKA_PROPERTIES_SASL_MECHANISM",
                "SPRING_KAFKA_SSL_TRUST_STORE_TYPE", "SPRING_MONGODB_SSL_ENABLED", "SPRING_MONGODB_SSL_BUNDLE")) {
            assertThat(kubernetes.get(setting)).as(setting).isEqualTo(compose.get(setting));
        }
    }

    @Test
    void thePlainDeploymentsStayPlain() {
        for (String name : SERVICES) {
            assertThat(ComposeFile.environment(name)).doesNotContainKeys("SPRING_KAFKA_SECURITY_PROTOCOL",
                    "SPRING_MONGODB_SSL_ENABLED");
        }
        assertThat(Repository.map(Manifests.one("ConfigMap", "segstream-config").at("data")))
                .doesNotContainKeys("SPRING_KAFKA_SECURITY_PROTOCOL", "SPRING_MONGODB_SSL_ENABLED");
    }

    private static void assertKafkaSettings(Map<String, String> env) {
        assertThat(env).containsEntry("SPRING_KAFKA_SECURITY_PROTOCOL", "SASL_SSL")
                .containsEntry("SPRING_KAFKA_PROPERTIES_SASL_MECHANISM", "SCRAM-SHA-512")
                .containsEntry("SPRING_KAFKA_SSL_TRUST_STORE_TYPE", "PKCS12");
        assertThat(env.get("SPRING_KAFKA_SSL_TRUST_STORE_LOCATION")).startsWith("file:/").endsWith(".p12");
    }

    private static void assertMongoSettings(Map<String, String> env, String uri, String name) {
        assertThat(ServiceSettings.databaseOf(uri)).isEqualTo(ServiceSettings.of(name).database());
        assertThat(URI.create(uri.replace(",", "%2C")).getQuery()).contains("tls=true");
        assertThat(env).containsEntry("SPRING_MONGODB_SSL_ENABLED", "true");
        String bundle = env.get("SPRING_MONGODB_SSL_BUNDLE");
        assertThat(bundle).isNotBlank();
        assertThat(env.get("SPRING_SSL_BUNDLE_PEM_" + bundle.toUpperCase() + "_TRUSTSTORE_CERTIFICATE"))
                .as("the bundle %s has a CA", bundle).startsWith("file:/").endsWith(".pem");
    }

    private static Map<String, Object> secretRef(Map<String, Object> container, String variable) {
        return Repository.list(container.get("env")).stream().map(Repository::map)
                .filter(entry -> variable.equals(entry.get("name")))
                .map(entry -> Repository.map(Repository.at(entry, "valueFrom.secretKeyRef"))).findFirst()
                .orElseThrow(() -> new AssertionError("no env " + variable + " from a Secret"));
    }

    private static Map<String, Map<String, Object>> exampleSecrets() {
        Map<String, Map<String, Object>> secrets = new HashMap<>();
        Manifests.all().stream().filter(m -> "Secret".equals(m.kind()))
                .forEach(m -> secrets.put(m.name(), Repository.map(m.body().get("stringData"))));
        return secrets;
    }

    private static Map<String, Object> secretNamed(String name) {
        return Manifests.all().stream().filter(m -> "Secret".equals(m.kind()) && name.equals(m.name()))
                .map(Manifests.Manifest::body).findFirst()
                .orElseThrow(() -> new AssertionError("no Secret " + name + " in secrets.example.yaml"));
    }

    private static String fileName(Object location) {
        String path = String.valueOf(location);
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
