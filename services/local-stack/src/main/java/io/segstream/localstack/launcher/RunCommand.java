package io.segstream.localstack.launcher;

import io.segstream.localstack.ContractProducer;
import io.segstream.localstack.LocalStack;
import io.segstream.localstack.SegstreamCommandLine;
import io.segstream.localstack.ServiceSpec;
import io.segstream.localstack.StackSettings;
import io.segstream.localstack.StackSummary;
import io.segstream.localstack.demo.DemoTraffic;
import io.segstream.runtime.security.Role;
import picocli.CommandLine.Command;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static io.segstream.localstack.SegstreamCommandLine.within;

/**
 * {@code ./segstream run}: the whole system on this machine (a Kafka broker, a MongoDB wire server, the four services
 * and simulated traffic) until Ctrl-C. Every option can also be given as an environment variable SEGSTREAM_NAME
 * (upper case, dashes as underscores); the command line wins.
 */
@Command(name = "run", sortOptions = false,
        description = {"Run the whole system locally, with simulated traffic.",
                "A Kafka broker, a MongoDB wire server and the four services; data under",
                ".segstream/ by default. Ctrl-C stops everything cleanly; the next run finds the",
                "data of this one.",
                "Each option is also read from an environment variable SEGSTREAM_<NAME>,",
                "e.g. SEGSTREAM_KAFKA_PORT for --kafka-port; the command line wins."},
        footerHeading = "%n",
        footer = {"When it is up: http://localhost:8080/actuator/health is UP and",
                "http://localhost:8080/summary has the figures. The services run with the Spring",
                "profile 'local' and accept tokens signed with this checkout's key",
                ".segstream/local-signing.key (made on first need; --fresh keeps it); see",
                "./segstream token --help"})
public final class RunCommand implements Callable<Integer> {
    /** The demo's customers and history are seeded: the same simulated customers on every run. */
    private static final long DEMO_SEED = 20_261_123L;

    @Spec
    private CommandSpec spec;

    @Option(names = "--no-demo", description = "No simulated traffic, for other systems and tests to publish to.")
    boolean noDemo;
    @Option(names = "--fresh", description = "Delete the data of earlier runs first (the signing key is kept).")
    boolean fresh;
    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Where broker and database keep their files (default: .segstream).")
    Path dataDir;
    @Option(names = "--host", paramLabel = "HOST", defaultValue = "localhost",
            description = "The host every component listens on (default: ${DEFAULT-VALUE}).")
    String host;
    @Option(names = "--kafka-port", paramLabel = "N", defaultValue = "" + StackSettings.DEFAULT_KAFKA_PORT,
            description = "Kafka broker (default: ${DEFAULT-VALUE}).")
    int kafkaPort;
    @Option(names = "--kafka-controller-port", paramLabel = "N",
            defaultValue = "" + StackSettings.DEFAULT_KAFKA_CONTROLLER_PORT,
            description = "Kafka broker's controller (default: ${DEFAULT-VALUE}).")
    int kafkaControllerPort;
    @Option(names = "--mongo-port", paramLabel = "N", defaultValue = "" + StackSettings.DEFAULT_MONGO_PORT,
            description = "MongoDB wire server (default: ${DEFAULT-VALUE}).")
    int mongoPort;
    @Option(names = "--health-port", paramLabel = "N", defaultValue = "" + StackSettings.DEFAULT_HEALTH_PORT,
            description = "The stack's health and summary endpoint (default: ${DEFAULT-VALUE}).")
    int healthPort;
    @Option(names = "--purchase-port", paramLabel = "N", defaultValue = "8081",
            description = "purchase-ingestion (default: ${DEFAULT-VALUE}).")
    int purchasePort;
    @Option(names = "--feedback-port", paramLabel = "N", defaultValue = "8082",
            description = "feedback-collection (default: ${DEFAULT-VALUE}).")
    int feedbackPort;
    @Option(names = "--segmentation-port", paramLabel = "N", defaultValue = "8083",
            description = "segmentation (default: ${DEFAULT-VALUE}).")
    int segmentationPort;
    @Option(names = "--churn-port", paramLabel = "N", defaultValue = "8084",
            description = "churn-alerting (default: ${DEFAULT-VALUE}).")
    int churnPort;
    @Option(names = "--partitions", paramLabel = "N", defaultValue = "" + StackSettings.DEFAULT_PARTITIONS,
            description = "Partitions per event topic, 1 to 256 (default: ${DEFAULT-VALUE}).")
    int partitions;
    @Option(names = "--service-heap", paramLabel = "SIZE", defaultValue = "384m",
            description = "-Xmx of each service (default: ${DEFAULT-VALUE}).")
    String serviceHeap;
    @Option(names = "--demo-rate", paramLabel = "N", defaultValue = "20",
            description = "Simulated events per second (default: ${DEFAULT-VALUE}).")
    double demoRate;
    @Option(names = "--demo-customers", paramLabel = "N", defaultValue = "2000",
            description = "Simulated customers (default: ${DEFAULT-VALUE}).")
    int demoCustomers;
    @Option(names = "--demo-history-days", paramLabel = "N", defaultValue = "180",
            description = "Days of purchase history backfilled on first start (default: ${DEFAULT-VALUE}).")
    int demoHistoryDays;
    @Option(names = "--summary-every", paramLabel = "N", defaultValue = "10",
            description = "Seconds between printed summaries (default: ${DEFAULT-VALUE}).")
    int summaryEvery;
    @Option(names = "--ready-timeout", paramLabel = "N", defaultValue = "300",
            description = "Seconds to wait for every service to be ready (default: ${DEFAULT-VALUE}).")
    int readyTimeout;

