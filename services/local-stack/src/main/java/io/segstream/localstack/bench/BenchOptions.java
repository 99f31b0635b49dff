package io.segstream.localstack.bench;

import io.segstream.embedded.Ports;
import io.segstream.localstack.CommandLine;
import io.segstream.localstack.ServiceSpec;
import io.segstream.localstack.StackSettings;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.IntSupplier;

/**
 * The options of {@code ./segstream bench}. Environment variables are deliberately not read (unlike {@code run}):
 * a SEGSTREAM_KAFKA_PORT meant for a running stack must not make the benchmark collide with it. Every port defaults
 * to a free one.
 *
 * @param events        purchases sent through the pipeline at saturation, and messages of the raw broker step
 * @param fixedEvents   purchases sent at the fixed offered load
 * @param customers     distinct customers the purchases are spread over (per pipeline phase)
 * @param databaseDocuments documents per operation shape of the database step
 * @param profiles      customers seeded straight into segmentation's store for the re-evaluation, the sweep and the
 *                      memory figures (0: no seeding and no sweep)
 * @param rate          the fixed offered load, events per second
 * @param sweep         whether to measure the time-based sweep over the seeded profiles (two passes: the longest
 *                      step at a million profiles)
 * @param replay        whether to replay the CDNOW and Online Retail files
 * @param onlineRetail  whether the replay includes Online Retail (minutes on the embedded wire server)
 * @param keep          keep the bench stack's data directory afterwards
 * @param output        the markdown file the results are written to
 * @param quick         the small smoke-run sizes were chosen
 * @param note          a line written above the results (e.g. what else ran on the machine), or null
 * @param stack         the bench stack: free ports, its own data directory, no demo traffic
 */
