package io.segstream.localstack.bench;

import io.segstream.contracts.ContractJson;
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
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * Reads one output topic from its end (positions fixed before the first send), read committed as every subscriber
 * does, and records, for every event the harness sent, the latency of the first record that names it in the given
 * field ("eventId" of a recorded event, "causedBy" of a segment change).
 */
final class TopicWatcher implements AutoCloseable {
    private static final Duration POLL = Duration.ofMillis(50);
    /** No progress for this long ends a wait: the rest is reported as missing, never waited for forever. */
    static final Duration STALL = Duration.ofSeconds(60);
    private static final Duration QUIET = Duration.ofSeconds(2);
    private static final Duration CHECK = Duration.ofMillis(250);

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

    TopicWatcher(String bootstrapServers, int partitions, String topic, String field, int expected,
                 Map<String, Long> sentAt) {
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
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
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

    TopicWatcher start() {
        thread.start();
        return this;
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
    void awaitAll(String label, PrintStream progress) {
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
            Pause.sleep(CHECK);
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
