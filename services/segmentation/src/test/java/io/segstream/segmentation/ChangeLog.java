package io.segstream.segmentation;

import io.segstream.contracts.CloudEventHeaders;
import io.segstream.contracts.ContractJson;
import io.segstream.contracts.Topics;
import io.segstream.contracts.segment.SegmentChanged;
import io.segstream.embedded.TestInfrastructure;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.awaitility.Awaitility.await;

/**
 * segments.changes.v1 as a marketing system sees it: a plain consumer (no group, read committed) reading every
 * partition from the beginning. Tests filter by their own customer ids.
 */
public final class ChangeLog implements AutoCloseable {
    private static final Duration POLL = Duration.ofMillis(100);
    private final KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.bootstrapServers(),
            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
            // The stream publishes in transactions: a subscriber reads what was committed (contracts.md).
            ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
            ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(), new ByteArrayDeserializer());
    private final List<ConsumerRecord<String, byte[]>> received = new ArrayList<>();
    private final List<TopicPartition> partitions;

    public ChangeLog() {
        partitions = consumer.partitionsFor(Topics.SEGMENT_CHANGES).stream()
                .map(info -> new TopicPartition(info.topic(), info.partition()))
                .toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    /** Waits until the customer has at least {@code count} changes, and returns all of them so far. */
    public List<SegmentChanged> awaitChanges(String customerId, int count) {
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            consumer.poll(POLL).forEach(received::add);
            return changesOf(customerId).size() >= count;
        });
        return changesOf(customerId);
    }

    /** Waits until the customer has at least {@code count} changes of the definition {@code key}; returns those. */
    public List<SegmentChanged> awaitChanges(String customerId, String key, int count) {
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            consumer.poll(POLL).forEach(received::add);
            return ofKey(changesOf(customerId), key).size() >= count;
        });
        return ofKey(changesOf(customerId), key);
    }

    /** Reads to the current end of every partition; returns the customer's changes of the definition {@code key}. */
    public List<SegmentChanged> readToEnd(String customerId, String key) {
        return ofKey(readToEnd(customerId), key);
    }

    /** Reads to the current end of every partition; returns every customer's changes of the definition {@code key}. */
    public List<SegmentChanged> readAllToEnd(String key) {
        readToEnd("");
        return ofKey(received.stream().map(r -> ContractJson.mapper().readValue(r.value(), SegmentChanged.class))
                .toList(), key);
    }

    private static List<SegmentChanged> ofKey(List<SegmentChanged> changes, String key) {
        return changes.stream().filter(change -> key.equals(change.key())).toList();
    }

    /** Reads up to the current end of every partition and returns every change of the customer. */
    public List<SegmentChanged> readToEnd(String customerId) {
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            consumer.poll(POLL).forEach(received::add);
            return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
        });
        return changesOf(customerId);
    }

    /** The ce_id header of each of the customer's change records, in order. */
    public List<String> cloudEventIds(String customerId) {
        return received.stream().filter(r -> customerId.equals(r.key()))
                .map(r -> header(r, CloudEventHeaders.ID))
                .toList();
    }

    private List<SegmentChanged> changesOf(String customerId) {
        return received.stream().filter(r -> customerId.equals(r.key()))
                .map(r -> ContractJson.mapper().readValue(r.value(), SegmentChanged.class))
                .toList();
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        consumer.close();
    }
}