    private final Path home;
    private final PrintStream out;

    public RunCommand(Path home, PrintStream out) {
        this.home = home;
        this.out = out;
    }

    /** The settings of {@code run} from a command line, with SEGSTREAM_* variables of {@code environment}. */
    public static StackSettings settings(Path home, Map<String, String> environment, String... args) {
        picocli.CommandLine launcher = SegstreamLauncher.commandLine(home, environment, System.out, System.err);
        String[] all = new String[args.length + 1];
        all[0] = "run";
        System.arraycopy(args, 0, all, 1, args.length);
        launcher.parseArgs(all);
        return ((RunCommand) launcher.getSubcommands().get("run").getCommand()).settings();
    }

    /** What the options say, checked: a value out of range refuses the command line before anything starts. */
    StackSettings settings() {
        List<ServiceSpec> services = StackSettings.services(port("--purchase-port", purchasePort),
                port("--feedback-port", feedbackPort), port("--segmentation-port", segmentationPort),
                port("--churn-port", churnPort), List.of(), List.of());
        return new StackSettings(
                home,
                dataDir == null ? home.resolve(".segstream") : dataDir,
                host,
                port("--kafka-port", kafkaPort),
                port("--kafka-controller-port", kafkaControllerPort),
                port("--mongo-port", mongoPort),
                port("--health-port", healthPort),
                within(spec, "--partitions", partitions, 1, StackSettings.MAX_PARTITIONS),
                services,
                serviceHeap,
                !noDemo,
                within(spec, "--demo-rate", demoRate, 0.1, 100_000.0),
                within(spec, "--demo-customers", demoCustomers, 10, 10_000_000),
                within(spec, "--demo-history-days", demoHistoryDays, 0, 3_650),
                within(spec, "--summary-every", summaryEvery, 1, 3_600),
                within(spec, "--ready-timeout", readyTimeout, 10, 3_600),
                !fresh);
    }

    private int port(String option, int value) {
        return within(spec, option, value, 1, StackSettings.MAX_PORT);
    }

