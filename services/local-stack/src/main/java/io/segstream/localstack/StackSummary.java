package io.segstream.localstack;

import io.segstream.contracts.ContractJson;
import io.segstream.contracts.Topics;
import io.segstream.contracts.churn.AlertStatus;
import io.segstream.contracts.churn.ChurnAlertChanged;
import io.segstream.contracts.segment.SegmentChanged;
import io.segstream.contracts.segment.SegmentKind;
import io.segstream.embedded.TopicLayout;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What a newcomer wants to see while the stack runs, read from the topics themselves (from the beginning, so it is
 * right after a restart too): events in and recorded, dead letters, segment sizes per class, open churn alerts.
 */
public final class StackSummary implements Runnable, AutoCloseable {
    private final KafkaConsumer<String, byte[]> consumer;
    private final Map<String, AtomicLong> messagesByTopic = new ConcurrentHashMap<>();
    /** segment key → customer → current class (dimensions) or "true" (audiences). */
    private final Map<String, Map<String, String>> membership = new ConcurrentHashMap<>();
    private final Map<String, ChurnAlertChanged> alerts = new ConcurrentHashMap<>();
    private volatile boolean running = true;

    public StackSummary(String bootstrapServers) {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
                // Segmentation publishes in transactions: count what subscribers see, never an aborted copy.
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false));
    }

    @Override
    public void run() {
        List<TopicPartition> partitions = new ArrayList<>();
        List<String> topics = new ArrayList<>(TopicLayout.EVENT_TOPICS);
        topics.addAll(TopicLayout.DEAD_LETTER_TOPICS);
        for (String topic : topics) {
            for (PartitionInfo info : consumer.partitionsFor(topic)) {
                partitions.add(new TopicPartition(topic, info.partition()));
            }
        }
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        try {
            while (running) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    count(record);
                }
            }
        } catch (WakeupException e) {
            // close() was called
        } finally {
            consumer.close();
        }
    }

    private void count(ConsumerRecord<String, byte[]> record) {
        messagesByTopic.computeIfAbsent(record.topic(), t -> new AtomicLong()).incrementAndGet();
        try {
            if (record.topic().equals(Topics.SEGMENT_CHANGES)) {
                SegmentChanged change = ContractJson.mapper().readValue(record.value(), SegmentChanged.class);
                Map<String, String> members = membership.computeIfAbsent(change.key(), k -> new ConcurrentHashMap<>());
                if (change.kind() == SegmentKind.AUDIENCE && !"true".equals(change.to())) {
                    members.remove(change.customerId());
                } else {
                    members.put(change.customerId(), change.to());
                }
            } else if (record.topic().equals(Topics.CHURN_ALERTS)) {
                ChurnAlertChanged alert = ContractJson.mapper().readValue(record.value(), ChurnAlertChanged.class);
                alerts.put(alert.alertId(), alert);
            }
        } catch (RuntimeException e) {
            messagesByTopic.computeIfAbsent("unreadable", t -> new AtomicLong()).incrementAndGet();
        }
    }

    public long messages(String topic) {
        AtomicLong count = messagesByTopic.get(topic);
        return count == null ? 0 : count.get();
    }

    /** Current size of each class of each segment key. */
    public Map<String, Map<String, Long>> segmentSizes() {
        Map<String, Map<String, Long>> sizes = new TreeMap<>();
        membership.forEach((key, members) -> {
            Map<String, Long> byClass = new TreeMap<>();
            members.values().forEach(cls -> byClass.merge(cls, 1L, Long::sum));
            sizes.put(key, byClass);
        });
        return sizes;
    }

    /** Open (not resolved) churn alerts by level. */
    public Map<String, Long> openAlertsByLevel() {
        Map<String, Long> byLevel = new TreeMap<>();
        alerts.values().stream().filter(a -> a.status() != AlertStatus.RESOLVED)
                .forEach(a -> byLevel.merge(a.level().name(), 1L, Long::sum));
        return byLevel;
    }

    public String render() {
        StringBuilder out = new StringBuilder();
        out.append(String.format("events in: purchases %d via Kafka, recorded %d (dead-lettered %d) | feedback %d via"
                        + " Kafka, recorded %d (dead-lettered %d)%n",
                messages(Topics.PURCHASES_INCOMING), messages(Topics.PURCHASES_RECORDED),
                messages(Topics.deadLetterOf(Topics.PURCHASES_INCOMING)), messages(Topics.FEEDBACK_INCOMING),
                messages(Topics.FEEDBACK_RECORDED), messages(Topics.deadLetterOf(Topics.FEEDBACK_INCOMING))));
        out.append(String.format("segment changes %d, churn alert messages %d%n", messages(Topics.SEGMENT_CHANGES),
                messages(Topics.CHURN_ALERTS)));
        segmentSizes().forEach((key, byClass) -> out.append(String.format("  %-22s %s%n", key, byClass)));
        Map<String, Long> open = openAlertsByLevel();
        out.append(String.format("  %-22s %s%n", "open churn alerts", open.isEmpty() ? "none yet" : open));
        return out.toString();
    }

    /** The same figures as JSON, for the /summary endpoint. */
    public Map<String, Object> asMap() {
        Map<String, Object> map = new HashMap<>();
        Map<String, Long> counts = new TreeMap<>();
        messagesByTopic.forEach((topic, count) -> counts.put(topic, count.get()));
        map.put("messagesByTopic", counts);
        map.put("segmentSizes", segmentSizes());
        map.put("openAlertsByLevel", openAlertsByLevel());
        return map;
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
    }
}
