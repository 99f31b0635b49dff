package io.segstream.localstack.bench;

import io.segstream.contracts.Topics;
import io.segstream.embedded.Ports;
import io.segstream.localstack.LocalStack;
import io.segstream.localstack.SegstreamCommandLine;
import io.segstream.localstack.ServiceSpec;
import io.segstream.localstack.StackSettings;
import io.segstream.localstack.replay.ReplayCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.function.IntSupplier;
import java.util.stream.Stream;

/**
 * {@code ./segstream bench}: starts its own stack (free ports, its own data directory, no demo traffic), measures in
 * one run the raw broker, the database, segmentation alone and the pipeline (each at a fixed offered load and at
 * saturation), re-evaluation and the time-based sweep over customers made through segmentation, the replays and the
 * memory of every process (last, so that segmentation's heap and off-heap state are measured with every customer
 * held), prints every figure on stdout (progress on stderr) and writes them to the results file.
 * A step that fails is reported as "not measured" with the reason and the run goes on.
 */
@Command(name = "bench", sortOptions = false,
        description = {"Measure a separate stack on free ports; every figure to a results file.",
                "Its data is in .segstream/bench-<time>, deleted afterwards. It measures the raw",
                "broker, the database, the pipeline (throughput; latency at a fixed load and at",
                "saturation), re-evaluation and the time-based sweep over seeded profiles,",
                "replays and memory, prints every figure and writes them to",
                ".segstream/bench-results-<time>.md (not tracked by git) unless --output names",
                "a file: --output docs/benchmarks.md replaces the committed results."},
        footerHeading = "%n",
        footer = {"Segmentation alone also runs a tenth of --events and --fixed-events (the light load). Sizes given"
                + " with --quick win over its own."})
public final class BenchCommand implements Callable<Integer> {
    static final String PIPELINE_FIXED = "pipeline, fixed load";
    static final String PIPELINE_SATURATED = "pipeline, saturation";
    static final String REPLAY = "replay";
    static final String ACCEPTED_METRIC = "segstream_purchases_accepted_total";
    private static final long SEED = 20_261_124L;
    /** The service paused while segmentation is measured alone, its consumer group and what that group reads. */
    private static final String CHURN = "churn-alerting";
    private static final List<String> CHURN_TOPICS = List.of(Topics.PURCHASES_RECORDED, Topics.FEEDBACK_RECORDED,
            Topics.SEGMENT_CHANGES, Topics.CUSTOMER_ERASURE);
    private static final int MAX_SIZE = 100_000_000;
    private static final int MAX_CUSTOMERS = 10_000_000;

    @Spec
    private CommandSpec spec;

