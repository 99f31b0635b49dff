package io.segstream.localstack.bench;

import io.segstream.localstack.ServiceSpec;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.ParameterException;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BenchOptionsTest {
    private static final Path HOME = Path.of("/opt/segstream");
    private static final LocalDateTime NOW = LocalDateTime.of(2026, 11, 24, 1, 30, 5);

    private static BenchOptions parse(String... args) {
        AtomicInteger ports = new AtomicInteger(40_000);
        return BenchOptions.parse(args, HOME, ports::incrementAndGet, NOW);
    }

    @Test
    void defaults() {
        BenchOptions options = parse();
        assertThat(options.events()).isEqualTo(200_000);
        assertThat(options.fixedEvents()).isEqualTo(60_000);
        assertThat(options.customers()).isEqualTo(50_000);
        assertThat(options.databaseDocuments()).isEqualTo(50_000);
        assertThat(options.profiles()).isEqualTo(100_000);
        assertThat(options.sweep()).isTrue();
        assertThat(options.rate()).isEqualTo(2_000);
        assertThat(options.replay()).isTrue();
        assertThat(options.onlineRetail()).isTrue();
        assertThat(options.keep()).isFalse();
        assertThat(options.quick()).isFalse();
        assertThat(options.note()).isNull();
        assertThat(options.output()).as("an untracked file, not the committed docs")
                .isEqualTo(HOME.resolve(".segstream/bench-results-20261124-013005.md"));
        assertThat(options.stack().dataDir()).isEqualTo(HOME.resolve(".segstream/bench-20261124-013005"));
        assertThat(options.stack().demo()).isFalse();
    }

    @Test
    void everyPortDefaultsToAFreeOneNeverTheFixedPortsOfRun() {
        BenchOptions options = parse();
        assertThat(options.stack().kafkaPort()).isGreaterThan(40_000);
        assertThat(options.stack().mongoPort()).isGreaterThan(40_000);
        assertThat(options.stack().services()).extracting(ServiceSpec::port).allMatch(port -> port > 40_000)
                .doesNotHaveDuplicates();
    }

    @Test
    void givenPortsAndSizesAreUsed() {
        BenchOptions options = parse("--kafka-port", "19092", "--segmentation-port=18083", "--events", "5000",
                "--customers", "100", "--rate", "500", "--fixed-events", "700", "--output", "/tmp/b.md", "--keep",
                "--no-replay", "--note", "loaded machine", "--partitions", "3", "--db-documents", "2000",
                "--profiles", "1000000", "--no-sweep");
        assertThat(options.stack().kafkaPort()).isEqualTo(19092);
        assertThat(options.stack().service("segmentation").port()).isEqualTo(18083);
        assertThat(options.events()).isEqualTo(5_000);
        assertThat(options.customers()).isEqualTo(100);
        assertThat(options.databaseDocuments()).isEqualTo(2_000);
        assertThat(options.profiles()).isEqualTo(1_000_000);
        assertThat(options.sweep()).isFalse();
        assertThat(options.rate()).isEqualTo(500);
        assertThat(options.fixedEvents()).isEqualTo(700);
        assertThat(options.output()).isEqualTo(Path.of("/tmp/b.md"));
        assertThat(options.keep()).isTrue();
        assertThat(options.replay()).isFalse();
        assertThat(options.onlineRetail()).isFalse();
        assertThat(options.note()).isEqualTo("loaded machine");
        assertThat(options.stack().partitions()).isEqualTo(3);
    }

    @Test
    void quickIsASmallRunWithoutOnlineRetail() {
        BenchOptions options = parse("--quick");
        assertThat(options.events()).isEqualTo(10_000);
        assertThat(options.fixedEvents()).isEqualTo(4_000);
        assertThat(options.customers()).isEqualTo(2_000);
        assertThat(options.databaseDocuments()).isEqualTo(10_000);
        assertThat(options.profiles()).isEqualTo(5_000);
        assertThat(options.replay()).isTrue();
        assertThat(options.onlineRetail()).isFalse();
        assertThat(parse("--quick", "--events", "3000").events()).as("an explicit size wins").isEqualTo(3_000);
        assertThat(parse("--quick", "--profiles", "0").profiles()).as("no seeding, no sweep").isZero();
    }

    @Test
    void segmentationClassifiesAsOfTheNewestEventTimeAndChurnAlertingLeavesItsGroupSoonWhenPaused() {
        BenchOptions options = parse();
        assertThat(options.stack().service("segmentation").extraArguments())
                .containsExactly("--segstream.segmentation.clock.follow-event-time=true");
        assertThat(options.stack().service("churn-alerting").extraArguments())
                .containsExactly("--spring.kafka.consumer.properties.session.timeout.ms=8000");
        assertThat(options.stack().services()).filteredOn(s -> !s.name().equals("segmentation")
                && !s.name().equals("churn-alerting")).allMatch(s -> s.extraArguments().isEmpty());
    }

    @Test
    void segmentationsProcessingGuaranteeCanBeChosen() {
        assertThat(parse("--processing-guarantee", "at_least_once").stack().service("segmentation")
                .extraArguments()).containsExactly("--segstream.segmentation.clock.follow-event-time=true",
                "--spring.kafka.streams.properties.processing.guarantee=at_least_once");
        assertThatThrownBy(() -> parse("--processing-guarantee", "exactly_once"))
                .isInstanceOf(ParameterException.class).hasMessageContaining("at_least_once");
    }

    @Test
    void wrongCommandLinesAreRefused() {
        assertThatThrownBy(() -> parse("--evnets", "5")).isInstanceOf(ParameterException.class)
                .hasMessageContaining("--evnets");
        assertThatThrownBy(() -> parse("--events", "0")).isInstanceOf(ParameterException.class);
        assertThatThrownBy(() -> parse("--rate", "fast")).isInstanceOf(ParameterException.class);
        assertThatThrownBy(() -> parse("--profiles", "-1")).isInstanceOf(ParameterException.class);
        assertThatThrownBy(() -> parse("extra")).isInstanceOf(ParameterException.class)
                .hasMessageContaining("'extra'");
    }

    @Test
    void theCommittedResultsAreUpdatedOnlyWhenNamed() {
        assertThat(parse("--output", "docs/benchmarks.md").output()).isEqualTo(HOME.resolve("docs/benchmarks.md"));
    }
}
