package io.segstream.embedded;

import io.segstream.contracts.Topics;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every topic of contract v1 with its partition count. Partitions bound how many instances of a consumer service
 * can share the work; dead-letter topics are low volume and get one.
 */
public final class TopicLayout {
    public static final List<String> EVENT_TOPICS = List.of(Topics.PURCHASES_INCOMING, Topics.PURCHASES_RECORDED,
            Topics.FEEDBACK_INCOMING, Topics.FEEDBACK_RECORDED, Topics.SEGMENT_CHANGES, Topics.CHURN_ALERTS,
            Topics.CUSTOMER_ERASURE);
    public static final List<String> DEAD_LETTER_TOPICS = List.of(Topics.deadLetterOf(Topics.PURCHASES_INCOMING),
            Topics.deadLetterOf(Topics.FEEDBACK_INCOMING), Topics.deadLetterOf(Topics.CUSTOMER_ERASURE));

    private TopicLayout() {
    }

    public static Map<String, Integer> withPartitions(int eventTopicPartitions) {
        Map<String, Integer> layout = new LinkedHashMap<>();
        EVENT_TOPICS.forEach(topic -> layout.put(topic, eventTopicPartitions));
        DEAD_LETTER_TOPICS.forEach(topic -> layout.put(topic, 1));
        return layout;
    }
}
