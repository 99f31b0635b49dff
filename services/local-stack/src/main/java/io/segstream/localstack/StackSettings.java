package io.segstream.localstack;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * Everything the local stack can be told: ports, where its data lives, which services to run, demo traffic.
 * Defaults are the documented ones (README, docs/local-stack.md); each can be set by a command-line option or an
 * environment variable (see {@link CommandLine}).
 */
public record StackSettings(
        Path home,
        Path dataDir,
        String host,
        int kafkaPort,
        int kafkaControllerPort,
        int mongoPort,
        int healthPort,
        int partitions,
        List<ServiceSpec> services,
        String serviceHeap,
        boolean demo,
        double demoRate,
        int demoCustomers,
        int demoHistoryDays,
        int summaryEverySeconds,
        int readyTimeoutSeconds,
        boolean keepData) {

    public static final int DEFAULT_KAFKA_PORT = 9092;
    public static final int DEFAULT_KAFKA_CONTROLLER_PORT = 9093;
    public static final int DEFAULT_MONGO_PORT = 27017;
    public static final int DEFAULT_HEALTH_PORT = 8080;
    public static final int DEFAULT_PARTITIONS = 6;

    /** Options of {@code run}; any other option is refused, so a typo is not silently ignored. */
    public static final Set<String> RUN_OPTIONS = Set.of("no-demo", "data-dir", "host", "kafka-port",
            "kafka-controller-port", "mongo-port", "health-port", "purchase-port", "feedback-port",
            "segmentation-port", "churn-port", "partitions", "service-heap", "demo-rate", "demo-customers",
            "demo-history-days", "summary-every", "ready-timeout", "fresh");
    public static final Set<String> RUN_FLAGS = Set.of("no-demo", "fresh");

    /** Reads the settings of {@code run} from the command line and SEGSTREAM_* environment variables. */
    public static StackSettings from(CommandLine cli, Path home) {
        for (String name : cli.optionNames()) {
            if (!RUN_OPTIONS.contains(name)) {
                throw new CommandLine.UsageException("unknown option --" + name + " (see ./segstream help)");
            }
        }
        int maxPort = 65_535;
        List<ServiceSpec> services = List.of(
                new ServiceSpec("purchase-ingestion", cli.integer("purchase-port", 8081, 1, maxPort),
                        "segstream-purchases"),
                new ServiceSpec("feedback-collection", cli.integer("feedback-port", 8082, 1, maxPort),
                        "segstream-feedback"),
                new ServiceSpec("segmentation", cli.integer("segmentation-port", 8083, 1, maxPort),
                        "segstream-segmentation"),
                new ServiceSpec("churn-alerting", cli.integer("churn-port", 8084, 1, maxPort), "segstream-churn"));
        return new StackSettings(
                home,
                cli.path("data-dir", home.resolve(".segstream")),
                cli.string("host", "localhost"),
                cli.integer("kafka-port", DEFAULT_KAFKA_PORT, 1, maxPort),
                cli.integer("kafka-controller-port", DEFAULT_KAFKA_CONTROLLER_PORT, 1, maxPort),
                cli.integer("mongo-port", DEFAULT_MONGO_PORT, 1, maxPort),
                cli.integer("health-port", DEFAULT_HEALTH_PORT, 1, maxPort),
                cli.integer("partitions", DEFAULT_PARTITIONS, 1, 256),
                services,
                cli.string("service-heap", "384m"),
                !cli.flag("no-demo"),
                cli.decimal("demo-rate", 20.0, 0.1, 100_000.0),
                cli.integer("demo-customers", 2_000, 10, 10_000_000),
                cli.integer("demo-history-days", 180, 0, 3_650),
                cli.integer("summary-every", 10, 1, 3_600),
                cli.integer("ready-timeout", 300, 10, 3_600),
                !cli.flag("fresh"));
    }

    public String bootstrapServers() {
        return host + ":" + kafkaPort;
    }

    public String mongoUri(String database) {
        return "mongodb://" + host + ":" + mongoPort + "/" + database;
    }

    public Path kafkaDir() {
        return dataDir.resolve("kafka");
    }

    public Path mongoFile() {
        return dataDir.resolve("mongo").resolve("segstream.mv");
    }

    /** Where a service instance keeps its local stream state (RocksDB), one directory per service and port. */
    public Path stateDir(ServiceSpec service) {
        return dataDir.resolve("state").resolve(service.name() + "-" + service.port());
    }

    public Path logDir() {
        return dataDir.resolve("logs");
    }

    /** The checkout's local signing key: under {@code home}, not the data directory, so every run shares it. */
    public Path signingKeyFile() {
        return LocalCredentials.keyFile(home);
    }

    public ServiceSpec service(String name) {
        return services.stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no service " + name));
    }
}