    @Override
    public Integer call() {
        StackSettings settings = settings();
        if (!settings.keepData()) {
            // --fresh forgets the data, not the checkout's key: tokens printed earlier stay valid.
            deleteRecursively(settings.dataDir(), settings.signingKeyFile());
        }
        LocalStack stack = new LocalStack(settings);
        stack.checkPorts();
        CountDownLatch stopped = new CountDownLatch(1);
        ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "segstream-stack");
            thread.setDaemon(true);
            return thread;
        });
        StackRun running = new StackRun(stack, scheduler);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            out.println("\nStopping Segstream...");
            running.close();
            out.println("Stopped. Data kept in " + settings.dataDir());
            stopped.countDown();
        }, "segstream-stop"));

        out.println("Starting Segstream: Kafka on " + settings.bootstrapServers() + ", MongoDB wire server on "
                + settings.host() + ":" + settings.mongoPort() + ", data in " + settings.dataDir());
        long t0 = System.nanoTime();
        stack.start();
        running.health = new StackHealthEndpoint(settings.host(), settings.healthPort(), stack::componentStatus,
                () -> running.summary == null ? Map.of() : running.summary.asMap()).start();
        stack.awaitReady(Duration.ofSeconds(settings.readyTimeoutSeconds()));
        out.printf("Segstream is ready after %d s:%n", (System.nanoTime() - t0) / 1_000_000_000L);
        settings.services().forEach(s -> out.printf("  %-20s %s%n", s.name(), s.baseUrl()));
        out.printf("  %-20s http://%s:%d/actuator/health  (summary: /summary)%n", "stack", settings.host(),
                settings.healthPort());
        out.println("The APIs need a token: TOKEN=$(./segstream token MARKETING | tail -1), then curl -H "
                + "\"Authorization: Bearer $TOKEN\" ... (roles: ./segstream token --help)");
        out.println("Press Ctrl-C to stop.");

        running.summary = new StackSummary(settings.bootstrapServers());
        Thread summaryThread = new Thread(running.summary, "segstream-summary");
        summaryThread.setDaemon(true);
        summaryThread.start();
        if (settings.demo()) {
            startDemo(settings, stack, running);
        } else {
            out.println("No simulated traffic (--no-demo): publish to " + settings.bootstrapServers()
                    + " or POST to the services.");
        }
        scheduler.scheduleAtFixedRate(() -> {
            out.print(running.summary.render());
            if (running.demo != null) {
                out.println("  demo sent: " + running.demo.sent());
            }
        }, settings.summaryEverySeconds(), settings.summaryEverySeconds(), TimeUnit.SECONDS);
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    private void startDemo(StackSettings settings, LocalStack stack, StackRun running) {
        running.demoProducer = new ContractProducer(settings.bootstrapServers(), "/segstream/demo");
        // The demo only posts purchases and feedback: INGEST is all it gets.
        DemoTraffic.DemoSettings demoSettings = new DemoTraffic.DemoSettings(settings.demoCustomers(),
                settings.demoHistoryDays(), settings.demoRate(),
                settings.service("purchase-ingestion").baseUrl() + "/api/v1/purchases",
                settings.service("feedback-collection").baseUrl() + "/api/v1/feedback", DEMO_SEED,
                stack.credentials().bearer("segstream-demo", Role.INGEST));
        running.demo = new DemoTraffic(demoSettings, running.demoProducer, Clock.systemUTC());
        Path marker = settings.dataDir().resolve("demo-history-sent");
        Thread demoThread = new Thread(() -> {
            if (!Files.exists(marker) && settings.demoHistoryDays() > 0) {
                long sent = running.demo.backfillHistory();
                out.printf("Demo: backfilled %d historical purchases of %d customers over %d days%n", sent,
                        settings.demoCustomers(), settings.demoHistoryDays());
                try {
                    Files.writeString(marker, String.valueOf(sent));
                } catch (IOException e) {
                    out.println("Demo: could not write " + marker + ": " + e.getMessage());
                }
            }
            out.printf("Demo: simulating %.1f events/s (purchases in stores and online, refunds, feedback)%n",
                    settings.demoRate());
            running.demo.run();
        }, "segstream-demo");
        demoThread.setDaemon(true);
        demoThread.start();
    }

    /** Deletes {@code dir} and everything in it but {@code keep} (and so the directories holding it). */
    static void deleteRecursively(Path dir, Path keep) {
        if (!Files.exists(dir)) {
            return;
        }
        Path kept = keep.toAbsolutePath().normalize();
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder())
                    .filter(p -> !p.toAbsolutePath().normalize().equals(kept))
                    .forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + dir, e);
        }
    }

    /**
     * An option not on the command line falls back to the environment variable SEGSTREAM_NAME (upper case, dashes as
     * underscores), then to its documented default; usage text shows the value that applies.
     */
    static final class EnvironmentDefaults implements IDefaultValueProvider {
        private final Map<String, String> environment;

        EnvironmentDefaults(Map<String, String> environment) {
            this.environment = environment;
        }

        @Override
        public String defaultValue(ArgSpec argument) {
            if (!(argument instanceof OptionSpec option) || option.usageHelp() || option.versionHelp()) {
                return null;
            }
            String name = option.longestName().replaceFirst("^--", "");
            return environment.get("SEGSTREAM_" + name.toUpperCase(Locale.ROOT).replace('-', '_'));
        }
    }

    /** What a run holds, closed in reverse order of start by the shutdown hook. */
    private static final class StackRun implements AutoCloseable {
        private final LocalStack stack;
        private final ScheduledExecutorService scheduler;
        private volatile StackHealthEndpoint health;
        private volatile StackSummary summary;
        private volatile DemoTraffic demo;
        private volatile ContractProducer demoProducer;

        StackRun(LocalStack stack, ScheduledExecutorService scheduler) {
            this.stack = stack;
            this.scheduler = scheduler;
        }

        @Override
        public void close() {
            scheduler.shutdownNow();
            if (demo != null) {
                demo.close();
            }
            if (demoProducer != null) {
                demoProducer.close();
            }
            if (summary != null) {
                summary.close();
            }
            if (health != null) {
                health.close();
            }
            stack.close();
        }
    }
}
