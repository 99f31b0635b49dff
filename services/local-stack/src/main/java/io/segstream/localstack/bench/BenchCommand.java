package io.segstream.localstack.bench;

import io.segstream.contracts.Topics;
import io.segstream.localstack.LocalStack;
import io.segstream.localstack.ServiceSpec;
import io.segstream.localstack.StackSettings;
import io.segstream.localstack.replay.ReplayCommand;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.stream.Stream;

/**
 * {@code ./segstream bench}: starts its own stack (free ports, its own data directory, no demo traffic), measures in
 * one run the raw broker, the database, segmentation alone and the pipeline (each at a fixed offered load and at
 * saturation), re-evaluation and the time-based sweep over customers made through segmentation, the replays and the
 * memory of every process (last, so that segmentation's heap and off-heap state are measured with every customer
 * held), prints every figure on stdout (progress on stderr) and writes them to the results file.
 * A step that fails is reported as "not measured" with the reason and the run goes on.
 */
public final class BenchCommand {
    static final String PIPELINE_FIXED = "pipeline, fixed load";
    static final String PIPELINE_SATURATED = "pipeline, saturation";
    static final String REPLAY = "replay";
    static final String ACCEPTED_METRIC = "segstream_purchases_accepted_total";
    private static final long SEED = 20_261_124L;
    /** The service paused while segmentation is measured alone, its consumer group and what that group reads. */
    private static final String CHURN = "churn-alerting";
    private static final List<String> CHURN_TOPICS = List.of(Topics.PURCHASES_RECORDED, Topics.FEEDBACK_RECORDED,
            Topics.SEGMENT_CHANGES, Topics.CUSTOMER_ERASURE);

    private BenchCommand() {
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (java.util.Arrays.asList(args).contains("--help")) {
            out.print("Usage: ./segstream bench [options]\n" + BenchOptions.USAGE);
            return 0;
        }
        Path home = Path.of(System.getProperty("segstream.home", ".")).toAbsolutePath().normalize();
        BenchOptions options = BenchOptions.parse(args, home);
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
        String commandLine = BenchReport.commandLine(args);
        String note = options.note() != null ? options.note()
                : options.quick() ? "Quick run (--quick): small sizes, a smoke test rather than a benchmark." : null;
        write(options.output(), BenchReport.results(note, commandLine, machine, figures.all()));
        err.println("bench: results written to " + options.output());
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