    @Option(names = "--events", paramLabel = "N", description = "Purchases at saturation and messages of the raw"
            + " broker step (default: " + BenchOptions.DEFAULT_EVENTS + "; " + BenchOptions.QUICK_EVENTS
            + " with --quick).")
    Integer events;
    @Option(names = "--fixed-events", paramLabel = "N", description = "Purchases at the fixed load (default: "
            + BenchOptions.DEFAULT_FIXED_EVENTS + "; " + BenchOptions.QUICK_FIXED_EVENTS + " with --quick).")
    Integer fixedEvents;
    @Option(names = "--rate", paramLabel = "N", defaultValue = "2000",
            description = "The fixed load, purchases per second (default: ${DEFAULT-VALUE}).")
    double rate;
    @Option(names = "--customers", paramLabel = "N", description = "Customers the purchases are spread over"
            + " (default: " + BenchOptions.DEFAULT_CUSTOMERS + "; " + BenchOptions.QUICK_CUSTOMERS + " with --quick).")
    Integer customers;
    @Option(names = "--db-documents", paramLabel = "N", description = "Documents per operation shape of the database"
            + " step (default: " + BenchOptions.DEFAULT_DATABASE_DOCUMENTS + "; "
            + BenchOptions.QUICK_DATABASE_DOCUMENTS + " with --quick).")
    Integer databaseDocuments;
    @Option(names = "--profiles", paramLabel = "N", description = "Customers seeded into segmentation's store for"
            + " re-evaluation, the sweep and memory; 0: no seeding, no sweep (default: " + BenchOptions.DEFAULT_PROFILES
            + "; " + BenchOptions.QUICK_PROFILES + " with --quick; the issue's target is 1000000).")
    Integer profiles;
    @Option(names = "--no-sweep",
            description = "Skip the time-based sweep (its two passes take longer than the re-evaluation).")
    boolean noSweep;
    @Option(names = "--quick", description = "A smoke run: small sizes (see each option), no Online Retail.")
    boolean quick;
    @Option(names = "--no-replay", description = "Skip the CDNOW and Online Retail replays.")
    boolean noReplay;
    @Option(names = "--no-online-retail", description = "Skip only the Online Retail replay.")
    boolean noOnlineRetail;
    @Option(names = "--keep", description = "Keep the bench stack's data directory.")
    boolean keep;
    @Option(names = "--output", paramLabel = "FILE", description = {"Where the results go (default: a new file",
            ".segstream/bench-results-<time>.md, not tracked",
            "by git); docs/benchmarks.md replaces the",
            "committed results."})
    Path output;
    @Option(names = "--note", paramLabel = "TEXT",
            description = "A line written above the results, e.g. what else was running.")
    String note;
    @Option(names = "--processing-guarantee", paramLabel = "G", description = "Segmentation's Kafka Streams"
            + " guarantee: exactly_once_v2 (its default) or at_least_once, to measure what exactly once costs.")
    String guarantee;
    @Option(names = "--data-dir", paramLabel = "DIR",
            description = {"The bench stack's data (default:", ".segstream/bench-<time>)."})
    Path dataDir;
    @Option(names = "--host", paramLabel = "HOST", defaultValue = "localhost",
            description = "The host every component listens on (default: ${DEFAULT-VALUE}).")
    String host;
    @Option(names = "--kafka-port", paramLabel = "N", defaultValue = "0", description = "Kafka broker.")
    int kafkaPort;
    @Option(names = "--kafka-controller-port", paramLabel = "N", defaultValue = "0",
            description = "Kafka broker's controller.")
    int kafkaControllerPort;
    @Option(names = "--mongo-port", paramLabel = "N", defaultValue = "0", description = "MongoDB wire server.")
    int mongoPort;
    @Option(names = "--purchase-port", paramLabel = "N", defaultValue = "0", description = "purchase-ingestion.")
    int purchasePort;
    @Option(names = "--feedback-port", paramLabel = "N", defaultValue = "0", description = "feedback-collection.")
    int feedbackPort;
    @Option(names = "--segmentation-port", paramLabel = "N", defaultValue = "0", description = "segmentation.")
    int segmentationPort;
    @Option(names = "--churn-port", paramLabel = "N", defaultValue = "0",
            description = "churn-alerting (every port: default 0, a free one).")
    int churnPort;
    @Option(names = "--partitions", paramLabel = "N", defaultValue = "" + StackSettings.DEFAULT_PARTITIONS,
            description = "Partitions per event topic (default: ${DEFAULT-VALUE}).")
    int partitions;
    @Option(names = "--service-heap", paramLabel = "SIZE", defaultValue = "384m",
            description = "-Xmx of each service (default: ${DEFAULT-VALUE}).")
    String serviceHeap;
    @Option(names = "--ready-timeout", paramLabel = "N", defaultValue = "300",
            description = "Seconds to wait for every service to be ready (default: ${DEFAULT-VALUE}).")
    int readyTimeout;

    private final Path home;
    private final PrintStream out;
    private final PrintStream err;

    public BenchCommand(Path home, PrintStream out, PrintStream err) {
        this.home = home;
        this.out = out;
        this.err = err;
    }

