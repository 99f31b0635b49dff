package io.segstream.localstack.faults;

import io.segstream.contracts.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * The lag of every service's consumer group on every partition of the topics it reads: the records between its
 * committed offset (a partition it never committed counts from 0) and the end that a read-committed consumer sees.
 * Offsets alone would overcount: a topic written in transactions (segments.changes.v1, by the segmentation stream)
 * holds a commit marker after each transaction's records, an offset no consumer ever commits past. Zero everywhere
 * means everything produced was processed and committed. Segmentation's group is its stream's application id.
 */
final class ConsumerLag {
    static final Map<String, List<String>> GROUPS = Map.of(
            "purchase-ingestion", List.of(Topics.PURCHASES_INCOMING, Topics.CUSTOMER_ERASURE),
            "feedback-collection", List.of(Topics.FEEDBACK_INCOMING, Topics.CUSTOMER_ERASURE),
            "segmentation-stream", List.of(Topics.PURCHASES_RECORDED, Topics.FEEDBACK_RECORDED,
                    Topics.CUSTOMER_ERASURE),
            "churn-alerting", List.of(Topics.PURCHASES_RECORDED, Topics.FEEDBACK_RECORDED, Topics.SEGMENT_CHANGES,
                    Topics.CUSTOMER_ERASURE));

    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration READ_LIMIT = Duration.ofSeconds(10);

    private ConsumerLag() {
    }

    /** Lag per group (summed over its partitions); throws when the broker cannot answer. */
    static Map<String, Long> of(String bootstrapServers) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                // The API timeout may not be below the request timeout (the client refuses to start otherwise).
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000))) {
            Map<String, TopicDescription> topics = admin.describeTopics(GROUPS.values().stream().flatMap(List::stream)
                    .distinct().toList()).allTopicNames().get(15, TimeUnit.SECONDS);
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            topics.forEach((name, description) -> description.partitions().forEach(p ->
                    latest.put(new TopicPartition(name, p.partition()), OffsetSpec.latest())));
            Map<TopicPartition, Long> ends = new HashMap<>();
            admin.listOffsets(latest).all().get(15, TimeUnit.SECONDS)
                    .forEach((partition, info) -> ends.put(partition, info.offset()));
            Map<String, Long> lag = new TreeMap<>();
            for (Map.Entry<String, List<String>> group : GROUPS.entrySet()) {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group.getKey())
                        .partitionsToOffsetAndMetadata().get(15, TimeUnit.SECONDS);
                long total = 0;
                for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
                    if (group.getValue().contains(end.getKey().topic())) {
                        OffsetAndMetadata at = committed.get(end.getKey());
                        long from = at == null ? 0 : at.offset();
                        total += from < end.getValue() ? recordsBetween(bootstrapServers, end.getKey(), from,
                                end.getValue()) : 0;
                    }
                }
                lag.put(group.getKey(), total);
            }
            return lag;
        }
    }

    /** The committed records of a partition from one offset to another (control records are not records). */
    private static long recordsBetween(String bootstrapServers, TopicPartition partition, long from, long to) {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.assign(List.of(partition));
            consumer.seek(partition, from);
            long records = 0;
            long deadline = System.nanoTime() + READ_LIMIT.toNanos();
            while (consumer.position(partition) < to && System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
                    if (record.offset() < to) {
                        records++;
                    }
                }
            }
            // A partition that could not be read to the end counts what is left as lag.
            return records + Math.max(0, to - consumer.position(partition));
        }
    }
}
