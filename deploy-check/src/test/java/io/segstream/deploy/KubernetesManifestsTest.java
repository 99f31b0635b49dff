package io.segstream.deploy;

import io.segstream.embedded.TopicLayout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * deploy/kubernetes: every manifest parses; each service has its Deployment (probes on the actuator health groups,
 * resources, Secret references), Service, PodDisruptionBudget and HorizontalPodAutoscaler bounded by its topics'
 * partitions; kustomization.yaml lists what exists. No cluster here: structure only (kubeconform/kustomize are not
 * available offline either).
 */
class KubernetesManifestsTest {
    static final List<String> SERVICES = Repository.SERVICES;
    private static final Set<String> KINDS_PER_SERVICE = Set.of("Deployment", "Service", "PodDisruptionBudget",
            "HorizontalPodAutoscaler");
    private static final Pattern DOCKERFILE_USER = Pattern.compile("(?m)^USER\\s+(\\d+)");

    @Test
    void everyManifestParsesAndNamesItsKind() {
        List<Manifests.Manifest> manifests = Manifests.all();

        assertThat(manifests).hasSizeGreaterThan(SERVICES.size() * KINDS_PER_SERVICE.size());
        for (Manifests.Manifest manifest : manifests) {
            assertThat(manifest.body()).as("%s", manifest.file()).containsKeys("apiVersion", "kind");
            if (!"Kustomization".equals(manifest.kind())) {
                assertThat(manifest.at("metadata.name")).as("name of a %s in %s", manifest.kind(), manifest.file())
                        .isNotNull();
            }
        }
    }

    @Test
    void kustomizationsListFilesThatExistAndTheBaseListsEveryManifest() {
        for (Manifests.Manifest kustomization : Manifests.all().stream()
                .filter(m -> "Kustomization".equals(m.kind())).toList()) {
            Path folder = kustomization.file().getParent();
            for (Object resource : Repository.list(kustomization.body().get("resources"))) {
                assertThat(folder.resolve(String.valueOf(resource))).as("resource of %s", kustomization.file())
                        .exists();
            }
        }
        Path base = Repository.file(Manifests.FOLDER + "/base");
        List<Object> listed = Repository.list(Repository.yaml(base.resolve("kustomization.yaml")).get("resources"));
        Manifests.files().stream().filter(file -> file.getParent().equals(base))
                .map(file -> file.getFileName().toString())
                .filter(file -> !file.equals("kustomization.yaml") && !file.startsWith("secrets.example"))
                .forEach(file -> assertThat(listed).as("base/kustomization.yaml lists %s", file).contains(file));
    }

    @ParameterizedTest
    @FieldSource("SERVICES")
    void everyServiceHasItsKinds(String name) {
        Set<String> kinds = Manifests.base().stream().filter(m -> name.equals(m.name())).map(Manifests.Manifest::kind)
                .collect(Collectors.toSet());

        assertThat(kinds).containsAll(KINDS_PER_SERVICE);
    }

    @ParameterizedTest
    @FieldSource("SERVICES")
    void deploymentProbesTheActuatorHealthGroupsOnTheServicePort(String name) {
        ServiceSettings settings = ServiceSettings.of(name);
        Map<String, Object> container = container(name);

        Map<String, Object> port = Repository.map(Repository.list(container.get("ports")).get(0));
        assertThat(port).containsEntry("name", "http").containsEntry("containerPort", settings.port());
        assertThat(Repository.at(container, "livenessProbe.httpGet.path")).isEqualTo("/actuator/health/liveness");
        assertThat(Repository.at(container, "readinessProbe.httpGet.path")).isEqualTo("/actuator/health/readiness");
        assertThat(Repository.at(container, "startupProbe.httpGet.path")).isEqualTo("/actuator/health/liveness");
        for (String probe : List.of("livenessProbe", "readinessProbe", "startupProbe")) {
            assertThat(Repository.at(container, probe + ".httpGet.port")).as(probe).isEqualTo("http");
        }
        assertThat(env(container)).containsEntry("SERVER_PORT", String.valueOf(settings.port()));
        Map<String, Object> annotations = Repository.map(
                Manifests.one("Deployment", name).at("spec.template.metadata.annotations"));
        assertThat(annotations).containsEntry("prometheus.io/path", "/actuator/prometheus")
                .containsEntry("prometheus.io/port", String.valueOf(settings.port()));
    }

