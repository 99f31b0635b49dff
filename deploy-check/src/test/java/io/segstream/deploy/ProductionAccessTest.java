package io.segstream.deploy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Production access control in the deployments (docs/security.md): every service validates bearer JWTs of the
 * operator's identity provider, nothing enables the local profile or a local signing key, and Prometheus scrapes
 * with a METRICS token.
 */
class ProductionAccessTest {
    static final List<String> SERVICES = Repository.SERVICES;
    static final String ISSUER = "SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI";
    static final String AUDIENCES = "SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_AUDIENCES";
    static final String ROLES_CLAIM = "SEGSTREAM_SECURITY_ROLES_CLAIM";
    /** What would turn local tokens on, in any spelling a file of the deployments could use. */
    private static final Pattern LOCAL_SWITCHES = Pattern.compile(
            "(?i)signing[-_.]?key|profiles[-_.]?(active|include|group)|--spring\\.profiles|local-signing");

    @ParameterizedTest
    @FieldSource("SERVICES")
    void composeServiceValidatesTokensOfTheConfiguredIssuer(String name) {
        Map<String, String> env = ComposeFile.environment(name);

        // No default issuer: `docker compose up` stops with the message rather than run with a made-up one.
        assertThat(SecureOverlay.requiredVariables(env.get(ISSUER))).containsExactly("SEGSTREAM_JWT_ISSUER_URI");
        assertThat(SecureOverlay.interpolate(env.get(ISSUER),
                Map.of("SEGSTREAM_JWT_ISSUER_URI", "https://idp.example.com/realms/segstream")))
                .isEqualTo("https://idp.example.com/realms/segstream");
        assertThat(SecureOverlay.interpolate(env.get(AUDIENCES), Map.of())).isEqualTo("segstream");
        assertThat(SecureOverlay.interpolate(env.get(AUDIENCES), Map.of("SEGSTREAM_JWT_AUDIENCES", "api://segstream")))
                .isEqualTo("api://segstream");
        assertThat(SecureOverlay.interpolate(env.get(ROLES_CLAIM), Map.of())).isEqualTo("roles");
        assertThat(SecureOverlay.interpolate(env.get(ROLES_CLAIM), Map.of("SEGSTREAM_ROLES_CLAIM",
                "realm_access.roles"))).isEqualTo("realm_access.roles");
    }