record BenchOptions(int events, int fixedEvents, int customers, int databaseDocuments, int profiles, boolean sweep,
                    double rate, boolean replay, boolean onlineRetail, boolean keep, Path output, boolean quick, String note,
                    StackSettings stack) {
    static final int DEFAULT_EVENTS = 200_000;
    /** 30 s at the default rate: long enough for p99 to be more than a handful of samples. */
    static final int DEFAULT_FIXED_EVENTS = 60_000;
    static final int DEFAULT_CUSTOMERS = 50_000;
    /** The latency target is stated at this offered load. */
    static final double DEFAULT_RATE = 2_000;
    static final int QUICK_EVENTS = 10_000;
    static final int QUICK_FIXED_EVENTS = 4_000;
    static final int QUICK_CUSTOMERS = 2_000;
    static final int DEFAULT_DATABASE_DOCUMENTS = 50_000;
    static final int QUICK_DATABASE_DOCUMENTS = 10_000;
    /** A tenth of the 1,000,000: a default run stays within minutes; --profiles 1000000 for the target. */
    static final int DEFAULT_PROFILES = 100_000;
    static final int QUICK_PROFILES = 5_000;
    static final int MAX_PROFILES = 10_000_000;
    static final String DEFAULT_OUTPUT = "docs/benchmarks.md";
    static final String GUARANTEE_ARGUMENT = "--spring.kafka.streams.properties.processing.guarantee=";
    private static final int MAX_PORT = 65_535;

    static final Set<String> FLAGS = Set.of("no-replay", "no-online-retail", "no-sweep", "keep", "quick");
    static final Set<String> OPTIONS = Set.of("events", "fixed-events", "customers", "db-documents", "profiles", "rate",
            "no-replay", "no-sweep",
            "no-online-retail", "keep", "output", "quick", "data-dir", "host", "kafka-port", "kafka-controller-port",
            "mongo-port", "purchase-port", "feedback-port", "segmentation-port", "churn-port", "partitions",
            "service-heap", "ready-timeout", "note", "processing-guarantee");
    /** Kafka Streams' guarantees segmentation can run with (its default: exactly_once_v2). */
    static final Set<String> GUARANTEES = Set.of("exactly_once_v2", "at_least_once");

    static final String USAGE = """
              bench [options]      start a separate stack on free ports (its data in .segstream/bench-<time>, deleted
                                   afterwards), measure the raw broker, the database, the pipeline (throughput;
                                   latency at a fixed load and at saturation), re-evaluation and the time-based
                                   sweep over seeded profiles, replays and memory;
                                   print every figure and write them to docs/benchmarks.md
                --events N             purchases at saturation and messages of the raw broker step (200000)
                --fixed-events N       purchases at the fixed load (60000); --rate N the fixed load per second (2000);
                                       segmentation alone also runs a tenth of both (the light load)
                --customers N          customers the purchases are spread over (50000)
                --db-documents N       documents per operation shape of the database step (50000)
                --profiles N           customers seeded into segmentation's store for re-evaluation, the sweep and
                                       memory (100000; the issue's target is 1000000; 0: no seeding, no sweep)
                --no-sweep             skip the time-based sweep (its two passes take longer than the re-evaluation)
                --quick                a smoke run: 10000 events, 4000 at the fixed load, 2000 customers, 10000 database
                                       documents, 5000 profiles, no Online Retail
                --no-replay            skip the CDNOW and Online Retail replays; --no-online-retail skip only the latter
                --keep                 keep the bench stack's data directory
                --output FILE          where the results go (docs/benchmarks.md)
                --note TEXT            a line written above the results, e.g. what else was running
                --processing-guarantee G  segmentation's Kafka Streams guarantee: exactly_once_v2 (its default) or
                                       at_least_once, to measure what exactly once costs
                ports, --partitions, --service-heap, --ready-timeout, --data-dir as for run (ports default to free ones)
            """;

    static BenchOptions parse(String[] args, Path home, IntSupplier freePort, LocalDateTime now) {
        CommandLine cli = new CommandLine(args, FLAGS, Map.of());
        for (String name : cli.optionNames()) {
            if (!OPTIONS.contains(name)) {
                throw new CommandLine.UsageException("unknown option --" + name + " for bench (see ./segstream help)");
            }
        }
        if (!cli.positional().isEmpty()) {
            throw new CommandLine.UsageException("bench takes no arguments, only options: " + cli.positional());
        }
        boolean quick = cli.flag("quick");
        int events = cli.integer("events", quick ? QUICK_EVENTS : DEFAULT_EVENTS, 1, 100_000_000);
        int fixedEvents = cli.integer("fixed-events", quick ? QUICK_FIXED_EVENTS : DEFAULT_FIXED_EVENTS, 1,
                100_000_000);
        int customers = cli.integer("customers", quick ? QUICK_CUSTOMERS : DEFAULT_CUSTOMERS, 1, 10_000_000);
        int databaseDocuments = cli.integer("db-documents", quick ? QUICK_DATABASE_DOCUMENTS
                : DEFAULT_DATABASE_DOCUMENTS, WireServerBench.BATCH, 10_000_000);
        int profiles = cli.integer("profiles", quick ? QUICK_PROFILES : DEFAULT_PROFILES, 0, MAX_PROFILES);
        double rate = cli.decimal("rate", DEFAULT_RATE, 1, 1_000_000);
        boolean replay = !cli.flag("no-replay");
        boolean onlineRetail = replay && !quick && !cli.flag("no-online-retail");
        Path output = cli.path("output", Path.of(DEFAULT_OUTPUT));
        String guarantee = cli.string("processing-guarantee", null);
        if (guarantee != null && !GUARANTEES.contains(guarantee)) {
            throw new CommandLine.UsageException("--processing-guarantee is one of " + new TreeSet<>(
                    GUARANTEES) + ", not " + guarantee);
        }
        List<String> segmentationArguments = guarantee == null ? List.of(SweepBench.FOLLOW_EVENT_TIME)
                : List.of(SweepBench.FOLLOW_EVENT_TIME, GUARANTEE_ARGUMENT + guarantee);
        String timestamp = now.format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        List<ServiceSpec> services = List.of(
                new ServiceSpec("purchase-ingestion", port(cli, "purchase-port", freePort), "segstream-purchases"),
                new ServiceSpec("feedback-collection", port(cli, "feedback-port", freePort), "segstream-feedback"),
                new ServiceSpec("segmentation", port(cli, "segmentation-port", freePort), "segstream-segmentation",
                        segmentationArguments),
                new ServiceSpec("churn-alerting", port(cli, "churn-port", freePort), "segstream-churn",
                        List.of(PausedConsumer.SESSION_TIMEOUT_ARGUMENT)));
        StackSettings stack = new StackSettings(home,
                cli.path("data-dir", home.resolve(".segstream").resolve("bench-" + timestamp)),
                cli.string("host", "localhost"),
                port(cli, "kafka-port", freePort),
                port(cli, "kafka-controller-port", freePort),
                port(cli, "mongo-port", freePort),
                freePort.getAsInt(), // the health endpoint is not started by bench; a free port keeps checks happy
                cli.integer("partitions", StackSettings.DEFAULT_PARTITIONS, 1, 256),
                services,
                cli.string("service-heap", "384m"),
                false, 0.1, 10, 0, 3_600,
                cli.integer("ready-timeout", 300, 10, 3_600),
                true);
        return new BenchOptions(events, fixedEvents, customers, databaseDocuments, profiles, !cli.flag("no-sweep"), rate,
                replay, onlineRetail,
                cli.flag("keep"),
                output.isAbsolute() ? output : home.resolve(output), quick, cli.string("note", null), stack);
    }

    private static int port(CommandLine cli, String name, IntSupplier freePort) {
        int given = cli.integer(name, 0, 0, MAX_PORT);
        return given == 0 ? freePort.getAsInt() : given;
    }

    static BenchOptions parse(String[] args, Path home) {
        return parse(args, home, Ports::freePort, LocalDateTime.now());
    }
}
