package io.segstream.localstack;

import io.segstream.localstack.launcher.RunCommand;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class ServiceProcessTest {
    private static final String KEY = "a-signing-key-of-at-least-thirty-two-bytes-0123456789";

    @Test
    void theKeyAndTheLocalProfileGoThroughTheEnvironmentNeverTheCommandLine() {
        StackSettings settings = RunCommand.settings(Path.of("/opt/segstream"), Map.of(), "--no-demo");
        ServiceProcess service = new ServiceProcess(settings.service("segmentation"), settings, KEY);

        List<String> command = service.command(Path.of("/opt/segstream/segmentation-exec.jar"));
        assertThat(String.join(" ", command)).doesNotContain(KEY).doesNotContain("profiles")
                .contains("--server.port=8083", "--spring.mongodb.uri=mongodb://localhost:27017/segstream-segmentation");
        assertThat(command.get(command.size() - 1)).as("run passes no extra arguments: the state directory is last")
                .isEqualTo("--spring.kafka.streams.state-dir=/opt/segstream/.segstream/state/segmentation-8083");

        Map<String, String> environment = new HashMap<>(Map.of("SPRING_PROFILES_ACTIVE", "prod", "HOME", "/home/x"));
        ServiceProcess.localProfile(environment, KEY);
        assertThat(environment).containsEntry("SPRING_PROFILES_ACTIVE", "local")
                .containsEntry("SEGSTREAM_SECURITY_LOCAL_SIGNING_KEY", KEY)
                .containsEntry("HOME", "/home/x");
        assertThat(environment.keySet()).containsAll(Set.of(ServiceProcess.PROFILES_VARIABLE,
                ServiceProcess.SIGNING_KEY_VARIABLE));
    }

    @Test
    void aSpecsExtraArgumentsFollowTheConnectionSettings() {
        StackSettings settings = RunCommand.settings(Path.of("/opt/segstream"), Map.of(), "--no-demo");
        ServiceSpec spec = settings.service("segmentation");
        ServiceProcess service = new ServiceProcess(new ServiceSpec(spec.name(), spec.port(), spec.database(),
                List.of("--segstream.segmentation.clock.follow-event-time=true")), settings, KEY);

        List<String> command = service.command(Path.of("/opt/segstream/segmentation-exec.jar"));
        assertThat(command).endsWith("--spring.mongodb.uri=mongodb://localhost:27017/segstream-segmentation",
                "--spring.kafka.streams.state-dir=/opt/segstream/.segstream/state/segmentation-8083",
                "--segstream.segmentation.clock.follow-event-time=true");
    }
}
