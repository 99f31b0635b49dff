package io.segstream.localstack;

import io.segstream.localstack.launcher.RunCommand;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.ParameterException;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StackSettingsTest {
    private static final Path HOME = Path.of("/opt/segstream");

    private static StackSettings parse(Map<String, String> env, String... args) {
        return RunCommand.settings(HOME, env, args);
    }

    @Test
    void defaultsAreTheDocumentedPorts() {
        StackSettings settings = parse(Map.of());
        assertThat(settings.kafkaPort()).isEqualTo(9092);
        assertThat(settings.mongoPort()).isEqualTo(27017);
        assertThat(settings.healthPort()).isEqualTo(8080);
        assertThat(settings.services()).extracting(ServiceSpec::port).containsExactly(8081, 8082, 8083, 8084);
        assertThat(settings.dataDir()).isEqualTo(HOME.resolve(".segstream"));
        assertThat(settings.demo()).isTrue();
        assertThat(settings.keepData()).isTrue();
    }

    @Test
    void theSigningKeyBelongsToTheCheckoutWhereverTheDataIs() {
        assertThat(parse(Map.of()).signingKeyFile()).isEqualTo(HOME.resolve(".segstream/local-signing.key"));
        assertThat(parse(Map.of(), "--data-dir", "/tmp/x").signingKeyFile())
                .isEqualTo(HOME.resolve(".segstream/local-signing.key"));
    }

    @Test
    void optionsBothFormsAndFlagsAreRead() {
        StackSettings settings = parse(Map.of(), "--no-demo", "--kafka-port", "19092", "--mongo-port=37017",
                "--segmentation-port", "18083", "--data-dir", "/tmp/x", "--fresh");
        assertThat(settings.demo()).isFalse();
        assertThat(settings.kafkaPort()).isEqualTo(19092);
        assertThat(settings.mongoPort()).isEqualTo(37017);
        assertThat(settings.service("segmentation").port()).isEqualTo(18083);
        assertThat(settings.dataDir()).isEqualTo(Path.of("/tmp/x"));
        assertThat(settings.keepData()).isFalse();
    }

    @Test
    void environmentVariablesAreTheFallbackAndOptionsWin() {
        Map<String, String> env = Map.of("SEGSTREAM_KAFKA_PORT", "29092", "SEGSTREAM_HEALTH_PORT", "18080");
        StackSettings settings = parse(env, "--health-port", "28080");
        assertThat(settings.kafkaPort()).isEqualTo(29092);
        assertThat(settings.healthPort()).isEqualTo(28080);
    }

    @Test
    void unknownOptionsAndBadNumbersAreUsageErrors() {
        assertThatThrownBy(() -> parse(Map.of(), "--kafka-prot", "1"))
                .isInstanceOf(ParameterException.class).hasMessageContaining("--kafka-prot");
        assertThatThrownBy(() -> parse(Map.of(), "--kafka-port", "99999"))
                .isInstanceOf(ParameterException.class).hasMessageContaining("between 1 and 65535");
        assertThatThrownBy(() -> parse(Map.of(), "--demo-rate", "fast"))
                .isInstanceOf(ParameterException.class).hasMessageContaining("--demo-rate")
                .hasMessageContaining("must be a number");
        assertThatThrownBy(() -> parse(Map.of(), "--mongo-port"))
                .isInstanceOf(ParameterException.class).hasMessageContaining("Missing required parameter")
                .hasMessageContaining("--mongo-port");
    }

    @Test
    void aStrayWordIsAUsageErrorNotAReasonToStart() {
        assertThatThrownBy(() -> parse(Map.of(), "--no-demo", "now"))
                .isInstanceOf(ParameterException.class).hasMessageContaining("'now'");
    }

    @Test
    void everyDefaultIsTheDocumentedOne() {
        StackSettings settings = parse(Map.of());
        assertThat(settings.host()).isEqualTo("localhost");
        assertThat(settings.kafkaControllerPort()).isEqualTo(9093);
        assertThat(settings.partitions()).isEqualTo(6);
        assertThat(settings.serviceHeap()).isEqualTo("384m");
        assertThat(settings.demoRate()).isEqualTo(20.0);
        assertThat(settings.demoCustomers()).isEqualTo(2_000);
        assertThat(settings.demoHistoryDays()).isEqualTo(180);
        assertThat(settings.summaryEverySeconds()).isEqualTo(10);
        assertThat(settings.readyTimeoutSeconds()).isEqualTo(300);
    }

    @Test
    void flagsCanComeFromTheEnvironmentToo() {
        assertThat(parse(Map.of("SEGSTREAM_NO_DEMO", "true")).demo()).isFalse();
        assertThat(parse(Map.of("SEGSTREAM_DEMO_RATE", "5")).demoRate()).isEqualTo(5.0);
    }
}
