package io.segstream.localstack.bench;

import io.segstream.contracts.ContractJson;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

/**
 * The ceiling: purchase-sized messages through the same broker with plain clients and no processing. After a
 * warm-up (up to 20,000 messages through a topic of their own), produces N messages (acks=all, as the services do),
 * consumes them, then measures one produce+consume hop with the consumer running while the producer sends.
 */
final class RawBrokerBench {
    static final String STEP = "raw broker";
    /** Distinct payloads cycled through, generated before the clock starts so JSON writing is not measured. */
    private static final int PAYLOAD_POOL = 1_000;
    private static final int LINGER_MS = 5;
    private static final int BATCH_BYTES = 256 * 1024;
    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration GIVE_UP = Duration.ofMinutes(5);
    /** Messages sent and read once before measuring, so the figures are not those of cold (interpreted) code. */
    private static final int WARM_UP = 20_000;

    /** Throughputs of one run, messages and bytes per second. */
    record Result(int messages, double averageBytes, double producePerSecond, double consumePerSecond,
                  double hopPerSecond) {
    }

    private final String bootstrapServers;
    private final int partitions;

    RawBrokerBench(String bootstrapServers, int partitions) {
        this.bootstrapServers = bootstrapServers;
        this.partitions = partitions;
    }

    Result run(int messages) {
        List<String> keys = new ArrayList<>(PAYLOAD_POOL);
        List<byte[]> payloads = new ArrayList<>(PAYLOAD_POOL);
        BenchPurchases purchases = new BenchPurchases("RAW", PAYLOAD_POOL, 1L);
        for (int i = 0; i < PAYLOAD_POOL; i++) {
            keys.add(purchases.customerOf(i));
            payloads.add(ContractJson.mapper().writeValueAsBytes(purchases.purchase(i, Instant.now())));
        }
        double averageBytes = payloads.stream().mapToInt(p -> p.length).average().orElse(0);
        String topic = "bench.raw." + System.nanoTime();
        String hopTopic = topic + ".hop";
        String warmUpTopic = topic + ".warm-up";
        createTopics(List.of(topic, hopTopic, warmUpTopic));
        try (KafkaProducer<String, byte[]> producer = producer()) {
            int warmUp = Math.min(messages, WARM_UP);
            consume(warmUpTopic, warmUp, () -> produce(producer, warmUpTopic, warmUp, keys, payloads));
            long t0 = System.nanoTime();
            produce(producer, topic, messages, keys, payloads);
            double produceSeconds = (System.nanoTime() - t0) / 1e9;
            double consumeSeconds = consume(topic, messages, () -> { });
            double hopSeconds = consume(hopTopic, messages, () -> produce(producer, hopTopic, messages, keys, payloads));
            return new Result(messages, averageBytes, messages / produceSeconds, messages / consumeSeconds,
                    messages / hopSeconds);
        }
    }

    private void createTopics(List<String> topics) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            admin.createTopics(topics.stream().map(t -> new NewTopic(t, partitions, (short) 1)).toList())
                    .all().get(1, TimeUnit.MINUTES);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot create the scratch topics: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static void produce(KafkaProducer<String, byte[]> producer, String topic, int messages, List<String> keys,
                                List<byte[]> payloads) {
        for (int i = 0; i < messages; i++) {
            producer.send(new ProducerRecord<>(topic, keys.get(i % PAYLOAD_POOL), payloads.get(i % PAYLOAD_POOL)));
        }
        producer.flush();
    }

    /**
     * Reads the topic from the beginning until it has the given number of messages; the action runs once the
     * consumer holds its partitions (to produce while consuming). Returns the seconds from the action's start.
     */
    private double consume(String topic, int messages, Runnable whileConsuming) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5_000,
                ConsumerConfig.FETCH_MAX_BYTES_CONFIG, 32 * 1024 * 1024))) {
            List<TopicPartition> assigned = IntStream.range(0, partitions)
                    .mapToObj(p -> new TopicPartition(topic, p)).toList();
            consumer.assign(assigned);
            consumer.seekToBeginning(assigned);
            assigned.forEach(consumer::position);
            AtomicLong received = new AtomicLong();
            long t0 = System.nanoTime();
            Thread producing = new Thread(whileConsuming, "bench-raw-producer");
            producing.start();
            long deadline = t0 + GIVE_UP.toNanos();
            while (received.get() < messages) {
                ConsumerRecords<String, byte[]> records = consumer.poll(POLL);
                received.addAndGet(records.count());
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("raw broker: only " + received + " of " + messages
                            + " messages consumed within " + GIVE_UP.toMinutes() + " min");
                }
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            producing.join();
            return seconds;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private KafkaProducer<String, byte[]> producer() {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, LINGER_MS,
                ProducerConfig.BATCH_SIZE_CONFIG, BATCH_BYTES,
                ProducerConfig.BUFFER_MEMORY_CONFIG, 64L * 1024 * 1024));
    }

    /** Adds the figures of a result, with MB/s from the average payload size. */
    static void report(Result result, Figures figures) {
        figures.add(STEP, String.format(java.util.Locale.ROOT, "messages (average payload %.0f bytes)",
                result.averageBytes()), String.format(java.util.Locale.ROOT, "%,d", result.messages()));
        figures.add(STEP, String.format(java.util.Locale.ROOT, "produce (acks=all, linger %d ms, batch %d KB)",
                LINGER_MS, BATCH_BYTES / 1024), Figures.perSecond(result.producePerSecond(),
                "msg") + ", " + Figures.megabytesPerSecond(result.producePerSecond() * result.averageBytes()));
        figures.add(STEP, "consume (from the beginning)", Figures.perSecond(result.consumePerSecond(), "msg") + ", "
                + Figures.megabytesPerSecond(result.consumePerSecond() * result.averageBytes()));
        figures.add(STEP, "one produce+consume hop (consumer running while producing)",
                Figures.perSecond(result.hopPerSecond(), "msg") + ", "
                        + Figures.megabytesPerSecond(result.hopPerSecond() * result.averageBytes()));
    }
}
