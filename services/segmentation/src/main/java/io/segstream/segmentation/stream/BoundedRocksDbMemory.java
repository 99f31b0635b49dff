package io.segstream.segmentation.stream;

import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Cache;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.WriteBufferManager;

import java.util.Map;

/**
 * Bounds the off-heap memory of every RocksDB store of this JVM together: one block cache shared by all stores holds
 * their blocks, indexes and filters, and the memtables are charged to it through one write-buffer manager, so the
 * total stays near {@value #TOTAL_BYTES} (stream configuration, bytes) however many stores and tasks an instance
 * holds. Kafka Streams reports the usage as the state metrics block-cache-usage and size-all-mem-tables.
 */
public class BoundedRocksDbMemory implements RocksDBConfigSetter {
    /** Off-heap bytes all RocksDB stores of the instance share. */
    public static final String TOTAL_BYTES = "segstream.rocksdb.total-off-heap-bytes";
    /** The share of it that memtables (writes not yet flushed) may take. */
    public static final String MEMTABLE_SHARE = "segstream.rocksdb.memtable-share";
    private static final double HIGH_PRIORITY_SHARE = 0.1;
    private static final int WRITE_BUFFERS = 2;

    private static Cache cache;
    private static WriteBufferManager writeBufferManager;
    private static long memtableBytes;

    @Override
    public void setConfig(String storeName, Options options, Map<String, Object> configs) {
        BlockBasedTableConfig table = (BlockBasedTableConfig) options.tableFormatConfig();
        synchronized (BoundedRocksDbMemory.class) {
            if (cache == null) {
                long total = Long.parseLong(String.valueOf(configs.get(TOTAL_BYTES)));
                double memtableShare = Double.parseDouble(String.valueOf(configs.get(MEMTABLE_SHARE)));
                memtableBytes = (long) (total * memtableShare);
                cache = new LRUCache(total, -1, false, HIGH_PRIORITY_SHARE);
                writeBufferManager = new WriteBufferManager(memtableBytes, cache);
            }
            table.setBlockCache(cache);
            options.setWriteBufferManager(writeBufferManager);
        }
        table.setCacheIndexAndFilterBlocks(true);
        table.setCacheIndexAndFilterBlocksWithHighPriority(true);
        table.setPinTopLevelIndexAndFilter(true);
        options.setMaxWriteBufferNumber(WRITE_BUFFERS);
        options.setWriteBufferSize(Math.max(1, memtableBytes / WRITE_BUFFERS));
        options.setTableFormatConfig(table);
    }

    /** The cache and the manager are shared by every store of the JVM: closing one store must not close them. */
    @Override
    public void close(String storeName, Options options) {
    }
}
