package io.segstream.localstack.bench;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import io.segstream.segmentation.store.ProfileDocuments;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * The time-based sweep over the seeded customers. Segmentation has no on-demand trigger for its sweep (its
 * {@code ClockSweeper} runs every {@code segstream.segmentation.sweep.interval}), so the bench starts segmentation
 * with a short interval ({@link #SWEEP_INTERVAL}) and makes every seeded customer due at once: updateMany by lists of
 * ids sets their planned re-evaluation instant to a moment just past. The figure is the wall time from the start of that
 * update until no profile is due at that moment any more (the sweep moves each one's instant on), so it includes up to
 * one interval of waiting for the schedule. It starts with the update because the sweep does: its first pass picks up
 * the first customers made due while the rest are still being made due (at a million customers the update alone took
 * 8 minutes, during which the sweep ran; measured from its end the rate looked 60 % higher than it was).
 *
 * <p>Two passes are measured. The first also classifies the seeded customers on every dimension other than the
 * redefined one for the first time (they were seeded without classes and the redefinition re-evaluated only its own
 * dimension), so it publishes about one change per customer and dimension; the second is a steady-state sweep, in
 * which few classes change.
 */
final class SweepBench {
    static final String STEP = ReevaluationBench.STEP;
    /** Segmentation's sweep interval in the bench stack (1 minute by default). */
    static final Duration SWEEP_INTERVAL = Duration.ofSeconds(2);
    static final String SWEEP_INTERVAL_ARGUMENT = "--segstream.segmentation.sweep.interval="
            + SWEEP_INTERVAL.toSeconds() + "s";
    static final String CHANGES_METRIC = "segstream_segmentation_changes_total";
    static final String SWEEP_CAUSE = "cause=\"sweep\"";
    /** How far in the past the seeded customers are made due: any instant before the sweep's "now" will do. */
    private static final Duration DUE_AGO = Duration.ofSeconds(1);
    private static final Duration POLL = Duration.ofMillis(500);
    static final String FIRST_PASS = "first pass (also classifies every other dimension)";
    static final String STEADY_PASS = "steady state";

    /**
     * One pass: customers made due, how long making them due took, how long from its start until none was due (the
     * sweep's figure, which includes the update), the changes it published.
     */
    record Result(long customers, double updateSeconds, double sweepSeconds, OptionalDouble changes) {
    }

    private SweepBench() {
    }

    /** Both passes, each reported as soon as it is measured. */
    static void run(MongoCollection<Document> profiles, String segmentationUrl, ServiceHttp http, int seeded,
                    Figures figures, PrintStream progress) {
        for (String pass : new String[] {FIRST_PASS, STEADY_PASS}) {
            progress.println("bench: time-based sweep: " + pass);
            Result result = pass(profiles, seeded, segmentationUrl, http, ReevaluationBench.giveUp(seeded));
            if (result == null) {
                figures.notMeasured(STEP, "time-based sweep of the seeded customers, " + pass, "seeded customers were still due after "
                        + ReevaluationBench.giveUp(seeded).toMinutes() + " minutes");
                return;
            }
            report(pass, result, figures);
        }
    }

    /** One pass, or null when the customers were still due after {@code giveUp}. */
    static Result pass(MongoCollection<Document> profiles, int seeded, String segmentationUrl, ServiceHttp http,
                       Duration giveUp) {
        double changesBefore = changes(segmentationUrl, http).orElse(0);
        Date dueAt = Date.from(Instant.now().minus(DUE_AGO).truncatedTo(ChronoUnit.MILLIS));
        long t0 = System.nanoTime();
        long customers = 0;
        // By _id lists of one batch each: one updateMany over a million documents would hold them all in memory.
        for (int first = 1; first <= seeded; first += ProfileSeed.BATCH) {
            List<String> ids = new ArrayList<>(ProfileSeed.BATCH);
            for (int number = first; number < first + ProfileSeed.BATCH && number <= seeded; number++) {
                ids.add(ProfileSeed.customerId(number));
            }
            customers += profiles.updateMany(Filters.in("_id", ids),
                    Updates.set(ProfileDocuments.NEXT_REEVALUATION_AT, dueAt)).getMatchedCount();
        }
        long updated = System.nanoTime();
        Bson stillDue = Filters.lte(ProfileDocuments.NEXT_REEVALUATION_AT, dueAt);
        long deadline = updated + giveUp.toNanos();
        while (profiles.find(stillDue).limit(1).first() != null) {
            if (System.nanoTime() > deadline) {
                return null;
            }
            Pause.sleep(POLL);
        }
        double sweepSeconds = (System.nanoTime() - t0) / 1e9;
        OptionalDouble changesAfter = changes(segmentationUrl, http);
        return new Result(customers, (updated - t0) / 1e9, sweepSeconds, changesAfter.isPresent()
                ? OptionalDouble.of(changesAfter.getAsDouble() - changesBefore) : OptionalDouble.empty());
    }

    static void report(String pass, Result result, Figures figures) {
        String changes = result.changes().isPresent()
                ? String.format(Locale.ROOT, "%,.0f changes published", result.changes().getAsDouble())
                : "changes unknown (" + CHANGES_METRIC + " unreadable)";
        figures.add(STEP, String.format(Locale.ROOT, "time-based sweep of %,d seeded customers, %s%s",
                        result.customers(), pass, result.customers() < ReevaluationBench.TARGET_PROFILES
                                ? " (not the 1,000,000 of the target)" : ""),
                String.format(Locale.ROOT, "%s wall (first made due to none due, sweep every %d s), %s, %s; of "
                                + "which making them due (updateMany by _id lists, while the sweep ran) %s",
                        Figures.seconds(result.sweepSeconds()),
                        SWEEP_INTERVAL.toSeconds(), Figures.perSecond(result.customers() / result.sweepSeconds(),
                                "customers"), changes, Figures.seconds(result.updateSeconds())));
    }

    private static OptionalDouble changes(String segmentationUrl, ServiceHttp http) {
        return http.metric(segmentationUrl, CHANGES_METRIC, SWEEP_CAUSE);
    }

}
