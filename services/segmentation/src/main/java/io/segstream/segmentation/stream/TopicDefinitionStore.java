package io.segstream.segmentation.stream;

import io.segstream.segmentation.domain.DefinitionStore;
import io.segstream.segmentation.domain.DefinitionStoreUnavailable;
import io.segstream.segmentation.domain.SegmentDefinition;
import org.apache.kafka.common.KafkaException;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The definitions as the HTTP side reads and writes them: read from the instance's view of the definitions topic,
 * written through the fenced {@link DefinitionWriter}. A write returns once this instance's view holds the new
 * version, so a read right after it sees it (the tasks see it at their next round of background work).
 */
public final class TopicDefinitionStore implements DefinitionStore {
    private final InternalTopicsView view;
    private final DefinitionWriter writer;
    private final Supplier<List<SegmentDefinition>> earlierStore;
    private final Duration readYourWrite;

    /**
     * @param earlierStore  the versions of the store before the topic (MongoDB), copied over once on first start
     * @param readYourWrite how long a write waits for the view to show it
     */
    public TopicDefinitionStore(InternalTopicsView view, DefinitionWriter writer,
                                Supplier<List<SegmentDefinition>> earlierStore, Duration readYourWrite) {
        this.view = view;
        this.writer = writer;
        this.earlierStore = earlierStore;
        this.readYourWrite = readYourWrite;
    }

    @Override
    public List<SegmentDefinition> current() {
        return view.definitions().current();
    }

    @Override
    public Optional<SegmentDefinition> current(String key) {
        DefinitionRecord newest = view.definitions().newest(key);
        return Optional.ofNullable(newest).map(DefinitionRecord::definition);
    }

    @Override
    public SegmentDefinition saveNewVersion(SegmentDefinition definition) {
        DefinitionRecord stored;
        try {
            stored = writer.saveNewVersion(definition);
        } catch (KafkaException | IllegalStateException e) {
            throw new DefinitionStoreUnavailable("the definitions topic could not be written", e);
        }
        view.awaitDefinition(stored.key(), stored.version(), readYourWrite);
        return stored.definition();
    }

    @Override
    public void seed(List<SegmentDefinition> defaults) {
        view.awaitCaughtUp(readYourWrite);
        writer.seed(defaults, earlierStore)
                .forEach(stored -> view.awaitDefinition(stored.key(), stored.version(), readYourWrite));
    }
}
