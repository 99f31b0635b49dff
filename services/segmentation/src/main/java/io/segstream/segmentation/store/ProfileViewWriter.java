package io.segstream.segmentation.store;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.DeleteOneModel;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.WriteModel;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.Timer;
import io.segstream.segmentation.domain.CustomerProfile;
import io.segstream.segmentation.encoding.ProfileCodec;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Writes the {@code profiles} view behind the stream: reads the profiles store's changelog (read committed: only what
 * the stream committed) and writes MongoDB in bulk, at most one write per customer per flush however many events
 * it had, each conditional on the profile's version (an older version never overwrites a newer one, so a write
 * repeated after a crash changes nothing). A deleted profile (an erasure) is deleted from the view.
 *
 * <p>Never on the path from an event to its segment change: a slow or absent MongoDB delays the view, not the
 * stream. The view's position in the changelog is kept in MongoDB itself ({@code profile_view_offsets}), next to
 * the data it describes: a view restored from a backup, or dropped, is brought up to date from where it stands
 * (no offsets: from the beginning of the changelog, which is compacted and holds every customer's latest profile).
 */
public final class ProfileViewWriter implements AutoCloseable {
    static final String OFFSETS = "profile_view_offsets";
    private static final Logger log = LoggerFactory.getLogger(ProfileViewWriter.class);

    /**
     * @param flushInterval how long changes are gathered before a flush (coalescing repeated writes of a customer)
     * @param maxBatch      changes (distinct customers) that make a flush without waiting for the interval
     * @param retryInitial  first wait after a failed flush; doubled up to {@code retryMax}
     */
    public record Settings(String changelogTopic, Duration flushInterval, int maxBatch, Duration retryInitial,
                           Duration retryMax) {
    }

    private final Supplier<Consumer<String, byte[]>> consumers;
    private final MongoCollection<Document> profiles;
    private final MongoCollection<Document> offsets;
    private final Settings settings;
    private final Clock clock;
    private final Counter written;
    private final Counter deleted;
    private final Timer flushes;
    private final Map<String, Pending> pending = new LinkedHashMap<>();
    private final Map<TopicPartition, Long> pendingOffsets = new HashMap<>();
    private volatile long oldestPendingMillis = -1;
    private volatile long lag;
    private volatile boolean running;
    private Thread thread;
    private volatile Consumer<String, byte[]> consumer;

    /** The latest change of one customer in the batch; {@code deleteFirst}: it was deleted on the way there. */
    private record Pending(TopicPartition partition, byte[] profile, boolean deleteFirst, long timestamp) {
    }

    public ProfileViewWriter(Supplier<Consumer<String, byte[]>> consumers, MongoCollection<Document> profiles,
                             MongoCollection<Document> offsets, Settings settings, Clock clock, MeterRegistry meters) {
        this.consumers = consumers;
        this.profiles = profiles;
        this.offsets = offsets;
        this.settings = settings;
        this.clock = clock;
        this.written = Counter.builder("segstream.segmentation.view.writes")
                .description("profile documents written to the view (one per customer per flush)").register(meters);
        this.deleted = Counter.builder("segstream.segmentation.view.deletes")
                .description("profile documents deleted from the view (erasures)").register(meters);
        this.flushes = Timer.builder("segstream.segmentation.view.flush")
                .description("one bulk write of the view").register(meters);
        Gauge.builder("segstream.segmentation.view.lag", this, writer -> writer.lag)
                .description("profile changes committed by the stream and not yet in the view").register(meters);
        TimeGauge.builder("segstream.segmentation.view.staleness", this, TimeUnit.SECONDS,
                        ProfileViewWriter::stalenessSeconds)
                .description("time since the oldest change not yet in the view was committed (0: up to date)")
                .register(meters);
    }

    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        thread = new Thread(this::run, "segmentation-profile-view");
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        Duration wait = settings.retryInitial();
        while (running) {
            try (Consumer<String, byte[]> opened = consumers.get()) {
                consumer = opened;
                opened.subscribe(List.of(settings.changelogTopic()), new Rebalance(opened));
                wait = settings.retryInitial();
                loop(opened);
            } catch (WakeupException e) {
                return;
            } catch (RuntimeException e) {
                log.warn("writing the profiles view failed ({}); trying again in {}", e.getClass().getSimpleName(),
                        wait);
                forgetPending();
                sleep(wait);
                wait = longer(wait);
            }
        }
    }

    private void loop(Consumer<String, byte[]> opened) {
        long firstPendingAt = 0;
        while (running) {
            ConsumerRecords<String, byte[]> records = opened.poll(settings.flushInterval());
            for (ConsumerRecord<String, byte[]> record : records) {
                take(record);
            }
            if (!pending.isEmpty() && firstPendingAt == 0) {
                firstPendingAt = System.nanoTime();
            }
            updateLag(opened);
            boolean full = pending.size() >= settings.maxBatch();
            boolean due = firstPendingAt != 0
                    && System.nanoTime() - firstPendingAt >= settings.flushInterval().toNanos();
            if (full || due) {
                flushUntilWritten(opened);
                firstPendingAt = 0;
            }
        }
    }

    private void take(ConsumerRecord<String, byte[]> record) {
        TopicPartition partition = new TopicPartition(record.topic(), record.partition());
        Pending before = pending.get(record.key());
        boolean deleteFirst = before != null && (before.deleteFirst() || before.profile() == null);
        pending.put(record.key(), new Pending(partition, record.value(), deleteFirst && record.value() != null,
                record.timestamp()));
        pendingOffsets.merge(partition, record.offset() + 1, Math::max);
        if (oldestPendingMillis < 0 || record.timestamp() < oldestPendingMillis) {
            oldestPendingMillis = record.timestamp();
        }
    }

    /** Writes what is pending, retrying (with the partitions paused, staying in the group) until it is written. */
    private void flushUntilWritten(Consumer<String, byte[]> opened) {
        Duration wait = settings.retryInitial();
        while (running) {
            try {
                flush();
                opened.resume(opened.paused());
                return;
            } catch (RuntimeException e) {
                if (e instanceof WakeupException wakeup) {
                    throw wakeup;
                }
                log.warn("the profiles view could not be written ({}); trying again in {}",
                        e.getClass().getSimpleName(), wait);
                opened.pause(opened.assignment());
                long until = System.nanoTime() + wait.toNanos();
                while (running && System.nanoTime() < until) {
                    opened.poll(settings.flushInterval());
                }
                wait = longer(wait);
            }
        }
    }

    /** One bulk write of the pending changes (deletions first), then the view's new position. */
    void flush() {
        if (pending.isEmpty()) {
            return;
        }
        long started = System.nanoTime();
        List<WriteModel<Document>> deletions = new ArrayList<>();
        List<WriteModel<Document>> upserts = new ArrayList<>();
        pending.forEach((customerId, change) -> {
            if (change.profile() == null || change.deleteFirst()) {
                deletions.add(new DeleteOneModel<>(Filters.eq(ProfileDocuments.ID, customerId)));
            }
            if (change.profile() != null) {
                CustomerProfile profile = ProfileCodec.decode(change.profile());
                Document document = ProfileDocuments.toDocument(profile)
                        .append(ProfileDocuments.VERSION, profile.version())
                        .append(ProfileDocuments.UPDATED_AT, new Date(change.timestamp()));
                // Only over an older version: a repeated or reordered write never puts a newer profile back.
                upserts.add(new ReplaceOneModel<>(Filters.and(Filters.eq(ProfileDocuments.ID, customerId),
                        Filters.lt(ProfileDocuments.VERSION, profile.version())), document,
                        new ReplaceOptions().upsert(true)));
            }
        });
        if (!deletions.isEmpty()) {
            profiles.bulkWrite(deletions, new BulkWriteOptions().ordered(false));
        }
        if (!upserts.isEmpty()) {
            writeIgnoringNewer(upserts);
        }
        List<WriteModel<Document>> positions = new ArrayList<>();
        pendingOffsets.forEach((partition, next) -> positions.add(new ReplaceOneModel<>(
                Filters.eq("_id", idOf(partition)), new Document("_id", idOf(partition))
                .append("topic", partition.topic()).append("partition", partition.partition())
                .append("offset", next).append("updatedAt", Date.from(clock.instant())),
                new ReplaceOptions().upsert(true))));
        offsets.bulkWrite(positions, new BulkWriteOptions().ordered(false));
        written.increment(upserts.size());
        deleted.increment(pending.values().stream().filter(change -> change.profile() == null).count());
        forgetPending();
        flushes.record(Duration.ofNanos(System.nanoTime() - started));
    }

    /** A conditional upsert that matches nothing because the view holds a newer version fails on the id: fine. */
    private void writeIgnoringNewer(List<WriteModel<Document>> upserts) {
        try {
            profiles.bulkWrite(upserts, new BulkWriteOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            for (BulkWriteError error : e.getWriteErrors()) {
                if (error.getCategory() != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
            }
        }
    }

    private void forgetPending() {
        pending.clear();
        pendingOffsets.clear();
        oldestPendingMillis = -1;
    }

    private void updateLag(Consumer<String, byte[]> opened) {
        long behind = 0;
        for (TopicPartition partition : opened.assignment()) {
            OptionalLong partitionLag = opened.currentLag(partition);
            behind += partitionLag.orElse(0);
        }
        lag = behind + pending.size();
    }

    private double stalenessSeconds() {
        long oldest = oldestPendingMillis;
        if (oldest < 0) {
            return 0;
        }
        return Math.max(0, clock.millis() - oldest) / 1000.0;
    }

    private static String idOf(TopicPartition partition) {
        return partition.topic() + "-" + partition.partition();
    }

    /** Positions each assigned partition where the view stands; what was pending for a lost one is dropped. */
    private final class Rebalance implements ConsumerRebalanceListener {
        private final Consumer<String, byte[]> opened;

        Rebalance(Consumer<String, byte[]> opened) {
            this.opened = opened;
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            try {
                flush();
            } catch (RuntimeException e) {
                // The next owner starts from the view's stored position: nothing is lost.
                forgetPending();
            }
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            Map<String, Long> stored = new HashMap<>();
            offsets.find(Filters.in("_id", partitions.stream().map(ProfileViewWriter::idOf).toList()))
                    .forEach(document -> stored.put(document.getString("_id"),
                            document.get("offset", Number.class).longValue()));
            Set<TopicPartition> fromStart = new java.util.HashSet<>();
            for (TopicPartition partition : partitions) {
                Long next = stored.get(idOf(partition));
                if (next == null) {
                    fromStart.add(partition);
                } else {
                    opened.seek(partition, next);
                }
            }
            if (!fromStart.isEmpty()) {
                opened.seekToBeginning(fromStart);
            }
        }
    }

    private Duration longer(Duration wait) {
        Duration doubled = wait.multipliedBy(2);
        return doubled.compareTo(settings.retryMax()) > 0 ? settings.retryMax() : doubled;
    }

    private void sleep(Duration wait) {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    /** Changes of this instance's partitions committed by the stream and not yet written (as of the last poll). */
    public long lag() {
        return lag;
    }

    @Override
    public synchronized void close() {
        running = false;
        Consumer<String, byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        if (thread != null) {
            try {
                thread.join(Duration.ofSeconds(10).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