    @ParameterizedTest
    @FieldSource("SERVICES")
    void deploymentSetsResourcesAndRunsAsTheImagesNonRootUser(String name) {
        Map<String, Object> container = container(name);
        Manifests.Manifest deployment = Manifests.one("Deployment", name);

        for (String bound : List.of("requests.cpu", "requests.memory", "limits.cpu", "limits.memory")) {
            assertThat(Repository.at(container, "resources." + bound)).as("%s %s", name, bound).isNotNull();
        }
        assertThat(deployment.at("spec.template.spec.securityContext.runAsNonRoot")).isEqualTo(true);
        assertThat(deployment.at("spec.template.spec.securityContext.runAsUser")).isEqualTo(dockerfileUser());
        assertThat(Repository.at(container, "image")).isEqualTo("segstream/" + name + ":0.1.0-SNAPSHOT");
        assertThat(Repository.at(container, "securityContext.readOnlyRootFilesystem")).isEqualTo(true);
    }

    @ParameterizedTest
    @FieldSource("SERVICES")
    void deploymentReadsConfigFromTheConfigMapAndConnectionsFromSecrets(String name) {
        Map<String, Object> container = container(name);

        Set<String> configMaps = Repository.list(container.get("envFrom")).stream()
                .map(entry -> String.valueOf(Repository.at(Repository.map(entry), "configMapRef.name")))
                .collect(Collectors.toSet());
        configMaps.forEach(configMap -> Manifests.one("ConfigMap", configMap));
        Map<String, Object> config = Repository.map(Manifests.one("ConfigMap", "segstream-config").at("data"));
        assertThat(config).containsKey("SPRING_KAFKA_BOOTSTRAP_SERVERS");

        Map<String, Object> mongo = Repository.map(envVar(container, "SPRING_MONGODB_URI").get("valueFrom"));
        assertThat(Repository.at(mongo, "secretKeyRef.name")).isEqualTo("segstream-mongodb");
        assertThat(Repository.at(mongo, "secretKeyRef.key")).isEqualTo(name + "-uri");
        assertThat(Repository.at(envVar(container, "SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG"),
                "valueFrom.secretKeyRef.name")).isEqualTo("segstream-kafka");
    }

    @Test
    void theExampleSecretsHoldEveryReferencedKeyAndEachServicesDatabase() {
        Map<String, Map<String, Object>> secrets = new HashMap<>();
        Manifests.all().stream().filter(m -> "Secret".equals(m.kind()))
                .forEach(m -> secrets.put(m.name(), Repository.map(m.body().get("stringData"))));
        for (String name : SERVICES) {
            for (Object variable : Repository.list(container(name).get("env"))) {
                Map<String, Object> ref = Repository.map(Repository.at(Repository.map(variable),
                        "valueFrom.secretKeyRef"));
                if (!ref.isEmpty()) {
                    assertThat(secrets).containsKey(String.valueOf(ref.get("name")));
                    assertThat(secrets.get(String.valueOf(ref.get("name")))).containsKey(String.valueOf(ref.get("key")));
                }
            }
            String uri = String.valueOf(secrets.get("segstream-mongodb").get(name + "-uri"));
            assertThat(ServiceSettings.databaseOf(uri)).isEqualTo(ServiceSettings.of(name).database());
        }
    }

    @ParameterizedTest
    @FieldSource("SERVICES")
    void serviceAndDisruptionBudgetSelectTheDeploymentsPods(String name) {
        Map<String, Object> podLabels = Repository.map(
                Manifests.one("Deployment", name).at("spec.template.metadata.labels"));
        Manifests.Manifest service = Manifests.one("Service", name);
        Manifests.Manifest budget = Manifests.one("PodDisruptionBudget", name);

        assertThat(podLabels).containsAllEntriesOf(Repository.map(service.at("spec.selector")));
        assertThat(podLabels).containsAllEntriesOf(Repository.map(budget.at("spec.selector.matchLabels")));
        assertThat(Repository.map(Repository.list(service.at("spec.ports")).get(0)))
                .containsEntry("name", "http").containsEntry("targetPort", "http")
                .containsEntry("port", ServiceSettings.of(name).port());
        assertThat((Integer) budget.at("spec.minAvailable"))
                .isLessThan((Integer) Manifests.one("HorizontalPodAutoscaler", name).at("spec.minReplicas"));
    }

