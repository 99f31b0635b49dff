package io.segstream.localstack.bench;

import io.segstream.contracts.ContractJson;
import io.segstream.contracts.Topics;
import io.segstream.contracts.purchase.PurchaseSubmitted;
import io.segstream.contracts.registry.Contracts;
import io.segstream.localstack.ContractProducer;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The full pipeline: purchases published to purchases.incoming.v1 as an outside system does (CloudEvents headers,
 * key = customerId), purchase-ingestion records them on purchases.recorded.v1, segmentation classifies and publishes
 * segments.changes.v1. Latency is measured from the instant the harness handed the event to its producer to the
 * instant its own consumer received (a) the recorded event with the same eventId and (b) the first segment change
 * whose causedBy is that eventId. Segmentation publishes a change only when a class changes; every customer's first
 * purchase classifies it on every dimension, so at least those events have a (b) sample.
 */
final class PipelineBench {
    static final String APPLIED_METRIC = "segstream_segmentation_events_applied_total";
    private static final Duration STALL = TopicWatcher.STALL;
    /** Scraping a service is work for it too: once a second is close enough for a figure of many seconds. */
    private static final Duration METRIC_POLL = Duration.ofSeconds(1);

    /** What one phase measured; times in seconds from the first send. */
    record PhaseResult(int sent, double sendSeconds, int recorded, double recordedSeconds, LatencySummary toRecorded,
                       int withChange, LatencySummary toChange, double applied, double appliedSeconds) {
        double sentPerSecond() {
            return sent / sendSeconds;
        }

        double recordedPerSecond() {
            return recorded / recordedSeconds;
        }

        double appliedPerSecond() {
            return applied / appliedSeconds;
        }
    }

    private final String bootstrapServers;
    private final int partitions;
    private final String segmentationUrl;
    private final ServiceHttp http;
    private final PrintStream progress;

    PipelineBench(String bootstrapServers, int partitions, String segmentationUrl, ServiceHttp http,
                  PrintStream progress) {
        this.bootstrapServers = bootstrapServers;
        this.partitions = partitions;
        this.segmentationUrl = segmentationUrl;
        this.http = http;
        this.progress = progress;
    }

    PhaseResult run(String label, BenchPurchases purchases, int events, double rate) {
        Map<String, Long> sentAt = new ConcurrentHashMap<>(events * 2);
        try (TopicWatcher recorded = new TopicWatcher(bootstrapServers, partitions, Topics.PURCHASES_RECORDED,
                "eventId", events, sentAt);
             TopicWatcher changes = new TopicWatcher(bootstrapServers, partitions, Topics.SEGMENT_CHANGES, "causedBy",
                     events, sentAt);
             ContractProducer producer = new ContractProducer(bootstrapServers, "/segstream/bench")) {
            recorded.start();
            changes.start();
            double appliedBefore = applied().orElse(Double.NaN);
            progress.printf("bench: %s: sending %,d purchases%s%n", label, events,
                    rate == 0 ? " as fast as possible" : String.format(java.util.Locale.ROOT, " at %.0f/s", rate));
            long t0 = System.nanoTime();
            RatePacer pacer = new RatePacer(rate, System::nanoTime);
            for (int i = 0; i < events; i++) {
                pacer.awaitTurn(i);
                PurchaseSubmitted purchase = purchases.purchase(i, Instant.now());
                byte[] payload = ContractJson.mapper().writeValueAsBytes(purchase);
                sentAt.put(purchase.eventId(), System.nanoTime());
                producer.sendRaw(Contracts.PURCHASE_SUBMITTED, purchase.customerId(), purchase.eventId(),
                        purchase.occurredAt(), payload);
            }
            producer.flush();
            double sendSeconds = (System.nanoTime() - t0) / 1e9;
            recorded.awaitAll(label, progress);
            double[] appliedAt = awaitApplied(appliedBefore, events, t0);
            changes.awaitQuiet();
            return new PhaseResult(events, sendSeconds, recorded.count(), (recorded.lastArrival() - t0) / 1e9,
                    recorded.latencies(), changes.count(), changes.latencies(), appliedAt[0], appliedAt[1]);
        }
    }

    /** Polls segmentation's applied counter until it has grown by the events sent: {growth, seconds}. */
    private double[] awaitApplied(double before, int events, long t0) {
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
            } else if (at - lastProgress > STALL.toNanos()) {
                progress.printf("bench: segmentation applied only %,.0f of %,d events; stopped waiting%n",
                        last - before, events);
                return new double[] {last - before, (lastProgress - t0) / 1e9};
            }
            Pause.sleep(METRIC_POLL);
        }
    }

    private OptionalDouble applied() {
        return http.metric(segmentationUrl, APPLIED_METRIC, "");
    }

    static void report(String step, PhaseResult result, Figures figures) {
        figures.add(step, "purchases sent to purchases.incoming.v1", String.format(java.util.Locale.ROOT,
                "%,d in %.1f s (%s offered)", result.sent(), result.sendSeconds(),
                Figures.perSecond(result.sentPerSecond(), "events")));
        figures.add(step, "recorded by purchase-ingestion (purchases.recorded.v1)", String.format(
                java.util.Locale.ROOT, "%,d by %.1f s after the first send: %s", result.recorded(),
                result.recordedSeconds(), Figures.perSecond(result.recordedPerSecond(), "events")));
        if (Double.isNaN(result.applied())) {
            figures.notMeasured(step, "applied by segmentation", "its " + APPLIED_METRIC + " metric was not found");
        } else {
            figures.add(step, "applied by segmentation (its events.applied counter)", String.format(
                    java.util.Locale.ROOT, "%,.0f by %.1f s after the first send: %s", result.applied(),
                    result.appliedSeconds(), Figures.perSecond(result.appliedPerSecond(), "events")));
        }
        figures.add(step, "latency send → recorded event", result.toRecorded().describe());
        figures.add(step, "latency send → first segment change caused by it", result.toChange().describe());
    }
}
