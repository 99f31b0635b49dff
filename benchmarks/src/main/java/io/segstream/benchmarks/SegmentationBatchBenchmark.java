package io.segstream.benchmarks;

import io.segstream.segmentation.domain.BatchResult;
import io.segstream.segmentation.domain.ChangePublisher;
import io.segstream.segmentation.domain.ClassChange;
import io.segstream.segmentation.domain.CustomerProfile;
import io.segstream.segmentation.domain.DefinitionCatalogue;
import io.segstream.segmentation.domain.ProfilePolicy;
import io.segstream.segmentation.domain.ProfileStore;
import io.segstream.segmentation.domain.PurchaseFact;
import io.segstream.segmentation.domain.Segmentation;
import io.segstream.segmentation.encoding.ProfileCodec;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * A poll of 500 purchases (the listener's max-poll-records) through {@link Segmentation#apply}, the pure domain use
 * case, with a store and a publisher in memory: each batch reads copies of the stored profiles, applies, plans the
 * next re-evaluation, "saves" and "publishes" the class changes. The score is per event
 * ({@code @OperationsPerInvocation(500)}): what segmentation's domain costs one purchase without Kafka and MongoDB.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class SegmentationBatchBenchmark {
    /** Purchases per batch: segmentation's spring.kafka.consumer.max-poll-records. */
    public static final int BATCH = 500;

    /** Distinct customers the batch's purchases belong to (each already has a profile with history). */
    @Param("250")
    public int customers;

    /** Purchases per batch; always {@link #BATCH} under JMH (the score divides by it), smaller only in the unit test. */
    int batchSize = BATCH;

    Segmentation segmentation;
    List<PurchaseFact> batch;
    InMemoryProfiles store;
    CountingPublisher publisher;

    @Setup
    public void setUp() {
        ProfilePolicy policy = Fixtures.policy();
        DefinitionCatalogue catalogue = Fixtures.catalogue(Fixtures.defaultPopulation());
        Random random = new Random(11);
        Map<String, CustomerProfile> profiles = new LinkedHashMap<>();
        for (int c = 0; c < customers; c++) {
            String id = String.format("C-%06d", c);
            profiles.put(id, Fixtures.profile(id, 20 + random.nextInt(41), c, policy, catalogue));
        }
        List<String> ids = new ArrayList<>(profiles.keySet());
        batch = new ArrayList<>(batchSize);
        for (int i = 0; i < batchSize; i++) {
            String id = ids.get(i % ids.size());
            Instant at = Fixtures.AS_OF.minus(Duration.ofMinutes(batchSize - i));
            batch.add(Fixtures.purchase(id, "E-batch-" + i, at, random));
        }
        store = new InMemoryProfiles(profiles);
        publisher = new CountingPublisher();
        segmentation = new Segmentation(store, publisher, catalogue, policy);
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public BatchResult applyBatchOf500() {
        return segmentation.apply(batch, Fixtures.AS_OF);
    }

    /**
     * Profiles held in memory as the stream's store holds them (ProfileCodec bytes): every read decodes the same
     * stored state, every write encodes and is dropped, so a batch costs what a task's reads and writes cost.
     */
    static final class InMemoryProfiles implements ProfileStore {
        private final Map<String, byte[]> stored = new HashMap<>();
        long saved;

        InMemoryProfiles(Map<String, CustomerProfile> profiles) {
            profiles.forEach((id, profile) -> stored.put(id, ProfileCodec.encode(profile)));
        }

        @Override
        public Map<String, CustomerProfile> findAll(Collection<String> customerIds) {
            Map<String, CustomerProfile> found = new HashMap<>();
            for (String id : customerIds) {
                byte[] profile = stored.get(id);
                if (profile != null) {
                    found.put(id, ProfileCodec.decode(profile));
                }
            }
            return found;
        }

        @Override
        public void saveAll(Collection<CustomerProfile> profiles) {
            for (CustomerProfile profile : profiles) {
                saved += ProfileCodec.encode(profile, profile.version() + 1).length > 0 ? 1 : 0;
            }
        }

        @Override
        public List<CustomerProfile> dueForReevaluation(Instant asOf, int limit) {
            return List.of();
        }

        @Override
        public List<CustomerProfile> profilesAfter(String afterId, int limit) {
            return List.of();
        }
    }

    /** Acknowledges every change at once. */
    static final class CountingPublisher implements ChangePublisher {
        long published;

        @Override
        public void publish(List<ClassChange> changes) {
            published += changes.size();
        }
    }
}