    @ParameterizedTest
    @FieldSource("SERVICES")
    void autoscalerStaysWithinThePartitionsOfTheConsumedTopics(String name) {
        Manifests.Manifest hpa = Manifests.one("HorizontalPodAutoscaler", name);
        Map<String, Integer> layout = TopicScript.topics(ComposeFile.script("kafka-topics"));
        String[] consumed = String.valueOf(annotations(hpa).get("segstream.io/consumed-topics")).split(",");

        assertThat(hpa.at("spec.scaleTargetRef.kind")).isEqualTo("Deployment");
        assertThat(hpa.at("spec.scaleTargetRef.name")).isEqualTo(name);
        assertThat(consumed).isNotEmpty();
        int fewestPartitions = Integer.MAX_VALUE;
        for (String topic : consumed) {
            assertThat(TopicLayout.EVENT_TOPICS).as("%s consumes %s", name, topic).contains(topic);
            fewestPartitions = Math.min(fewestPartitions, layout.get(topic));
        }
        int maxReplicas = (Integer) hpa.at("spec.maxReplicas");
        assertThat(maxReplicas).isLessThanOrEqualTo(fewestPartitions)
                .isGreaterThanOrEqualTo((Integer) hpa.at("spec.minReplicas"));
        assertThat(Repository.list(hpa.at("spec.metrics"))).anySatisfy(metric ->
                assertThat(Repository.at(Repository.map(metric), "resource.name")).isEqualTo("cpu"));
        assertThat(MetricCatalogue.known())
                .contains(String.valueOf(annotations(hpa).get("segstream.io/lag-metric")));
    }

    @Test
    void serviceMonitorScrapesEveryServiceOnItsHttpPort() {
        Manifests.Manifest monitor = Manifests.one("ServiceMonitor", "segstream");
        Map<String, Object> selector = Repository.map(monitor.at("spec.selector.matchLabels"));
        Map<String, Object> endpoint = Repository.map(Repository.list(monitor.at("spec.endpoints")).get(0));

        for (String name : SERVICES) {
            assertThat(Repository.map(Manifests.one("Service", name).at("metadata.labels")))
                    .containsAllEntriesOf(selector);
        }
        assertThat(endpoint).containsEntry("port", "http").containsEntry("path", "/actuator/prometheus");
    }

    private static Map<String, Object> annotations(Manifests.Manifest manifest) {
        return Repository.map(manifest.at("metadata.annotations"));
    }

    private static Map<String, Object> container(String name) {
        List<Object> containers = Repository.list(Manifests.one("Deployment", name).at("spec.template.spec.containers"));
        assertThat(containers).hasSize(1);
        return Repository.map(containers.get(0));
    }

    private static Map<String, Object> envVar(Map<String, Object> container, String variable) {
        return Repository.list(container.get("env")).stream().map(Repository::map)
                .filter(entry -> variable.equals(entry.get("name"))).findFirst()
                .orElseThrow(() -> new AssertionError("no env " + variable));
    }

    private static Map<String, String> env(Map<String, Object> container) {
        Map<String, String> values = new HashMap<>();
        Repository.list(container.get("env")).stream().map(Repository::map).filter(entry -> entry.containsKey("value"))
                .forEach(entry -> values.put(String.valueOf(entry.get("name")), String.valueOf(entry.get("value"))));
        return values;
    }

    private static int dockerfileUser() {
        Matcher matcher = DOCKERFILE_USER.matcher(Repository.text("deploy/docker/Dockerfile"));
        assertThat(matcher.find()).as("the Dockerfile sets a numeric USER").isTrue();
        return Integer.parseInt(matcher.group(1));
    }
}
