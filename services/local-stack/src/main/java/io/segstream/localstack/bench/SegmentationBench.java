package io.segstream.localstack.bench;

import io.segstream.contracts.ContractJson;
import io.segstream.contracts.Topics;
import io.segstream.contracts.purchase.PurchaseRecorded;
import io.segstream.contracts.registry.Contracts;
import io.segstream.localstack.ContractProducer;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Segmentation alone: recorded purchases published straight to purchases.recorded.v1 (as purchase-ingestion would,
 * CloudEvents headers, key = customerId), segmentation applies them and publishes segments.changes.v1. Throughput is
 * segmentation's applied counter over the time from the first send; latency runs from the instant the harness handed
 * an event to its producer to the instant a read-committed consumer received the first segment change caused by it
 * (so it includes the stream's commit interval, as every subscriber sees it).
 */
final class SegmentationBench {
    static final String FIXED = "segmentation alone, fixed load";
    /** A tenth of the fixed load: the latency of the path itself, when nothing queues. */
    static final String LIGHT = "segmentation alone, light load";
    static final int LIGHT_SHARE = 10;
    static final String SATURATED = "segmentation alone, saturation";
    /** Scraping a service is work for it too: once a second is close enough for a figure of many seconds. */
    private static final Duration METRIC_POLL = Duration.ofSeconds(1);

    /** What one phase measured. */
    record Result(int sent, double sendSeconds, double applied, double appliedSeconds, int withChange,
                  LatencySummary toChange) {
        double appliedPerSecond() {
            return applied / appliedSeconds;
        }
    }

    private final String bootstrapServers;
    private final int partitions;
    private final String segmentationUrl;
    private final ServiceHttp http;
    private final PrintStream progress;

    SegmentationBench(String bootstrapServers, int partitions, String segmentationUrl, ServiceHttp http,
                      PrintStream progress) {
        this.bootstrapServers = bootstrapServers;
        this.partitions = partitions;
        this.segmentationUrl = segmentationUrl;
        this.http = http;
        this.progress = progress;
    }

    Result run(String label, BenchPurchases purchases, int events, double rate) {
        Map<String, Long> sentAt = new ConcurrentHashMap<>(events * 2);
        try (TopicWatcher changes = new TopicWatcher(bootstrapServers, partitions, Topics.SEGMENT_CHANGES,
                "causedBy", events, sentAt).start();
             ContractProducer producer = new ContractProducer(bootstrapServers, "/segstream/bench")) {
            double appliedBefore = applied().orElse(Double.NaN);
            progress.printf(Locale.ROOT, "bench: %s: sending %,d recorded purchases%s%n", label, events,
                    rate == 0 ? " as fast as possible" : String.format(Locale.ROOT, " at %.0f/s", rate));
            long t0 = System.nanoTime();
            RatePacer pacer = new RatePacer(rate, System::nanoTime);
            for (int i = 0; i < events; i++) {
                pacer.awaitTurn(i);
                PurchaseRecorded purchase = purchases.recorded(i, Instant.now());
                byte[] payload = ContractJson.mapper().writeValueAsBytes(purchase);
                sentAt.put(purchase.eventId(), System.nanoTime());
                producer.sendRaw(Contracts.PURCHASE_RECORDED, purchase.customerId(), purchase.eventId(),
                        purchase.occurredAt(), payload);
            }
            producer.flush();
            double sendSeconds = (System.nanoTime() - t0) / 1e9;
            double[] applied = awaitApplied(appliedBefore, events, t0);
            changes.awaitQuiet();
            return new Result(events, sendSeconds, applied[0], applied[1], changes.count(), changes.latencies());
        }
    }

    /** Polls segmentation's applied counter until it grew by {@code events}: {growth, seconds from t0}. */
    double[] awaitApplied(double before, long events, long t0) {
        if (Double.isNaN(before)) {
            return new double[] {Double.NaN, Double.NaN};
        }
        double last = before;
        long lastProgress = System.nanoTime();
        while (true) {
            double now = applied().orElse(last);
            long at = System.nanoTime();
            if (now - before >= events) {
                return new double[] {now - before, (at - t0) / 1e9};
            }
            if (now > last) {
                last = now;
                lastProgress = at;
            } else if (at - lastProgress > TopicWatcher.STALL.toNanos()) {
                progress.printf(Locale.ROOT, "bench: segmentation applied only %,.0f of %,d events; stopped waiting%n",
                        last - before, events);
                return new double[] {last - before, (lastProgress - t0) / 1e9};
            }
            Pause.sleep(METRIC_POLL);
        }
    }

    OptionalDouble applied() {
        return http.metric(segmentationUrl, PipelineBench.APPLIED_METRIC, "");
    }

    static void report(String step, Result result, Figures figures) {
        figures.add(step, "recorded purchases sent to purchases.recorded.v1", String.format(Locale.ROOT,
                "%,d in %.1f s (%s offered)", result.sent(), result.sendSeconds(),
                Figures.perSecond(result.sent() / result.sendSeconds(), "events")));
        if (Double.isNaN(result.applied())) {
            figures.notMeasured(step, "applied by segmentation", "its " + PipelineBench.APPLIED_METRIC
                    + " metric was not found");
        } else {
            figures.add(step, "applied by segmentation (its events.applied counter)", String.format(Locale.ROOT,
                    "%,.0f by %.1f s after the first send: %s", result.applied(), result.appliedSeconds(),
                    Figures.perSecond(result.appliedPerSecond(), "events")));
        }
        figures.add(step, "latency send → first segment change caused by it (read committed)",
                result.toChange().describe());
    }
}
