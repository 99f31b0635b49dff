package io.segstream.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The Prometheus metric names a dashboard or alert rule may use: those the services define (found by scanning their
 * sources for "segstream." names given to Micrometer), the framework's that Segstream relies on, and the few that
 * are planned but not exported yet (documented in docs/operations.md).
 *
 * <p>A call {@code counter("segstream...")} counts as a counter whether it is MeterRegistry's or a service's own
 * shorthand for {@code Counter.builder}; likewise timer, gauge and summary.
 *
 * <p>Micrometer to Prometheus: dots become underscores; a counter gets {@code _total}; a timer is in seconds with
 * {@code _count}, {@code _sum}, {@code _max} (and {@code _bucket} when its histogram is switched on, as
 * docker-compose.yml and the Kubernetes ConfigMap do for every segstream.* timer); a gauge keeps its name.
 */
final class MetricCatalogue {
    /** Where the services' meters are registered: the four services and the runtime they share. */
    static final List<String> SOURCE_FOLDERS = List.of("service-runtime/src/main/java",
            "services/purchase-ingestion/src/main/java", "services/feedback-collection/src/main/java",
            "services/segmentation/src/main/java", "services/churn-alerting/src/main/java");

    private static final String NAME = "\\(\\s*\"(segstream\\.[a-z0-9_.\\-]+)\"";
    private static final Pattern COUNTERS = Pattern.compile(
            "(?:\\bCounter\\.builder|\\bFunctionCounter\\.builder|\\bcounter)" + NAME);
    private static final Pattern TIMERS = Pattern.compile(
            "(?:\\bTimer\\.builder|\\bFunctionTimer\\.builder|\\bLongTaskTimer\\.builder|\\btimer)" + NAME);
    private static final Pattern GAUGES = Pattern.compile("(?:\\bGauge\\.builder|\\bMultiGauge\\.builder|\\bgauge)" + NAME);
    private static final Pattern TIME_GAUGES = Pattern.compile("\\bTimeGauge\\.builder" + NAME);
    private static final Pattern SUMMARIES = Pattern.compile("(?:\\bDistributionSummary\\.builder|\\bsummary)" + NAME);

    /**
     * Framework metrics the dashboards and rules use: Prometheus' own {@code up}, Spring Boot's JVM, process and HTTP
     * server meters, and the Kafka consumer metrics Spring Boot binds to Micrometer (KafkaClientMetrics), and the
     * Kafka Streams state metrics the binder binds for segmentation.
     */
    static final Set<String> FRAMEWORK = Set.of("up", "process_uptime_seconds", "process_cpu_usage",
            "jvm_memory_used_bytes", "jvm_memory_max_bytes",
            "http_server_requests_seconds_count", "http_server_requests_seconds_sum",
            "http_server_requests_seconds_max",
            "kafka_consumer_fetch_manager_records_lag_max", "kafka_consumer_fetch_manager_records_lag",
            "kafka_consumer_fetch_manager_records_consumed_total",
            // Kafka Streams' RocksDB memory, bound by the binder (segmentation keeps these, see its MeterFilter).
            "kafka_stream_state_block_cache_usage", "kafka_stream_state_size_all_mem_tables",
            "kafka_stream_state_estimate_table_readers_mem");

    /**
     * Planned metrics, named here before their service exports them, with the Micrometer name each is expected
     * under. Panels and rules on them stay empty until then; docs/operations.md lists them.
     */
    static final Map<String, String> PENDING = Map.of();

    private MetricCatalogue() {
    }

    /** Prometheus names of the meters the services' sources register under a "segstream." name. */
    static Set<String> defined() {
        Set<String> names = new TreeSet<>();
        for (Path source : sources()) {
            String code = Repository.text(source);
            add(names, COUNTERS, code, "_total");
            add(names, TIMERS, code, "_seconds_count", "_seconds_sum", "_seconds_max", "_seconds_bucket");
            add(names, GAUGES, code, "");
            add(names, TIME_GAUGES, code, "_seconds");
            add(names, SUMMARIES, code, "_count", "_sum", "_max", "_bucket");
        }
        return names;
    }

    /** Every name a query may use: defined, framework and pending. */
    static Set<String> known() {
        Set<String> names = new TreeSet<>(defined());
        names.addAll(FRAMEWORK);
        names.addAll(PENDING.keySet());
        return names;
    }

    static String prometheusName(String micrometerName) {
        // Micrometer's Prometheus convention turns every character that is not a letter or digit into '_'.
        return micrometerName.replace('.', '_').replace('-', '_');
    }

    private static void add(Set<String> names, Pattern pattern, String code, String... suffixes) {
        Matcher matcher = pattern.matcher(code);
        while (matcher.find()) {
            for (String suffix : suffixes) {
                names.add(prometheusName(matcher.group(1)) + suffix);
            }
        }
    }

    private static List<Path> sources() {
        return SOURCE_FOLDERS.stream().map(Repository::file).filter(Files::isDirectory)
                .flatMap(MetricCatalogue::javaFiles).sorted().toList();
    }

    private static Stream<Path> javaFiles(Path folder) {
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(path -> path.toString().endsWith(".java")).toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
