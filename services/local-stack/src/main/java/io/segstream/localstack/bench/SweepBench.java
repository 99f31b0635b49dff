package io.segstream.localstack.bench;

import io.segstream.contracts.ContractJson;
import io.segstream.contracts.purchase.PurchaseRecorded;
import io.segstream.contracts.registry.Contracts;
import io.segstream.localstack.ContractProducer;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * The time-based sweep over every customer at once. The bench's segmentation classifies as of event time
 * ({@code clock.follow-event-time}, as during a replay), so one recorded purchase dated later (a "tick") moves its
 * clock: every customer whose next re-evaluation instant the tick passes is due at once, and each stream task sweeps
 * its own, slice by slice between records. Two passes: the clock moves {@link #STEADY_JUMP} ahead (every customer's
 * 30-day window has moved on, but no threshold of the catalogue is crossed: a steady-state sweep; RFM classes still
 * move, since the new customers sent meanwhile buy at the new time and move everyone's recency rank), then
 * {@link #SILENT_JUMP} ahead (every customer has gone silent for months: lifecycle and audience changes). A pass is
 * over when segmentation's sweep counter has grown by the customers who bought (its RFM population), less the
 * ticks. Recorded purchases of new customers keep arriving meanwhile ({@link LatencyProbe}).
 */
final class SweepBench {
    static final String STEP = "time-based sweep";
    static final String FOLLOW_EVENT_TIME = "--segstream.segmentation.clock.follow-event-time=true";
    static final String SWEPT_METRIC = "segstream_segmentation_sweep_customers_total";
    static final String POPULATION_METRIC = "segstream_segmentation_rfm_population";
    static final String CHANGES_METRIC = "segstream_segmentation_changes_total";
    static final String SWEEP_CAUSE = "cause=\"sweep\"";
    static final Duration STEADY_JUMP = Duration.ofDays(31);
    static final Duration SILENT_JUMP = Duration.ofDays(200);
    /** New customers per second sent while a pass runs. */
    static final double PROBE_RATE = 200;
    private static final Duration POLL = Duration.ofSeconds(1);

    /** One pass: customers expected due, how many the sweep took, in how long, the changes it published. */
    record Result(String pass, long due, double swept, double seconds, OptionalDouble changes, String meanwhile) {
    }

    private SweepBench() {
    }

    static void run(String bootstrapServers, int partitions, String segmentationUrl, ServiceHttp http,
                    Duration giveUp, Figures figures, PrintStream progress) {
        Instant start = Instant.now();
        int tick = 0;
        for (Duration jump : new Duration[] {STEADY_JUMP, SILENT_JUMP}) {
            String pass = jump.equals(STEADY_JUMP) ? "steady state (+" + jump.toDays()
                    + " days: no threshold crossed; RFM classes follow the population the new customers move)"
                    : "customers gone silent (+" + jump.toDays() + " days: lifecycle changes)";
            progress.println("bench: time-based sweep: " + pass);
            tick++;
            Result result = pass(pass, bootstrapServers, partitions, segmentationUrl, http, start.plus(jump), tick,
                    giveUp, progress);
            report(result, figures);
            if (result.swept() < result.due()) {
                return;
            }
        }
    }

    private static Result pass(String pass, String bootstrapServers, int partitions, String segmentationUrl,
                               ServiceHttp http, Instant clockTo, int tick, Duration giveUp, PrintStream progress) {
        double sweptBefore = http.metric(segmentationUrl, SWEPT_METRIC, "").orElse(0);
        double changesBefore = http.metric(segmentationUrl, CHANGES_METRIC, SWEEP_CAUSE).orElse(0);
        // The ticks themselves bought, and are never due in their own pass.
        long due = (long) http.metric(segmentationUrl, POPULATION_METRIC, "").orElse(0) - (tick - 1);
        try (LatencyProbe probe = new LatencyProbe(bootstrapServers, partitions, "PS" + tick, PROBE_RATE, tick)) {
            long t0 = System.nanoTime();
            try (ContractProducer producer = new ContractProducer(bootstrapServers, "/segstream/bench")) {
                PurchaseRecorded clock = new BenchPurchases("BCLOCK", 1_000, tick).recorded(tick, clockTo);
                producer.sendRaw(Contracts.PURCHASE_RECORDED, clock.customerId(), clock.eventId(),
                        clock.occurredAt(), ContractJson.mapper().writeValueAsBytes(clock));
            }
            double swept = 0;
            long deadline = t0 + giveUp.toNanos();
            while (swept < due && System.nanoTime() < deadline) {
                Pause.sleep(POLL);
                swept = http.metric(segmentationUrl, SWEPT_METRIC, "").orElse(sweptBefore) - sweptBefore;
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            String meanwhile = probe.stop();
            OptionalDouble changes = http.metric(segmentationUrl, CHANGES_METRIC, SWEEP_CAUSE);
            if (swept < due) {
                progress.printf(Locale.ROOT, "bench: time-based sweep: only %,.0f of %,d swept in %s%n", swept, due,
                        Figures.seconds(seconds));
            }
            return new Result(pass, due, swept, seconds, changes.isPresent()
                    ? OptionalDouble.of(changes.getAsDouble() - changesBefore) : OptionalDouble.empty(), meanwhile);
        }
    }

    static void report(Result result, Figures figures) {
        String changes = result.changes().isPresent()
                ? String.format(Locale.ROOT, "%,.0f changes published", result.changes().getAsDouble())
                : "changes unknown (" + CHANGES_METRIC + " unreadable)";
        String target = result.due() < ReevaluationBench.TARGET_PROFILES ? ReevaluationBench.notTheTarget(" (", ")")
                : "";
        if (result.swept() < result.due()) {
            figures.notMeasured(STEP, String.format(Locale.ROOT, "sweep of %,d due customers, %s%s", result.due(),
                    result.pass(), target), String.format(Locale.ROOT, "only %,.0f swept in %s", result.swept(),
                    Figures.seconds(result.seconds())));
            return;
        }
        figures.add(STEP, String.format(Locale.ROOT, "sweep of %,d due customers, %s%s", result.due(), result.pass(),
                target), String.format(Locale.ROOT, "%s from the clock's move to the last one swept, %s, %s",
                Figures.seconds(result.seconds()), Figures.perSecond(result.swept() / result.seconds(), "customers"),
                changes));
        figures.add(STEP, "events while the sweep ran (" + result.pass() + "), send → first change", result.meanwhile());
    }
}
