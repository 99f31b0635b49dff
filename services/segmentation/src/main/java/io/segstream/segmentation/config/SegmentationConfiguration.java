package io.segstream.segmentation.config;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.segstream.segmentation.domain.DefaultCatalogue;
import io.segstream.segmentation.domain.DefinitionCatalogue;
import io.segstream.segmentation.domain.DefinitionCompiler;
import io.segstream.segmentation.domain.EvaluationClock;
import io.segstream.segmentation.domain.MonetaryBuckets;
import io.segstream.segmentation.domain.ProfileFigures;
import io.segstream.segmentation.domain.ProfilePolicy;
import io.segstream.segmentation.domain.ProfileQueries;
import io.segstream.segmentation.domain.Redefinitions;
import io.segstream.segmentation.domain.RfmScore;
import io.segstream.segmentation.domain.RfmScoring;
import io.segstream.segmentation.expressions.CelDefinitionCompiler;
import io.segstream.segmentation.store.DefinitionsMirror;
import io.segstream.segmentation.store.MongoDefinitionView;
import io.segstream.segmentation.stream.DefinitionWriter;
import io.segstream.segmentation.stream.InternalTopicsView;
import io.segstream.segmentation.stream.TopicDefinitionStore;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.util.Map;

/**
 * Wires the segmentation domain to its adapters and settings: what the HTTP side uses (the catalogue as the
 * definitions topic holds it, the merged population, the profiles view); the stream is wired in
 * {@link SegmentationStreamConfiguration}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SegmentationProperties.class)
class SegmentationConfiguration {
    /** The transactional id every instance's definition writes share: one writer at a time, the others fenced. */
    static final String DEFINITIONS_WRITER_ID = "segmentation-definitions-writer";

    @Bean
    ProfilePolicy profilePolicy(SegmentationProperties props) {
        SegmentationProperties.Profile profile = props.profile();
        return new ProfilePolicy(props.purchaseDayZone(), profile.maxPurchases(), profile.historyHorizon(),
                profile.maxCategoriesPerPurchase(), profile.maxFeedback(),
                Math.toIntExact(profile.recentFeedbackWindow().toDays()));
    }

    @Bean
    CelDefinitionCompiler definitionCompiler(SegmentationProperties props) {
        SegmentationProperties.Definitions limits = props.definitions();
        return new CelDefinitionCompiler(new CelDefinitionCompiler.Limits(limits.maxExpressionLength(),
                limits.maxClasses(), limits.maxNodes(), limits.maxIterations()));
    }

    @Bean
    MonetaryBuckets monetaryBuckets(SegmentationProperties props) {
        return new MonetaryBuckets(props.rfm().monetaryRelativeAccuracy());
    }

    @Bean
    EvaluationClock evaluationClock(Clock clock, SegmentationProperties props) {
        return new EvaluationClock(clock, props.clock().followEventTime());
    }

    /** The internal topics as this instance reads them: definitions, population summaries, re-evaluation progress. */
    @Bean(destroyMethod = "close")
    InternalTopicsView internalTopicsView(KafkaProperties kafka, MonetaryBuckets buckets,
                                          SegmentationProperties props, DefinitionsMirror mirror,
                                          MeterRegistry meters) {
        InternalTopicsView view = new InternalTopicsView(() -> committedReader(kafka), buckets,
                props.purchaseDayZone());
        view.onDefinition(record -> mirror.accept(record.definition()));
        MultiGauge sizes = MultiGauge.builder("segstream.segmentation.segment.size")
                .description("customers per class of each definition, as of the tasks' last population summaries")
                .register(meters);
        view.onPopulation(population -> sizes.register(population.classSizes().entrySet().stream()
                .flatMap(key -> key.getValue().entrySet().stream().map(size -> MultiGauge.Row.of(
                        Tags.of("key", key.getKey(), "class", size.getKey()), size.getValue())))
                .toList(), true));
        Gauge.builder("segstream.segmentation.rfm.population", view, v -> v.population().size())
                .description("customers in the population RFM scores are quintiles of").register(meters);
        return view;
    }

    @Bean(destroyMethod = "close")
    DefinitionsMirror definitionsMirror(MongoDefinitionView view, SegmentationProperties props) {
        return new DefinitionsMirror(view, props.definitions().writeTimeout());
    }

    @Bean
    DefinitionWriter definitionWriter(KafkaProperties kafka, Clock clock, SegmentationProperties props) {
        return new DefinitionWriter(() -> {
            Map<String, Object> config = kafka.buildProducerProperties();
            config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, DEFINITIONS_WRITER_ID);
            config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
            config.put(ProducerConfig.ACKS_CONFIG, "all");
            // A PUT waits at most this long for the broker (the producer's default is a minute).
            config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, props.definitions().writeTimeout().toMillis());
            return new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
        }, () -> committedReader(kafka), clock, props.definitions().writeTimeout());
    }

    /**
     * The versioned definitions on the definitions topic; an empty topic is seeded with the default catalogue (or
     * with the versions MongoDB held before definitions were a topic), whose lifecycle thresholds come from
     * {@code segstream.segmentation.lifecycle} (afterwards the stored definitions rule). The RFM population is the
     * merged one the tasks publish.
     */
    @Bean
    DefinitionCatalogue segmentCatalogue(InternalTopicsView view, DefinitionWriter writer,
                                         MongoDefinitionView earlier, DefinitionCompiler compiler,
                                         SegmentationProperties props) {
        SegmentationProperties.Lifecycle lifecycle = props.lifecycle();
        DefinitionCatalogue catalogue = new DefinitionCatalogue(
                new TopicDefinitionStore(view, writer, earlier::versions, props.definitions().writeTimeout()),
                compiler, DefaultCatalogue.definitions(Math.toIntExact(lifecycle.atRiskAfter().toDays()),
                Math.toIntExact(lifecycle.churnedAfter().toDays())));
        catalogue.usePopulation(new RfmScoring() {
            @Override
            public RfmScore score(ProfileFigures figures) {
                return view.population().score(figures);
            }

            @Override
            public long size() {
                return view.population().size();
            }
        });
        return catalogue;
    }

    @Bean
    Redefinitions redefinitions(DefinitionCatalogue catalogue, ProfileQueries queries, ProfilePolicy policy,
                                SegmentationProperties props) {
        return new Redefinitions(catalogue, queries, policy, props.redefinition().pageSize(),
                props.redefinition().sampleSize());
    }

    /** A consumer without a group that reads only committed records (the stream writes in transactions). */
    static KafkaConsumer<String, byte[]> committedReader(KafkaProperties kafka) {
        Map<String, Object> config = kafka.buildConsumerProperties();
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        return new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
    }
}
