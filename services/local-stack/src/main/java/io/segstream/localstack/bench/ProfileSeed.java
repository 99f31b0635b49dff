package io.segstream.localstack.bench;

import io.segstream.contracts.ContractJson;
import io.segstream.contracts.purchase.PurchaseRecorded;
import io.segstream.contracts.registry.Contracts;
import io.segstream.localstack.ContractProducer;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Random;

/**
 * Customers made through segmentation itself, so that re-evaluation, the sweep and segmentation's memory are measured
 * at the target's size ({@link ReevaluationBench#TARGET_PROFILES} customers): recorded purchases (1 to
 * {@link #MAX_PURCHASES} per customer, within the {@link #RECENT} days before the run, from the pipeline's
 * assortment) published straight to purchases.recorded.v1, as fast as the broker takes them, until segmentation has
 * applied every one. The figure is segmentation's
 * throughput at that scale. Recent purchases keep every customer due for the clock within a month: the sweep step
 * moves the evaluation clock past that.
 */
final class ProfileSeed {
    static final String STEP = "profile seed";
    /** Seeded customers are BP-0, BP-1, ...: distinct from every other phase's. */
    static final String CUSTOMER_PREFIX = "BP";
    static final int MAX_PURCHASES = 4;
    /** Seeded purchases happened within this many days before the run (the 30-day window's first exit is after). */
    static final int RECENT = 29;
    private static final int PROGRESS_EVERY = 200_000;

    /** How many customers and events were seeded and how long segmentation took to apply them. */
    record Result(int profiles, long events, double seconds, double applied) {
        double perSecond() {
            return applied / seconds;
        }
    }

    private final Random random;
    private final Instant now;

    ProfileSeed(long seed, Instant now) {
        this.random = new Random(seed);
        this.now = now;
    }

    Result seed(String bootstrapServers, SegmentationBench segmentation, int profiles, PrintStream progress) {
        BenchPurchases purchases = new BenchPurchases(CUSTOMER_PREFIX, profiles, random.nextLong());
        double before = segmentation.applied().orElse(Double.NaN);
        long events = 0;
        long t0 = System.nanoTime();
        try (ContractProducer producer = new ContractProducer(bootstrapServers, "/segstream/bench")) {
            for (int customer = 0; customer < profiles; customer++) {
                int count = 1 + random.nextInt(MAX_PURCHASES);
                for (int i = 0; i < count; i++) {
                    Instant at = now.minusSeconds((long) (random.nextDouble() * Duration.ofDays(RECENT).toSeconds()));
                    PurchaseRecorded purchase = purchases.recorded(customer, at);
                    producer.sendRaw(Contracts.PURCHASE_RECORDED, purchase.customerId(), purchase.eventId(),
                            purchase.occurredAt(), ContractJson.mapper().writeValueAsBytes(purchase));
                    events++;
                }
                if ((customer + 1) % PROGRESS_EVERY == 0) {
                    progress.printf(Locale.ROOT, "bench: profile seed: %,d of %,d customers sent (%.0f s)%n",
                            customer + 1, profiles, (System.nanoTime() - t0) / 1e9);
                }
            }
            producer.flush();
        }
        progress.printf(Locale.ROOT, "bench: profile seed: %,d events sent; waiting for segmentation to apply them%n",
                events);
        double[] applied = segmentation.awaitApplied(before, events, t0);
        return new Result(profiles, events, applied[1], applied[0]);
    }

    static void report(Result result, Figures figures) {
        figures.add(STEP, String.format(Locale.ROOT, "%,d customers made through segmentation (%,d recorded purchases "
                + "on purchases.recorded.v1)", result.profiles(), result.events()), String.format(Locale.ROOT,
                "%,.0f applied in %s: %s", result.applied(), Figures.seconds(result.seconds()),
                Figures.perSecond(result.perSecond(), "events")));
    }
}
