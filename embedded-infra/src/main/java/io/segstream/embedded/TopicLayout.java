package io.segstream.embedded;

import io.segstream.contracts.Topics;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every topic of contract v1 with its partition count, and the internal topics of the services. Partitions bound how
 * many instances of a consumer service can share the work; dead-letter topics are low volume and get one. Internal
 * topics are compacted (the latest record per key is the state) and small: one partition each. The stream
 * processors' own changelog topics are not listed: Kafka Streams creates them.
 */
public final class TopicLayout {
    public static final List<String> EVENT_TOPICS = List.of(Topics.PURCHASES_INCOMING, Topics.PURCHASES_RECORDED,
            Topics.FEEDBACK_INCOMING, Topics.FEEDBACK_RECORDED, Topics.SEGMENT_CHANGES, Topics.CHURN_ALERTS,
            Topics.CUSTOMER_ERASURE);
    public static final List<String> DEAD_LETTER_TOPICS = List.of(Topics.deadLetterOf(Topics.PURCHASES_INCOMING),
            Topics.deadLetterOf(Topics.FEEDBACK_INCOMING), Topics.deadLetterOf(Topics.CUSTOMER_ERASURE));
    public static final List<String> COMPACTED_TOPICS = List.of(Topics.SEGMENTATION_DEFINITIONS,
            Topics.SEGMENTATION_POPULATION, Topics.SEGMENTATION_RECOMPUTATIONS);
    /** The topic configuration of a compacted topic. */
    public static final Map<String, String> COMPACTED = Map.of("cleanup.policy", "compact");

    private TopicLayout() {
    }

    public static Map<String, Integer> withPartitions(int eventTopicPartitions) {
        Map<String, Integer> layout = new LinkedHashMap<>();
        EVENT_TOPICS.forEach(topic -> layout.put(topic, eventTopicPartitions));
        DEAD_LETTER_TOPICS.forEach(topic -> layout.put(topic, 1));
        COMPACTED_TOPICS.forEach(topic -> layout.put(topic, 1));
        return layout;
    }

    /** The configuration of the topics that need one (the compacted ones); the others take the broker's defaults. */
    public static Map<String, Map<String, String>> configs() {
        Map<String, Map<String, String>> configs = new LinkedHashMap<>();
        COMPACTED_TOPICS.forEach(topic -> configs.put(topic, COMPACTED));
        return configs;
    }
}
