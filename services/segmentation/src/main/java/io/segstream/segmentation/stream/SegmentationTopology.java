package io.segstream.segmentation.stream;

import io.segstream.contracts.Topics;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.GlobalKTable;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.KeyValueStore;

import java.util.List;

/**
 * The segmentation stream: recorded purchases and feedback and erasure requests (one stream: the three topics are
 * keyed by customer and co-partitioned, so one task holds all of a customer's events) go through the
 * {@link ProfileProcessor}, whose outputs (segment changes, the task's population summary and re-evaluation
 * progress) go to their topics. Definitions and population summaries are global tables every task reads.
 * Thin by design: the processor calls the domain.
 */
public final class SegmentationTopology {
    /** The input topics of the event stream. */
    public static final List<String> EVENT_TOPICS = List.of(Topics.PURCHASES_RECORDED, Topics.FEEDBACK_RECORDED,
            Topics.CUSTOMER_ERASURE);

    private final TopologySettings settings;
    private final MergedPopulation population = new MergedPopulation();
    private final BackgroundShare backgroundShare;
    private final DefinitionsFingerprint definitionsFingerprint;

    public SegmentationTopology(TopologySettings settings) {
        this.settings = settings;
        this.backgroundShare = new BackgroundShare(settings.backgroundShare(), settings.backgroundInterval());
        this.definitionsFingerprint = new DefinitionsFingerprint(settings.backgroundInterval());
    }

    /** Processes the event stream; the task stores and the global tables must be in the same topology. */
    public void attach(KStream<String, byte[]> events) {
        events.process(() -> new ProfileProcessor(settings, population, backgroundShare,
                        definitionsFingerprint), Named.as("segmentation"),
                        SegmentationStores.taskStoreNames())
                .to(Routed.TOPIC, Produced.with(Serdes.String(), Routed.SERDE).withName("segmentation-outputs"));
    }

    /**
     * The whole topology on a builder of its own (tests, and anything that runs it without the binder): the event
     * stream, the task stores and the two global tables, as the binder assembles them from its bindings.
     */
    public StreamsBuilder build(StreamsBuilder builder) {
        SegmentationStores.all().forEach(builder::addStateStore);
        globalTable(builder, Topics.SEGMENTATION_DEFINITIONS, SegmentationStores.DEFINITIONS);
        globalTable(builder, Topics.SEGMENTATION_POPULATION, SegmentationStores.POPULATION);
        attach(builder.stream(EVENT_TOPICS, Consumed.with(Serdes.String(), Serdes.ByteArray())));
        return builder;
    }

    private static GlobalKTable<String, byte[]> globalTable(StreamsBuilder builder, String topic, String store) {
        return builder.globalTable(topic, Consumed.with(Serdes.String(), Serdes.ByteArray()),
                Materialized.<String, byte[], KeyValueStore<Bytes, byte[]>>as(store)
                        .withKeySerde(Serdes.String()).withValueSerde(Serdes.ByteArray()));
    }
}
