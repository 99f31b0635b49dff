package io.segstream.deploy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** deploy/docker/Dockerfile (no Docker engine here to build it): its run stage as the deployments expect it. */
class DockerfileTest {
    static final List<String> SERVICES = Repository.SERVICES;
    private static final String DOCKERFILE = "deploy/docker/Dockerfile";
    /** Spring Boot's layers, least to most often changed. */
    private static final List<String> LAYERS = List.of("dependencies", "spring-boot-loader", "snapshot-dependencies",
            "application");

    @Test
    void runStageIsLayeredNonRootAndContainerAware() {
        String dockerfile = Repository.text(DOCKERFILE);
        String runStage = dockerfile.substring(dockerfile.lastIndexOf("\nFROM "));

        int previous = -1;
        for (String layer : LAYERS) {
            int at = runStage.indexOf("COPY --from=build /layers/" + layer + "/ ./");
            assertThat(at).as("layer %s copied after the previous one", layer).isGreaterThan(previous);
            previous = at;
        }
        assertThat(runStage).containsPattern("(?m)^USER [1-9]\\d*(:\\d+)?$")
                .contains("-XX:MaxRAMPercentage=").contains("-XX:+ExitOnOutOfMemoryError")
                .contains("HEALTHCHECK").contains("/actuator/health/readiness")
                .contains("ENTRYPOINT [\"java\", \"org.springframework.boot.loader.launch.JarLauncher\"]")
                .doesNotContain("-jdk");
        assertThat(dockerfile).contains("extract --layers --launcher");
    }

    @ParameterizedTest
    @FieldSource("SERVICES")
    void healthCheckFallsBackToTheServicesOwnPort(String name) {
        Matcher matcher = Pattern.compile(Pattern.quote(name) + "\\) echo (\\d+);;")
                .matcher(Repository.text(DOCKERFILE));
        int port = ServiceSettings.of(name).port();
        if (matcher.find()) {
            assertThat(Integer.parseInt(matcher.group(1))).isEqualTo(port);
        } else {
            // The last service is the "*)" default of the case.
            assertThat(Repository.text(DOCKERFILE)).contains("*) echo " + port + ";;");
        }
        assertThat(Repository.text(DOCKERFILE)).contains("EXPOSE").contains(String.valueOf(port));
    }

    @Test
    void theBuildContextLeavesOutLocalData() {
        assertThat(Repository.text(DOCKERFILE + ".dockerignore").lines().toList())
                .contains(".git", ".segstream", "**/target");
    }
}