    /** What the options say, checked: a wrong value refuses the command line before anything starts. */
    BenchOptions options(IntSupplier freePort, LocalDateTime now) {
        int eventCount = size("--events", events, quick ? BenchOptions.QUICK_EVENTS : BenchOptions.DEFAULT_EVENTS, 1,
                MAX_SIZE);
        int fixedEventCount = size("--fixed-events", fixedEvents, quick ? BenchOptions.QUICK_FIXED_EVENTS
                : BenchOptions.DEFAULT_FIXED_EVENTS, 1, MAX_SIZE);
        int customerCount = size("--customers", customers, quick ? BenchOptions.QUICK_CUSTOMERS
                : BenchOptions.DEFAULT_CUSTOMERS, 1, MAX_CUSTOMERS);
        int documents = size("--db-documents", databaseDocuments, quick ? BenchOptions.QUICK_DATABASE_DOCUMENTS
                : BenchOptions.DEFAULT_DATABASE_DOCUMENTS, WireServerBench.BATCH, MAX_CUSTOMERS);
        int profileCount = size("--profiles", profiles, quick ? BenchOptions.QUICK_PROFILES
                : BenchOptions.DEFAULT_PROFILES, 0, BenchOptions.MAX_PROFILES);
        SegstreamCommandLine.within(spec, "--rate", rate, 1, 1_000_000);
        if (guarantee != null && !BenchOptions.GUARANTEES.contains(guarantee)) {
            throw new ParameterException(spec.commandLine(), "--processing-guarantee is one of "
                    + new TreeSet<>(BenchOptions.GUARANTEES) + ", not " + guarantee);
        }
        List<String> segmentationArguments = guarantee == null ? List.of(SweepBench.FOLLOW_EVENT_TIME)
                : List.of(SweepBench.FOLLOW_EVENT_TIME, BenchOptions.GUARANTEE_ARGUMENT + guarantee);
        String timestamp = now.format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        List<ServiceSpec> services = StackSettings.services(port("--purchase-port", purchasePort, freePort),
                port("--feedback-port", feedbackPort, freePort),
                port("--segmentation-port", segmentationPort, freePort), port("--churn-port", churnPort, freePort),
                segmentationArguments, List.of(PausedConsumer.SESSION_TIMEOUT_ARGUMENT));
        StackSettings stack = new StackSettings(home,
                dataDir != null ? dataDir : home.resolve(".segstream").resolve("bench-" + timestamp),
                host,
                port("--kafka-port", kafkaPort, freePort),
                port("--kafka-controller-port", kafkaControllerPort, freePort),
                port("--mongo-port", mongoPort, freePort),
                freePort.getAsInt(), // the health endpoint is not started by bench; a free port keeps checks happy
                SegstreamCommandLine.within(spec, "--partitions", partitions, 1, StackSettings.MAX_PARTITIONS),
                services,
                serviceHeap,
                false, 0.1, 10, 0, 3_600,
                SegstreamCommandLine.within(spec, "--ready-timeout", readyTimeout, 10, 3_600),
                true);
        Path results = output != null ? output
                : home.resolve(".segstream").resolve(BenchOptions.DEFAULT_OUTPUT.formatted(timestamp));
        return new BenchOptions(eventCount, fixedEventCount, customerCount, documents, profileCount, !noSweep, rate,
                !noReplay, !noReplay && !quick && !noOnlineRetail, keep,
                results.isAbsolute() ? results : home.resolve(results), quick, note, stack);
    }

    /** The options given, as they would be typed again, for the results' record of how they were made. */
    String[] givenOptions() {
        List<String> args = new ArrayList<>();
        for (OptionSpec option : spec.commandLine().getParseResult().matchedOptions()) {
            if (option.arity().max() == 0) {
                args.add(option.longestName());
            } else {
                for (String value : option.originalStringValues()) {
                    args.add(option.longestName());
                    args.add(value);
                }
            }
        }
        return args.toArray(String[]::new);
    }

    private int size(String option, Integer given, int defaultValue, int min, int max) {
        return SegstreamCommandLine.within(spec, option, given == null ? defaultValue : given, min, max);
    }

    private int port(String option, int given, IntSupplier freePort) {
        int port = SegstreamCommandLine.within(spec, option, given, 0, StackSettings.MAX_PORT);
        return port == 0 ? freePort.getAsInt() : port;
    }

