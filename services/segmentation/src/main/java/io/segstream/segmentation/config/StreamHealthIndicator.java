package io.segstream.segmentation.config;

import org.apache.kafka.streams.KafkaStreams;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.cloud.stream.binder.kafka.streams.KafkaStreamsRegistry;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * The segmentation stream's health (contributor "stream", in the readiness group): UP while Kafka Streams runs or
 * rebalances, DOWN before it has started and after it failed or stopped. Details: the state and the tasks it holds.
 */
@Component("stream")
class StreamHealthIndicator implements HealthIndicator {
    private final KafkaStreamsRegistry registry;

    StreamHealthIndicator(KafkaStreamsRegistry registry) {
        this.registry = registry;
    }

    @Override
    public Health health() {
        List<StreamsBuilderFactoryBean> factories = registry.streamsBuilderFactoryBeans();
        if (factories.isEmpty() || factories.stream().anyMatch(factory -> factory.getKafkaStreams() == null)) {
            return Health.down().withDetail("state", "NOT_STARTED").build();
        }
        Health.Builder health = Health.up();
        for (StreamsBuilderFactoryBean factory : factories) {
            KafkaStreams streams = factory.getKafkaStreams();
            KafkaStreams.State state = streams.state();
            if (state != KafkaStreams.State.RUNNING && state != KafkaStreams.State.REBALANCING) {
                health = Health.down();
            }
            health.withDetail("state", state.name())
                    .withDetail("activeTasks", streams.metadataForLocalThreads().stream()
                            .mapToInt(thread -> thread.activeTasks().size()).sum());
        }
        return health.build();
    }
}