    @Test
    void composeRefusesToStartWithoutAnIssuer() {
        String issuer = ComposeFile.environment(SERVICES.get(0)).get(ISSUER);

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SecureOverlay.interpolate(issuer, Map.of()))
                .hasMessageContaining("SEGSTREAM_JWT_ISSUER_URI").hasMessageContaining("docs/security.md");
    }

    @Test
    void kubernetesConfigNamesTheIssuerAudienceAndRolesClaimEveryDeploymentReads() {
        Map<String, Object> config = Repository.map(Manifests.one("ConfigMap", "segstream-config").at("data"));

        assertThat(String.valueOf(config.get(ISSUER))).startsWith("https://");
        assertThat(String.valueOf(config.get(AUDIENCES))).isNotBlank();
        assertThat(String.valueOf(config.get(ROLES_CLAIM))).isNotBlank();
        for (String name : SERVICES) {
            Map<String, Object> container = Repository.map(Repository.list(
                    Manifests.one("Deployment", name).at("spec.template.spec.containers")).get(0));
            assertThat(Repository.list(container.get("envFrom"))).anySatisfy(source -> assertThat(
                    Repository.at(Repository.map(source), "configMapRef.name")).isEqualTo("segstream-config"));
        }
        // The example overlay shows replacing the placeholder issuer (a JSON patch "replace" needs the key).
        assertThat(Repository.text("deploy/kubernetes/overlays/example/kustomization.yaml"))
                .contains("path: /data/" + ISSUER);
    }

    @Test
    void noFileOfTheDeploymentsEnablesTheLocalProfileOrASigningKey() {
        List<Path> files = new ArrayList<>(Repository.files("deploy", ""));
        files.add(Repository.file(ComposeFile.PATH));
        files.add(Repository.file(SecureOverlay.COMPOSE));

        for (Path file : files) {
            String text = Repository.text(file);
            assertThat(LOCAL_SWITCHES.matcher(text).find()).as("%s mentions a profile or signing-key setting", file)
                    .isFalse();
        }
    }

    @Test
    void noVariableOfTheDeploymentsBindsToAProfileOrLocalTokenProperty() {
        Map<String, Object> environment = new HashMap<>();
        EnvironmentNamesTest.deploymentVariables().forEach(variable -> environment.put(variable, "local"));
        Binder binder = new Binder(ConfigurationPropertySources.from(new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, environment)));

        for (String property : List.of("spring.profiles.active", "spring.profiles.include", "spring.profiles.default",
                "segstream.security.local.signing-key")) {
            assertThat(binder.bind(property, String.class).isBound()).as(property).isFalse();
        }
        assertThat(binder.bind("spring.profiles.group", Bindable.mapOf(String.class, String.class)).isBound())
                .isFalse();
        // The binder does see what it is asked for: the check is not vacuous.
        assertThat(binder.bind("segstream.security.roles-claim", String.class).isBound()).isTrue();
    }

    @Test
    void prometheusScrapesTheServicesWithAMetricsBearerTokenFromAMountedFile() {
        Map<String, Object> config = Repository.yaml("deploy/prometheus/prometheus.yml");
        Map<String, Object> job = Repository.list(config.get("scrape_configs")).stream().map(Repository::map)
                .filter(j -> "segstream".equals(j.get("job_name"))).findFirst().orElseThrow();

        assertThat(Repository.at(job, "authorization.type")).isEqualTo("Bearer");
        assertThat(Repository.map(job.get("authorization"))).doesNotContainKey("credentials");
        String file = String.valueOf(Repository.at(job, "authorization.credentials_file"));
        String mount = Repository.list(ComposeFile.service("prometheus").get("volumes")).stream().map(String::valueOf)
                .filter(volume -> file.startsWith(volume.split(":")[1] + "/")).findFirst()
                .orElseThrow(() -> new AssertionError("no volume of the prometheus service holds " + file));
        Path folder = Repository.file(mount.split(":")[0].substring(2));
        assertThat(folder.resolve("README.md")).content().contains("METRICS");
        assertThat(folder.resolve(".gitignore")).content().startsWith("*\n");
    }

    @Test
    void theServiceMonitorScrapesWithAMetricsTokenFromASecret() {
        Manifests.Manifest monitor = Manifests.one("ServiceMonitor", "segstream");

        for (Object endpoint : Repository.list(monitor.at("spec.endpoints"))) {
            Map<String, Object> authorization = Repository.map(Repository.map(endpoint).get("authorization"));
            assertThat(authorization).containsEntry("type", "Bearer");
            String secret = String.valueOf(Repository.at(authorization, "credentials.name"));
            String key = String.valueOf(Repository.at(authorization, "credentials.key"));
            assertThat(Manifests.all()).as("secrets.example.yaml has %s/%s", secret, key).anySatisfy(manifest -> {
                assertThat(manifest.kind()).isEqualTo("Secret");
                assertThat(manifest.name()).isEqualTo(secret);
                assertThat(Repository.map(manifest.at("stringData"))).containsKey(key);
            });
        }
    }

    @Test
    void theSecurityGuideNamesTheSettingsTheDeploymentsUse() {
        String guide = Repository.text("docs/security.md");

        assertThat(guide).contains(ISSUER, AUDIENCES, ROLES_CLAIM, "SEGSTREAM_JWT_ISSUER_URI", "credentials_file",
                SecureOverlay.COMPOSE, "overlays/secure", "./segstream token");
        SecureOverlayTest.COMPOSE_SETTINGS.forEach(setting -> assertThat(guide).contains(setting));
        for (String role : List.of("INGEST", "MARKETING", "OPS", "ADMIN", "METRICS")) {
            assertThat(guide).contains(role);
        }
        assertThat(Repository.text("docs/operations.md")).contains("security.md");
        assertThat(guide.toLowerCase(Locale.ROOT)).contains("retention");
    }
}