    @Override
    public Integer call() {
        BenchOptions options = options(Ports::freePort, LocalDateTime.now());
        StackSettings settings = options.stack();
        LocalStack stack = new LocalStack(settings);
        stack.checkPorts();
        Thread stopOnSignal = new Thread(() -> close(stack, options, err), "segstream-bench-stop");
        Runtime.getRuntime().addShutdownHook(stopOnSignal);
        Figures figures = new Figures(out);
        // Described before measuring: the commit is the checkout's when the run started (a run is long, and a commit
        // made meanwhile is not what was measured).
        Map<String, String> machine = MachineDescription.describe(home, Instant.now());
        try {
            err.println("bench: starting a stack on free ports, data in " + settings.dataDir());
            stack.start();
            stack.awaitReady(Duration.ofSeconds(settings.readyTimeoutSeconds()));
            measure(options, stack, figures, out, err);
        } finally {
            close(stack, options, err);
            try {
                Runtime.getRuntime().removeShutdownHook(stopOnSignal);
            } catch (IllegalStateException e) {
                // Ctrl-C: the JVM is already shutting down and the hook has run
            }
        }
        String commandLine = BenchReport.commandLine(givenOptions());
        String runNote = options.note() != null ? options.note()
                : options.quick() ? "Quick run (--quick): small sizes, a smoke test rather than a benchmark." : null;
        write(options.output(), BenchReport.results(runNote, commandLine, machine, figures.all()));
        out.println("Results written to " + options.output());
        return 0;
    }

    static void measure(BenchOptions options, LocalStack stack, Figures figures, PrintStream out,
                                PrintStream err) {
        StackSettings settings = stack.settings();
        ServiceHttp http = new ServiceHttp(stack.credentials());
        String segmentationUrl = settings.service("segmentation").baseUrl();
        out.println("Segstream benchmark: every figure, as measured");

        err.printf("bench: raw broker: %,d messages%n", options.events());
        RawBrokerBench.Result raw = step(figures, RawBrokerBench.STEP, () ->
                new RawBrokerBench(settings.bootstrapServers(), settings.partitions()).run(options.events()));
        if (raw != null) {
            RawBrokerBench.report(raw, figures);
        }

        err.printf("bench: database: %,d documents per operation shape%n", options.databaseDocuments());
        WireServerBench.Result database = step(figures, WireServerBench.STEP, () ->
                new WireServerBench(settings.mongoUri("admin")).run(options.databaseDocuments()));
        if (database != null) {
            WireServerBench.report(database, figures);
        }

        PipelineBench pipeline = new PipelineBench(settings.bootstrapServers(), settings.partitions(),
                segmentationUrl, http, err);
        PipelineBench.PhaseResult fixed = step(figures, PIPELINE_FIXED, () -> pipeline.run(PIPELINE_FIXED,
                new BenchPurchases("BF", options.customers(), SEED), options.fixedEvents(), options.rate()));
        if (fixed != null) {
            PipelineBench.report(PIPELINE_FIXED, fixed, figures);
        }
        PipelineBench.PhaseResult saturated = step(figures, PIPELINE_SATURATED, () -> pipeline.run(
                PIPELINE_SATURATED, new BenchPurchases("BS", options.customers(), SEED + 1), options.events(), 0));
        if (saturated != null) {
            PipelineBench.report(PIPELINE_SATURATED, saturated, figures);
        }
        if (raw != null && saturated != null) {
            boolean applied = !Double.isNaN(saturated.applied());
            double pipelinePerSecond = applied ? saturated.appliedPerSecond() : saturated.recordedPerSecond();
            figures.add("ratio", (applied ? "pipeline: segmentation applied" : "pipeline: ingestion recorded")
                    + " at saturation / raw produce+consume hop", ratio(pipelinePerSecond, raw.hopPerSecond()));
        }

        // Segmentation alone: churn-alerting reads the same recorded topic and writes the same database; on two
        // cores it would take its share of the CPU and of the wire server. It waits, stopped, until the end of the
        // segmentation steps and then skips what they produced.
        SegmentationBench segmentation = new SegmentationBench(settings.bootstrapServers(), settings.partitions(),
                segmentationUrl, http, err);
        Long churnPid = stack.servicePids().get(CHURN);
        PausedConsumer churn = churnPid == null ? null : PausedConsumer.pause(CHURN, churnPid, CHURN, CHURN_TOPICS,
                settings.bootstrapServers(), err);
        try {
            measureSegmentationAlone(options, settings, segmentation, http, segmentationUrl, raw, figures, err);
        } finally {
            if (churn != null) {
                churn.close();
                figures.add(SegmentationBench.SATURATED, CHURN + " during the segmentation steps", String.format(
                        Locale.ROOT, "paused (SIGSTOP); %,d records of its topics skipped when resumed",
                        churn.skipped()));
            } else {
                figures.add(SegmentationBench.SATURATED, CHURN + " during the segmentation steps",
                        "running (its process id was not known)");
            }
        }

        String purchaseUrl = settings.service("purchase-ingestion").baseUrl();
        Path datasets = settings.home().resolve("../shared/datasets").normalize();
        if (!options.replay()) {
            figures.notMeasured(REPLAY, "CDNOW master and UCI Online Retail", "skipped (--no-replay)");
        } else {
            replay(figures, http, purchaseUrl, "cdnow", datasets.resolve("cdnow/CDNOW_master.txt"));
            if (options.onlineRetail()) {
                replay(figures, http, purchaseUrl, "online-retail",
                        datasets.resolve("online-retail/online_retail_combined.csv.gz"));
            } else {
                figures.notMeasured(REPLAY, "online_retail_combined.csv.gz",
                        options.quick() ? "skipped (--quick)" : "skipped (--no-online-retail)");
            }
        }

        Map<String, String> baseUrls = new LinkedHashMap<>();
        for (ServiceSpec service : settings.services()) {
            baseUrls.put(service.name(), service.baseUrl());
        }
        step(figures, Footprint.STEP, () -> {
            Footprint.report(stack.servicePids(), baseUrls, http, figures);
            return Boolean.TRUE;
        });
    }

