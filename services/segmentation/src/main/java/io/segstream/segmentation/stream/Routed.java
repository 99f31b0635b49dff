package io.segstream.segmentation.stream;

import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.TopicNameExtractor;

/**
 * An output of the segmentation processor with the topic it goes to: segment changes, the task's population summary
 * and its re-evaluation progress leave through one sink.
 */
record Routed(String topic, byte[] payload) {

    /** Writes the payload alone (the topic is the sink's choice, not part of the record). */
    static final Serde<Routed> SERDE = Serdes.serdeFrom((topic, routed) -> routed == null ? null : routed.payload(),
            (topic, bytes) -> {
                throw new UnsupportedOperationException("routed outputs are only written");
            });

    static final TopicNameExtractor<String, Routed> TOPIC = (key, routed, context) -> routed.topic();
}
