package io.segstream.segmentation.config;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.config.MeterFilter;
import io.segstream.runtime.config.RuntimeProperties;
import io.segstream.runtime.messaging.ContractDecoder;
import io.segstream.segmentation.domain.DefinitionCompiler;
import io.segstream.segmentation.domain.EvaluationClock;
import io.segstream.segmentation.domain.MonetaryBuckets;
import io.segstream.segmentation.domain.ProfilePolicy;
import io.segstream.segmentation.store.ProfileDocuments;
import io.segstream.segmentation.store.ProfileViewWriter;
import io.segstream.segmentation.stream.SegmentationMetrics;
import io.segstream.segmentation.stream.SegmentationStores;
import io.segstream.segmentation.stream.SegmentationTopology;
import io.segstream.segmentation.stream.TopologySettings;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.kstream.GlobalKTable;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.Clock;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The segmentation stream, run by Spring Cloud Stream's Kafka Streams binder: the function {@code segmentation}
 * (bindings in application.yml: the event topics, and the definitions and population topics as global tables), the
 * task stores it declares as beans (the binder adds every StoreBuilder bean to the topology), and the writer of the
 * profiles view behind it.
 */
@Configuration(proxyBeanMethods = false)
class SegmentationStreamConfiguration {

    /**
     * Of Kafka Streams' own metrics, the stream threads' (rates, latencies, process and commit ratios) and the
     * RocksDB memory (block cache, memtables, index and filter readers) are kept; the per task, per processor node,
     * per store and record-cache ones (several hundred series per instance, most of a scrape's work) are not.
     */
    @Bean
    MeterFilter streamMetricsKept() {
        return MeterFilter.deny(id -> {
            String name = id.getName();
            if (name.startsWith("kafka.stream.state.")) {
                return !ROCKSDB_MEMORY.contains(name);
            }
            return name.startsWith("kafka.stream.processor.node.") || name.startsWith("kafka.stream.task.")
                    || name.startsWith("kafka.stream.record.cache.");
        });
    }

    /** RocksDB's memory, as Kafka Streams reports it per store (bounded together by BoundedRocksDbMemory). */
    static final Set<String> ROCKSDB_MEMORY = Set.of("kafka.stream.state.block.cache.usage",
            "kafka.stream.state.block.cache.capacity", "kafka.stream.state.size.all.mem.tables",
            "kafka.stream.state.estimate.table.readers.mem", "kafka.stream.state.estimate.num.keys",
            "kafka.stream.state.total.sst.files.size");

    @Bean
    SegmentationMetrics segmentationMetrics(MeterRegistry meters) {
        return new SegmentationMetrics(meters);
    }

    @Bean
    TopologySettings topologySettings(ProfilePolicy policy, DefinitionCompiler compiler, EvaluationClock clock,
                                      SegmentationMetrics metrics, ContractDecoder decoder, RuntimeProperties runtime,
                                      MonetaryBuckets buckets, SegmentationProperties props) {
        return new TopologySettings(policy, compiler, clock, metrics, decoder, runtime.eventSource(), buckets,
                props.stream().backgroundInterval(), props.stream().sliceSize(), props.stream().backgroundShare(),
                props.sweep().enabled(),
                props.rfm().summaryInterval(), props.rfm().rescoreInterval(), props.rfm().rescoreGrowth(),
                props.rfm().rescoreMinPause());
    }

    @Bean
    SegmentationTopology segmentationTopology(TopologySettings settings) {
        return new SegmentationTopology(settings);
    }

    /**
     * The binder's entry point: the event stream, then the definitions and the population summaries as global
     * tables (bound for their stores, which the tasks read by name).
     */
    @Bean
    Function<KStream<String, byte[]>, Function<GlobalKTable<String, byte[]>, Consumer<GlobalKTable<String, byte[]>>>>
            segmentation(SegmentationTopology topology) {
        return events -> definitions -> population -> topology.attach(events);
    }

    @Bean
    StoreBuilder<KeyValueStore<String, byte[]>> profilesStore() {
        return SegmentationStores.keyedByCustomer().get(0);
    }

    @Bean
    StoreBuilder<KeyValueStore<String, byte[]>> membersStore() {
        return SegmentationStores.keyedByCustomer().get(1);
    }

    @Bean
    StoreBuilder<KeyValueStore<String, byte[]>> erasuresStore() {
        return SegmentationStores.keyedByCustomer().get(2);
    }

    @Bean
    StoreBuilder<KeyValueStore<String, byte[]>> taskStateStore() {
        return SegmentationStores.keyedByCustomer().get(3);
    }

    @Bean
    StoreBuilder<KeyValueStore<Bytes, byte[]>> dueStore() {
        return SegmentationStores.due();
    }

    /** Reads the profiles store's changelog (committed records only) in its own consumer group. */
    @Bean(destroyMethod = "close")
    ProfileViewWriter profileViewWriter(KafkaProperties kafka, MongoTemplate mongo, SegmentationProperties props,
                                        Clock clock, MeterRegistry meters,
                                        @Value("${spring.kafka.streams.application-id}") String applicationId) {
        SegmentationProperties.View view = props.view();
        return new ProfileViewWriter(() -> {
            Map<String, Object> config = kafka.buildConsumerProperties();
            config.put(ConsumerConfig.GROUP_ID_CONFIG, view.consumerGroup());
            config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
            config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
            config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, view.maxBatch());
            return new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
        }, mongo.getCollection(ProfileDocuments.COLLECTION), mongo.getCollection("profile_view_offsets"),
                new ProfileViewWriter.Settings(SegmentationStores.changelogOf(applicationId,
                        SegmentationStores.PROFILES), view.flushInterval(), view.maxBatch(), view.retryInitial(),
                        view.retryMax()), clock, meters);
    }
}