    private static String ratio(double perSecond, double rawHopPerSecond) {
        return String.format(Locale.ROOT, "%.4f, i.e. %.2f %% (%s / %s)", perSecond / rawHopPerSecond,
                100 * perSecond / rawHopPerSecond, Figures.perSecond(perSecond, "events"),
                Figures.perSecond(rawHopPerSecond, "msg"));
    }

    /** Replays one file through ReplayCommand (HTTP batches of 1,000) and reports its wall time. */
    private static void replay(Figures figures, ServiceHttp http, String purchaseUrl, String format, Path file) {
        String name = file.getFileName().toString();
        if (!Files.isReadable(file)) {
            figures.notMeasured(REPLAY, name, "file not found at " + file);
            return;
        }
        double acceptedBefore = http.metric(purchaseUrl, ACCEPTED_METRIC, "").orElse(Double.NaN);
        long t0 = System.nanoTime();
        int exit = ReplayCommand.run(new String[] {"--format", format, "--url", purchaseUrl, file.toString()});
        double seconds = (System.nanoTime() - t0) / 1e9;
        if (exit != 0) {
            figures.notMeasured(REPLAY, name, "the replay stopped with exit code " + exit + " after "
                    + Figures.seconds(seconds));
            return;
        }
        OptionalDouble acceptedAfter = http.metric(purchaseUrl, ACCEPTED_METRIC, "");
        String accepted = Double.isNaN(acceptedBefore) || acceptedAfter.isEmpty() ? ""
                : String.format(Locale.ROOT, ", %,.0f events accepted: %s", acceptedAfter.getAsDouble() - acceptedBefore,
                Figures.perSecond((acceptedAfter.getAsDouble() - acceptedBefore) / seconds, "events"));
        figures.add(REPLAY, name + " (read, sent and answered by purchase-ingestion)",
                Figures.seconds(seconds) + " wall" + accepted);
    }

