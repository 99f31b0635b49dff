package io.segstream.localstack.bench;

import io.segstream.contracts.ContractJson;
import io.segstream.contracts.Contracts;
import io.segstream.contracts.Topics;
import io.segstream.contracts.purchase.PurchaseSubmitted;
import io.segstream.localstack.ContractProducer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;

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
    private static final Duration POLL = Duration.ofMillis(50);
    /** No progress for this long ends the wait: the rest is reported as missing, never waited for forever. */
    private static final Duration STALL = Duration.ofSeconds(60);
    private static final Duration QUIET = Duration.ofSeconds(2);
    private static final Duration METRIC_POLL = Duration.ofMillis(250);

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
        try (Watcher recorded = new Watcher(Topics.PURCHASES_RECORDED, "eventId", events, sentAt);
             Watcher changes = new Watcher(Topics.SEGMENT_CHANGES, "causedBy", events, sentAt);
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
            recorded.awaitAll(label);
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


    /**
     * Reads one output topic from its end (positions fixed before the first send) and records, for every event the
     * harness sent, the latency of the first record that names it in the given field.
     */
    private final class Watcher implements AutoCloseable {
        private final KafkaConsumer<String, byte[]> consumer;
        private final String topic;
        private final String field;
        private final int expected;
        private final Map<String, Long> sentAt;
        private final long[] latencies;
        private final Set<String> seen = new HashSet<>();
        private final Thread thread;
        private volatile int count;
        private volatile long lastArrival;
        private volatile boolean running = true;

        Watcher(String topic, String field, int expected, Map<String, Long> sentAt) {
            this.topic = topic;
            this.field = field;
            this.expected = expected;
            this.sentAt = sentAt;
            this.latencies = new long[expected];
            this.consumer = new KafkaConsumer<>(Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                    ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                    ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
                    ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                    ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 10,
                    ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5_000));
            List<TopicPartition> assigned = IntStream.range(0, partitions)
                    .mapToObj(p -> new TopicPartition(topic, p)).toList();
            consumer.assign(assigned);
            consumer.seekToEnd(assigned);
            assigned.forEach(consumer::position); // resolve now: nothing sent after this may be missed
            this.thread = new Thread(this::poll, "bench-watch-" + topic);
            thread.setDaemon(true);
        }

        void start() {
            thread.start();
        }

        private void poll() {
            try {
                while (running) {
                    ConsumerRecords<String, byte[]> records = consumer.poll(POLL);
                    long arrival = System.nanoTime();
                    for (ConsumerRecord<String, byte[]> record : records) {
                        String id = idOf(record.value());
                        Long sent = id == null ? null : sentAt.get(id);
                        if (sent != null && count < expected && seen.add(id)) {
                            latencies[count] = arrival - sent;
                            lastArrival = arrival;
                            count++;
                        }
                    }
                }
            } catch (WakeupException e) {
                // closing
            }
        }

        private String idOf(byte[] value) {
            try {
                JsonNode node = ContractJson.mapper().readTree(value);
                JsonNode id = node.get(field);
                return id == null ? null : id.asString();
            } catch (JacksonException e) {
                return null;
            }
        }

        int count() {
            return count;
        }

        long lastArrival() {
            return lastArrival;
        }

        LatencySummary latencies() {
            return LatencySummary.of(Arrays.copyOf(latencies, count));
        }

        /** Waits until every sent event was seen, or nothing new came for the stall time. */
        void awaitAll(String label) {
            int last = -1;
            long lastProgress = System.nanoTime();
            while (count < expected) {
                if (count != last) {
                    last = count;
                    lastProgress = System.nanoTime();
                } else if (System.nanoTime() - lastProgress > STALL.toNanos()) {
                    progress.printf("bench: %s: only %,d of %,d seen on %s; stopped waiting%n", label, count,
                            expected, topic);
                    return;
                }
                Pause.sleep(METRIC_POLL);
            }
        }

        /** Waits until nothing new has arrived for a short while (changes trail the applied counter slightly). */
        void awaitQuiet() {
            int last = -1;
            while (count != last) {
                last = count;
                Pause.sleep(QUIET);
            }
        }

        @Override
        public void close() {
            running = false;
            consumer.wakeup();
            try {
                thread.join(Duration.ofSeconds(5).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            consumer.close();
        }
    }
}
