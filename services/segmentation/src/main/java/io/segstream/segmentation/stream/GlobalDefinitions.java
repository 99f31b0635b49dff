package io.segstream.segmentation.stream;

import io.segstream.segmentation.domain.DefinitionStore;
import io.segstream.segmentation.domain.SegmentDefinition;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;

import java.util.List;
import java.util.Optional;

/**
 * The definitions as a stream task sees them: the global store of segstream.segmentation.definitions. Read-only:
 * versions are written to the topic (by the HTTP side's {@link DefinitionWriter}), never by a task.
 */
final class GlobalDefinitions implements DefinitionStore {
    private final ReadOnlyKeyValueStore<String, ?> store;

    GlobalDefinitions(ReadOnlyKeyValueStore<String, ?> store) {
        this.store = store;
    }

    /** Changes whenever a version is added: a cheap test of whether the catalogue needs reloading. */
    long fingerprint() {
        long fingerprint = 1;
        try (KeyValueIterator<String, ?> all = store.all()) {
            while (all.hasNext()) {
                fingerprint = 31 * fingerprint + all.next().key.hashCode();
            }
        }
        return fingerprint;
    }

    DefinitionVersions versions() {
        DefinitionVersions versions = new DefinitionVersions();
        try (KeyValueIterator<String, ?> all = store.all()) {
            while (all.hasNext()) {
                KeyValue<String, ?> entry = all.next();
                byte[] value = bytes(entry.value);
                if (value != null) {
                    versions.add(DefinitionRecord.fromJson(value));
                }
            }
        }
        return versions;
    }

    @Override
    public List<SegmentDefinition> current() {
        return versions().current();
    }

    @Override
    public Optional<SegmentDefinition> current(String key) {
        return current().stream().filter(definition -> definition.key().equals(key)).findFirst();
    }

    @Override
    public SegmentDefinition saveNewVersion(SegmentDefinition definition) {
        throw new UnsupportedOperationException("a stream task does not store definitions");
    }

    /** Seeding is done before the stream starts ({@link DefinitionWriter#seed}); a task never seeds. */
    @Override
    public void seed(List<SegmentDefinition> definitions) {
    }

    /** A DSL-materialised global table keeps timestamps with its values; a plain global store does not. */
    static byte[] bytes(Object value) {
        if (value instanceof ValueAndTimestamp<?> timestamped) {
            return (byte[]) timestamped.value();
        }
        return (byte[]) value;
    }
}