    /** The steps that measure segmentation alone: fed straight into its input topic, churn-alerting paused. */
    private static void measureSegmentationAlone(BenchOptions options, StackSettings settings,
                                                 SegmentationBench segmentation, ServiceHttp http,
                                                 String segmentationUrl, RawBrokerBench.Result raw, Figures figures,
                                                 PrintStream err) {
        SegmentationBench.Result alone = step(figures, SegmentationBench.FIXED, () -> segmentation.run(
                SegmentationBench.FIXED, new BenchPurchases("SF", options.customers(), SEED + 3),
                options.fixedEvents(), options.rate()));
        if (alone != null) {
            SegmentationBench.report(SegmentationBench.FIXED, alone, figures);
        }
        SegmentationBench.Result light = step(figures, SegmentationBench.LIGHT, () -> segmentation.run(
                SegmentationBench.LIGHT, new BenchPurchases("SL", options.customers(), SEED + 5),
                Math.max(1, options.fixedEvents() / SegmentationBench.LIGHT_SHARE),
                options.rate() / SegmentationBench.LIGHT_SHARE));
        if (light != null) {
            SegmentationBench.report(SegmentationBench.LIGHT, light, figures);
        }
        SegmentationBench.Result aloneSaturated = step(figures, SegmentationBench.SATURATED, () -> segmentation.run(
                SegmentationBench.SATURATED, new BenchPurchases("SS", options.customers(), SEED + 4),
                options.events(), 0));
        if (aloneSaturated != null) {
            SegmentationBench.report(SegmentationBench.SATURATED, aloneSaturated, figures);
            if (raw != null && !Double.isNaN(aloneSaturated.applied())) {
                figures.add("ratio", "segmentation alone at saturation / raw produce+consume hop", ratio(
                        aloneSaturated.appliedPerSecond(), raw.hopPerSecond()));
            }
        }

        ProfileSeed.Result seeded = null;
        if (options.profiles() == 0) {
            figures.notMeasured(ProfileSeed.STEP, "customers made through segmentation", "--profiles 0");
        } else {
            err.printf("bench: profile seed: %,d customers through segmentation%n", options.profiles());
            seeded = step(figures, ProfileSeed.STEP, () -> new ProfileSeed(SEED + 2, Instant.now())
                    .seed(settings.bootstrapServers(), segmentation, options.profiles(), err));
            if (seeded != null) {
                ProfileSeed.report(seeded, figures);
            }
        }
        int seededProfiles = seeded == null ? 0 : seeded.profiles();
        Boolean reevaluated = step(figures, ReevaluationBench.STEP, () -> ReevaluationBench.run(
                settings.bootstrapServers(), settings.partitions(), segmentationUrl, http, seededProfiles, figures,
                err));
        if (!options.sweep()) {
            figures.notMeasured(SweepBench.STEP, "time-based sweep", "skipped (--no-sweep)");
        } else if (!Boolean.TRUE.equals(reevaluated)) {
            // A re-evaluation still running would compete with the sweep for the same profiles.
            figures.notMeasured(SweepBench.STEP, "time-based sweep", "the re-evaluation before it was not measured");
        } else {
            step(figures, SweepBench.STEP, () -> {
                SweepBench.run(settings.bootstrapServers(), settings.partitions(), segmentationUrl, http,
                        ReevaluationBench.giveUp(seededProfiles), figures, err);
                return Boolean.TRUE;
            });
        }
    }

    /** Runs one step; a failure becomes a "not measured" figure with the reason, and the run goes on. */
    private static <T> T step(Figures figures, String step, java.util.function.Supplier<T> body) {
        try {
            return body.get();
        } catch (RuntimeException e) {
            figures.notMeasured(step, "step failed", e.getClass().getSimpleName() + ": " + e.getMessage());
            return null;
        }
    }

    private static void close(LocalStack stack, BenchOptions options, PrintStream err) {
        synchronized (BenchCommand.class) {
            stack.close();
            Path dir = options.stack().dataDir();
            if (options.keep()) {
                err.println("bench: data kept in " + dir);
            } else if (Files.exists(dir)) {
                try (Stream<Path> paths = Files.walk(dir)) {
                    paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                } catch (IOException e) {
                    err.println("bench: could not delete " + dir + ": " + e.getMessage());
                }
            }
        }
    }

    private static void write(Path output, String results) {
        try {
            String existing = Files.exists(output) ? Files.readString(output, StandardCharsets.UTF_8) : "";
            Files.createDirectories(output.toAbsolutePath().getParent());
            Files.writeString(output, BenchReport.replaceResults(existing, results), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + output, e);
        }
    }
}
