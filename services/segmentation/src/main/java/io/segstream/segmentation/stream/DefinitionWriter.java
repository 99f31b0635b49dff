package io.segstream.segmentation.stream;

import io.segstream.contracts.Topics;
import io.segstream.segmentation.domain.ConcurrentDefinitionChange;
import io.segstream.segmentation.domain.Recomputation;
import io.segstream.segmentation.domain.SegmentDefinition;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InvalidProducerEpochException;
import org.apache.kafka.common.errors.ProducerFencedException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Writes definition versions to segstream.segmentation.definitions, one writer at a time across every instance:
 * each write opens a transactional producer under the one transactional id all instances share, which fences any
 * writer still under way elsewhere (its commit then fails) and completes or aborts what that one left open; then it
 * reads the topic to its end (read committed) for the current versions, and commits the next one. Two concurrent
 * writes of a version cannot both succeed: the loser gets {@link ConcurrentDefinitionChange} (409).
 */
public final class DefinitionWriter {
    private static final Duration POLL = Duration.ofMillis(100);
    /** Who stored the default catalogue's versions: the service itself. */
    public static final String SEEDED_BY = "system";

    private final Supplier<Producer<String, byte[]>> producers;
    private final Supplier<Consumer<String, byte[]>> consumers;
    private final Clock clock;
    private final Duration timeout;

    /**
     * @param producers makes a transactional producer with the shared transactional id (byte-array values)
     * @param consumers makes a read-committed consumer without a group (byte-array values)
     * @param timeout   how long reading the topic to its end may take
     */
    public DefinitionWriter(Supplier<Producer<String, byte[]>> producers, Supplier<Consumer<String, byte[]>> consumers,
                            Clock clock, Duration timeout) {
        this.producers = producers;
        this.consumers = consumers;
        this.clock = clock;
        this.timeout = timeout;
    }

    /**
     * Stores the definition as the next version of its key, stamped now, with a new re-evaluation id.
     *
     * @return the stored version's record
     * @throws ConcurrentDefinitionChange when another writer committed meanwhile (send again)
     */
    public synchronized DefinitionRecord saveNewVersion(SegmentDefinition definition) {
        try (Producer<String, byte[]> producer = producers.get()) {
            producer.initTransactions();
            DefinitionVersions current = readToEnd();
            DefinitionRecord newest = current.newest(definition.key());
            long next = newest == null ? 1 : newest.version() + 1;
            // Milliseconds, as the MongoDB view's dates keep them: the answer to the PUT says what a later read says.
            Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
            SegmentDefinition stored = definition.withVersion(next, now);
            DefinitionRecord record = DefinitionRecord.of(stored, Recomputation.idOf(stored));
            commit(producer, List.of(record));
            return record;
        }
    }

    /**
     * On first start (no version of any key on the topic), stores the versions found in the earlier store
     * (MongoDB's segmentDefinitions, before definitions were a topic) if there are any, else the defaults as
     * version 1; afterwards, only defaults of keys still missing (a key added to the default catalogue).
     *
     * @return the versions it stored
     */
    public synchronized List<DefinitionRecord> seed(List<SegmentDefinition> defaults,
                                                    Supplier<List<SegmentDefinition>> earlier) {
        try (Producer<String, byte[]> producer = producers.get()) {
            producer.initTransactions();
            DefinitionVersions current = readToEnd();
            List<DefinitionRecord> missing;
            if (current.isEmpty() && !earlier.get().isEmpty()) {
                missing = earlier.get().stream().map(definition -> DefinitionRecord.of(definition, null)).toList();
            } else {
                Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
                missing = defaults.stream().filter(definition -> current.newest(definition.key()) == null)
                        .map(definition -> DefinitionRecord.of(definition.changedBy(SEEDED_BY)
                                .withVersion(1, now), null)).toList();
            }
            if (!missing.isEmpty()) {
                commit(producer, missing);
            }
            return missing;
        }
    }

    private void commit(Producer<String, byte[]> producer, List<DefinitionRecord> records) {
        try {
            producer.beginTransaction();
            for (DefinitionRecord record : records) {
                producer.send(new ProducerRecord<>(Topics.SEGMENTATION_DEFINITIONS, record.topicKey(),
                        record.toJson()));
            }
            producer.commitTransaction();
        } catch (ProducerFencedException | InvalidProducerEpochException e) {
            throw new ConcurrentDefinitionChange("another instance stored a definition meanwhile");
        } catch (KafkaException e) {
            try {
                producer.abortTransaction();
            } catch (KafkaException abortFailed) {
                e.addSuppressed(abortFailed);
            }
            throw e;
        }
    }

    /** Every committed version on the topic, read from the beginning to its end. */
    private DefinitionVersions readToEnd() {
        DefinitionVersions versions = new DefinitionVersions();
        try (Consumer<String, byte[]> consumer = consumers.get()) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.SEGMENTATION_DEFINITIONS).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + timeout.toNanos();
            while (ends.entrySet().stream().anyMatch(end -> consumer.position(end.getKey()) < end.getValue())) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
                    if (record.value() != null) {
                        versions.add(DefinitionRecord.fromJson(record.value()));
                    }
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read " + Topics.SEGMENTATION_DEFINITIONS
                            + " to its end within " + timeout);
                }
            }
        }
        return versions;
    }
}
