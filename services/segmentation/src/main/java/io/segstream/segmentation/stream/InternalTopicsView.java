package io.segstream.segmentation.stream;

import io.segstream.contracts.Topics;
import io.segstream.segmentation.domain.MonetaryBuckets;
import io.segstream.segmentation.domain.PopulationSnapshot;
import io.segstream.segmentation.domain.PopulationSummary;
import io.segstream.segmentation.domain.Recomputation;
import io.segstream.segmentation.domain.RecomputationLog;
import io.segstream.segmentation.encoding.PopulationSummaryCodec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * What the HTTP side of an instance knows of the stream's shared state, read from the internal topics by one
 * background consumer (read committed, from the beginning, no consumer group): every definition version, every
 * task's population summary (merged: the RFM population and the segment sizes), every task's progress in every
 * re-evaluation. It trails the topics by a poll interval.
 */
public final class InternalTopicsView implements RecomputationLog, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(InternalTopicsView.class);
    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration WAIT_STEP = Duration.ofMillis(20);

    private final Supplier<org.apache.kafka.clients.consumer.Consumer<String, byte[]>> consumers;
    private final MonetaryBuckets buckets;
    private final ZoneId purchaseDayZone;
    private final List<Consumer<DefinitionRecord>> definitionListeners = new ArrayList<>();
    private final List<Consumer<PopulationSnapshot>> populationListeners = new ArrayList<>();
    private final Map<String, DefinitionRecord> definitions = new ConcurrentHashMap<>();
    private final Map<String, byte[]> summaries = new ConcurrentHashMap<>();
    private final Map<String, Map<String, RecomputationProgress>> progress = new ConcurrentHashMap<>();
    private volatile PopulationSnapshot population;
    private volatile int tasks;
    private volatile boolean caughtUp;
    private volatile boolean running;
    private Thread thread;
    private org.apache.kafka.clients.consumer.Consumer<String, byte[]> consumer;

    /**
     * @param consumers makes the consumer (bootstrap servers and security of the service, byte-array values)
     */
    public InternalTopicsView(Supplier<org.apache.kafka.clients.consumer.Consumer<String, byte[]>> consumers,
                              MonetaryBuckets buckets, ZoneId purchaseDayZone) {
        this.consumers = consumers;
        this.buckets = buckets;
        this.purchaseDayZone = purchaseDayZone;
        this.population = PopulationSnapshot.empty(purchaseDayZone, buckets);
    }

    /** Called (on the view's thread) with every definition version read, the first reading of the topic included. */
    public void onDefinition(Consumer<DefinitionRecord> listener) {
        definitionListeners.add(listener);
    }

    /** Called (on the view's thread) with every new merged population. */
    public void onPopulation(Consumer<PopulationSnapshot> listener) {
        populationListeners.add(listener);
    }

    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        thread = new Thread(this::run, "segmentation-internal-topics");
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        while (running) {
            try (org.apache.kafka.clients.consumer.Consumer<String, byte[]> opened = consumers.get()) {
                consumer = opened;
                List<TopicPartition> partitions = new ArrayList<>();
                for (String topic : List.of(Topics.SEGMENTATION_DEFINITIONS, Topics.SEGMENTATION_POPULATION,
                        Topics.SEGMENTATION_RECOMPUTATIONS)) {
                    opened.partitionsFor(topic).forEach(info -> partitions.add(new TopicPartition(topic,
                            info.partition())));
                }
                List<PartitionInfo> eventPartitions = opened.partitionsFor(Topics.PURCHASES_RECORDED);
                tasks = eventPartitions.size();
                opened.assign(partitions);
                opened.seekToBeginning(partitions);
                Map<TopicPartition, Long> ends = opened.endOffsets(partitions);
                while (running) {
                    ConsumerRecords<String, byte[]> records = opened.poll(POLL);
                    boolean populationChanged = false;
                    for (ConsumerRecord<String, byte[]> record : records) {
                        populationChanged |= take(record);
                    }
                    if (populationChanged) {
                        mergePopulation();
                    }
                    if (!caughtUp && ends.entrySet().stream()
                            .allMatch(end -> opened.position(end.getKey()) >= end.getValue())) {
                        caughtUp = true;
                    }
                }
            } catch (WakeupException e) {
                return;
            } catch (RuntimeException e) {
                log.warn("reading the internal topics failed ({}); starting over", e.getClass().getSimpleName());
                pause();
            }
        }
    }

    private boolean take(ConsumerRecord<String, byte[]> record) {
        if (record.value() == null) {
            return false;
        }
        try {
            switch (record.topic()) {
                case Topics.SEGMENTATION_DEFINITIONS -> {
                    DefinitionRecord definition = DefinitionRecord.fromJson(record.value());
                    definitions.put(definition.topicKey(), definition);
                    definitionListeners.forEach(listener -> listener.accept(definition));
                }
                case Topics.SEGMENTATION_POPULATION -> {
                    summaries.put(record.key(), record.value());
                    return true;
                }
                case Topics.SEGMENTATION_RECOMPUTATIONS -> {
                    RecomputationProgress task = RecomputationProgress.fromJson(record.value());
                    progress.computeIfAbsent(task.recomputationId(), id -> new ConcurrentHashMap<>())
                            .put(task.task(), task);
                }
                default -> {
                }
            }
        } catch (RuntimeException e) {
            log.warn("skipped an unreadable record of {} offset {} ({})", record.topic(), record.offset(),
                    e.getClass().getSimpleName());
        }
        return false;
    }

    private void mergePopulation() {
        List<PopulationSummary> parts = new ArrayList<>();
        for (byte[] summary : summaries.values()) {
            if (PopulationSummaryCodec.accuracyOf(summary) == buckets.relativeAccuracy()) {
                parts.add(PopulationSummaryCodec.decode(summary));
            }
        }
        PopulationSnapshot merged = PopulationSummary.merge(buckets, parts).snapshot(purchaseDayZone);
        population = merged;
        populationListeners.forEach(listener -> listener.accept(merged));
    }

    /** Every definition version read so far. */
    public DefinitionVersions definitions() {
        DefinitionVersions versions = new DefinitionVersions();
        definitions.values().forEach(versions::add);
        return versions;
    }

    /** How many definition versions (of every key) the view has read. */
    public int definitionVersionCount() {
        return definitions.size();
    }

    /** Whether the view has read each topic up to where it ended when the view started. */
    public boolean caughtUp() {
        return caughtUp;
    }

    /** Waits until the view holds this version of the definition (read your own write), or the timeout passes. */
    public boolean awaitDefinition(String key, long version, Duration timeout) {
        return awaitCondition(() -> definitions.containsKey(DefinitionRecord.topicKey(key, version)), timeout);
    }

    /** Waits until the view has read the topics to where they ended when it started. */
    public boolean awaitCaughtUp(Duration timeout) {
        return awaitCondition(() -> caughtUp, timeout);
    }

    private static boolean awaitCondition(Supplier<Boolean> condition, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.get()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(WAIT_STEP.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    /** The merged population of every task's last summary: RFM quintiles and segment sizes. */
    public PopulationSnapshot population() {
        return population;
    }

    /**
     * A re-evaluation's progress summed over the tasks: RUNNING until every task (one per partition of the event
     * topics) has reported it finished. Known from the moment its definition version is read.
     */
    @Override
    public Optional<Recomputation> find(String id) {
        DefinitionRecord started = definitions.values().stream().filter(d -> id.equals(d.recomputationId()))
                .findFirst().orElse(null);
        Map<String, RecomputationProgress> byTask = progress.getOrDefault(id, Map.of());
        if (started == null && byTask.isEmpty()) {
            return Optional.empty();
        }
        Collection<RecomputationProgress> reported = byTask.values();
        long total = reported.stream().mapToLong(RecomputationProgress::total).sum();
        long done = reported.stream().mapToLong(RecomputationProgress::done).sum();
        long changes = reported.stream().mapToLong(RecomputationProgress::changes).sum();
        boolean finished = tasks > 0 && reported.size() >= tasks
                && reported.stream().allMatch(RecomputationProgress::finished);
        Instant finishedAt = finished ? reported.stream().map(RecomputationProgress::finishedAt)
                .filter(java.util.Objects::nonNull).max(Instant::compareTo).orElse(null) : null;
        RecomputationProgress any = reported.stream().findFirst().orElse(null);
        String key = started != null ? started.key() : any.key();
        long version = started != null ? started.version() : any.definitionVersion();
        Instant startedAt = started != null ? started.createdAt() : any.startedAt();
        return Optional.of(new Recomputation(id, key, version, finished ? Recomputation.FINISHED
                : Recomputation.RUNNING, total, done, changes, startedAt, finishedAt));
    }

    private void pause() {
        try {
            Thread.sleep(POLL.toMillis() * 5);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    @Override
    public synchronized void close() {
        running = false;
        if (consumer != null) {
            consumer.wakeup();
        }
        if (thread != null) {
            try {
                thread.join(Duration.ofSeconds(5).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
