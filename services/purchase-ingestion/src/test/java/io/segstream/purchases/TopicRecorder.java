package io.segstream.purchases;

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
import java.util.function.Predicate;

import static org.awaitility.Awaitility.await;

/** Everything written to a topic after it was created, read without a consumer group (tests only). */
final class TopicRecorder implements AutoCloseable {
    private static final Duration AWAIT = Duration.ofSeconds(60);

    private final KafkaConsumer<String, byte[]> consumer;
    private final List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();

    TopicRecorder(String bootstrapServers, String topic) {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class));
        List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                .map(info -> new TopicPartition(topic, info.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
    }

    synchronized List<ConsumerRecord<String, byte[]>> all() {
        consumer.poll(Duration.ofMillis(100)).forEach(seen::add);
        return List.copyOf(seen);
    }

    List<ConsumerRecord<String, byte[]>> matching(Predicate<ConsumerRecord<String, byte[]>> which) {
        return all().stream().filter(which).toList();
    }

    ConsumerRecord<String, byte[]> awaitOne(Predicate<ConsumerRecord<String, byte[]>> which) {
        await().atMost(AWAIT).pollInSameThread().until(() -> !matching(which).isEmpty());
        return matching(which).get(0);
    }

    static Predicate<ConsumerRecord<String, byte[]>> withEventId(String eventId) {
        return record -> eventId.equals(header(record, "ce_id"));
    }

    static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    @Override
    public synchronized void close() {
        consumer.close();
    }
}
