package io.segstream.segmentation.stream;

import io.segstream.segmentation.encoding.MemberCodec;
import io.segstream.segmentation.encoding.ProfileCodec;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

import java.util.List;

/**
 * The state stores of the segmentation stream. Each task keeps its customers' profiles and what is derived from
 * them (RocksDB, backed by a changelog topic named {@code <application.id>-<store>-changelog}); every task reads the
 * two global stores.
 */
public final class SegmentationStores {
    /** customerId → the profile ({@link ProfileCodec}); its changelog feeds the MongoDB view. */
    public static final String PROFILES = "profiles";
    /** (next re-evaluation instant, customerId) → nothing: the customers due for the sweep, earliest first. */
    public static final String DUE = "due-reevaluations";
    /** customerId → what the customer adds to the population summary ({@link MemberCodec}). */
    public static final String MEMBERS = "population-members";
    /** customerId → the instant of the customer's erasure: older events of the customer are dropped. */
    public static final String ERASURES = "erasures";
    /** The task's own bookkeeping: re-evaluated definition versions, background work under way. */
    public static final String TASK_STATE = "task-state";
    /** Global: every stored definition version, from segstream.segmentation.definitions. */
    public static final String DEFINITIONS = "definitions";
    /** Global: every task's population summary, from segstream.segmentation.population. */
    public static final String POPULATION = "population";

    private SegmentationStores() {
    }

    /** The changelog topic of a task store of the application. */
    public static String changelogOf(String applicationId, String store) {
        return applicationId + "-" + store + "-changelog";
    }

    public static List<StoreBuilder<KeyValueStore<String, byte[]>>> keyedByCustomer() {
        return List.of(
                Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(PROFILES), Serdes.String(),
                        Serdes.ByteArray()),
                Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(MEMBERS), Serdes.String(),
                        Serdes.ByteArray()),
                Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(ERASURES), Serdes.String(),
                        Serdes.ByteArray()),
                Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(TASK_STATE), Serdes.String(),
                        Serdes.ByteArray()));
    }

    /** Keyed by raw bytes, so that RocksDB's byte order is the order of the instants ({@link DueKeys}). */
    public static StoreBuilder<KeyValueStore<Bytes, byte[]>> due() {
        return Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(DUE), Serdes.Bytes(), Serdes.ByteArray());
    }

    /** Every task store, for the topology and the binder. */
    public static List<StoreBuilder<?>> all() {
        List<StoreBuilder<?>> stores = new java.util.ArrayList<>(keyedByCustomer());
        stores.add(due());
        return stores;
    }

    public static String[] taskStoreNames() {
        return new String[] {PROFILES, DUE, MEMBERS, ERASURES, TASK_STATE};
    }
}
