package io.segstream.localstack.bench;

import io.segstream.embedded.Ports;
import io.segstream.localstack.SegstreamCommandLine;
import io.segstream.localstack.StackSettings;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Set;
import java.util.function.IntSupplier;

/**
 * What {@code ./segstream bench} was asked to measure ({@link BenchCommand} reads it from the command line).
 * Environment variables are deliberately not read (unlike {@code run}): a SEGSTREAM_KAFKA_PORT meant for a running
 * stack must not make the benchmark collide with it. Every port defaults to a free one.
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
 * @param output        the markdown file the results are written to (by default an untracked one under
 *                      .segstream/)
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
    /**
     * Results go to an untracked file under .segstream/ (git-ignored), named by the run's start, unless --output
     * names one: the committed docs/benchmarks.md changes only on purpose.
     */
    static final String DEFAULT_OUTPUT = "bench-results-%s.md";
    static final String GUARANTEE_ARGUMENT = "--spring.kafka.streams.properties.processing.guarantee=";

    /** Kafka Streams' guarantees segmentation can run with (its default: exactly_once_v2). */
    static final Set<String> GUARANTEES = Set.of("exactly_once_v2", "at_least_once");

    /** The options of a command line, checked; a wrong one throws picocli's ParameterException. */
    static BenchOptions parse(String[] args, Path home, IntSupplier freePort, LocalDateTime now) {
        return SegstreamCommandLine.parse(new BenchCommand(home, System.out, System.err), args).options(freePort, now);
    }

    static BenchOptions parse(String[] args, Path home) {
        return parse(args, home, Ports::freePort, LocalDateTime.now());
    }
}
