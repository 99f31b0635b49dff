package io.segstream.localstack;

import java.nio.file.Path;
import java.util.List;

/**
 * Everything the local stack can be told: ports, where its data lives, which services to run, demo traffic.
 * Defaults are the documented ones (README, docs/local-stack.md); {@link io.segstream.localstack.launcher.RunCommand} reads them from the command line
 * and SEGSTREAM_* environment variables.
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
    /** The largest partition count a topic of the local stack is created with. */
    public static final int MAX_PARTITIONS = 256;
    public static final int MAX_PORT = 65_535;

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

    /**
     * The four services in start order, each with its own database; the extra arguments are the commands' own
     * (the bench's instrumented settings, none for {@code run}).
     */
    public static List<ServiceSpec> services(int purchasePort, int feedbackPort, int segmentationPort, int churnPort,
                                             List<String> segmentationArguments, List<String> churnArguments) {
        return List.of(
                new ServiceSpec("purchase-ingestion", purchasePort, "segstream-purchases"),
                new ServiceSpec("feedback-collection", feedbackPort, "segstream-feedback"),
                new ServiceSpec("segmentation", segmentationPort, "segstream-segmentation", segmentationArguments),
                new ServiceSpec("churn-alerting", churnPort, "segstream-churn", churnArguments));
    }
}
