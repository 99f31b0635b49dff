package io.segstream.localstack.launcher;

import io.segstream.embedded.PortInUseException;
import io.segstream.localstack.CommandLine;
import io.segstream.localstack.ContractProducer;
import io.segstream.localstack.LocalCredentials;
import io.segstream.localstack.LocalStack;
import io.segstream.localstack.StackSettings;
import io.segstream.localstack.StackSummary;
import io.segstream.localstack.TokenCommand;
import io.segstream.localstack.demo.DemoTraffic;
import io.segstream.localstack.replay.ReplayCommand;
import io.segstream.runtime.security.Role;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** The Java side of {@code ./segstream}: {@code run}, {@code replay}, {@code bench}, {@code token}, {@code help}. */
public final class SegstreamLauncher {
    static final String USAGE = """
            Usage: ./segstream <command> [options]

            Commands:
              run [options]        build if needed, then run the whole system locally: a Kafka broker, a MongoDB
                                   wire server (data under .segstream/), the four services, and simulated traffic
              run --no-demo        the same without simulated traffic, for other systems and tests to publish to
              replay --format cdnow|online-retail [--until YYYY-MM-DD] [--url URL] [--batch-size N] FILE
                                   replay a real purchase history (CDNOW master or sample, UCI Online Retail CSV,
                                   plain or .gz) into a running stack, with progress and a summary by result code
              bench [options]      start a separate stack on free ports and measure it: raw broker, database,
                                   pipeline throughput and latency, re-evaluation and sweep over seeded profiles
                                   (--profiles N), replays, memory; writes docs/benchmarks.md (./segstream bench
                                   --help for its options)
              jmh [JMH options]    micro-benchmarks of the hot pure-Java paths (the benchmarks module's jar, built
                                   if missing); options go to JMH, e.g. ./segstream jmh -f 1 'ProfileUpdate.*'
              token <ROLE>... [--subject NAME] [--ttl 1h]
                                   print a token for the local APIs (last line; roles INGEST, MARKETING, OPS,
                                   ADMIN, METRICS), e.g. TOKEN=$(./segstream token MARKETING | tail -1), then
                                   curl -H "Authorization: Bearer $TOKEN" ... (./segstream token --help)
              help                 this text

            Options of run (each also as an environment variable SEGSTREAM_<NAME>, e.g. SEGSTREAM_KAFKA_PORT):
              --no-demo                  no simulated traffic
              --fresh                    delete the data of earlier runs first
              --data-dir DIR             where broker and database keep their files (.segstream)
              --kafka-port N             Kafka broker (9092); --kafka-controller-port N (9093)
              --mongo-port N             MongoDB wire server (27017)
              --health-port N            the stack's health and summary endpoint (8080)
              --purchase-port N          purchase-ingestion (8081); --feedback-port N feedback-collection (8082)
              --segmentation-port N      segmentation (8083); --churn-port N churn-alerting (8084)
              --partitions N             partitions per event topic (6)
              --service-heap SIZE        -Xmx of each service (384m)
              --demo-rate N              simulated events per second (20)
              --demo-customers N         simulated customers (2000)
              --demo-history-days N      days of purchase history backfilled on first start (180)
              --summary-every N          seconds between printed summaries (10)
              --ready-timeout N          seconds to wait for every service to be ready (300)

            When it is up: http://localhost:8080/actuator/health is UP, http://localhost:8080/summary has the figures.
            The services run with the Spring profile 'local' and accept tokens signed with this checkout's key
            (.segstream/local-signing.key, made on first need; --fresh keeps it): see ./segstream token.
            Ctrl-C stops everything cleanly; the next run finds the data of this one.
            """;

    private SegstreamLauncher() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        String command = args.length == 0 ? "help" : args[0];
        String[] rest = java.util.Arrays.copyOfRange(args, Math.min(1, args.length), args.length);
        try {
            return switch (command) {
                case "run" -> runStack(rest, out);
                case "replay" -> ReplayCommand.run(rest);
                case "bench" -> io.segstream.localstack.bench.BenchCommand.run(rest, out, err);
                case "token" -> TokenCommand.run(rest, LocalCredentials.ofCheckout(home()), out, err,
                        Clock.systemUTC());
                case "help", "--help", "-h" -> {
                    out.print(USAGE);
                    yield 0;
                }
                default -> throw new CommandLine.UsageException("unknown command '" + command + "'");
            };
        } catch (CommandLine.UsageException e) {
            err.println("segstream: " + e.getMessage());
            err.println("Run ./segstream help for the commands and options.");
            return 2;
        } catch (PortInUseException e) {
            err.println("segstream: " + e.getMessage());
            return 1;
        } catch (IllegalStateException | UncheckedIOException e) {
            err.println("segstream: " + e.getMessage());
            return 1;
        }
    }

    private static int runStack(String[] args, PrintStream out) {
        CommandLine cli = new CommandLine(args, StackSettings.RUN_FLAGS, System.getenv());
        StackSettings settings = StackSettings.from(cli, home());
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
                () -> running.summary == null ? java.util.Map.of() : running.summary.asMap()).start();
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
            startDemo(settings, stack, running, out);
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

    private static Path home() {
        return Path.of(System.getProperty("segstream.home", ".")).toAbsolutePath().normalize();
    }

    private static void startDemo(StackSettings settings, LocalStack stack, StackRun running, PrintStream out) {
        running.demoProducer = new ContractProducer(settings.bootstrapServers(), "/segstream/demo");
        // The demo only posts purchases and feedback: INGEST is all it gets.
        DemoTraffic.DemoSettings demoSettings = new DemoTraffic.DemoSettings(settings.demoCustomers(),
                settings.demoHistoryDays(), settings.demoRate(),
                settings.service("purchase-ingestion").baseUrl() + "/api/v1/purchases",
                settings.service("feedback-collection").baseUrl() + "/api/v1/feedback", 20_261_123L,
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
