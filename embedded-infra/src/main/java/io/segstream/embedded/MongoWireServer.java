package io.segstream.embedded;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A MongoDB wire-protocol server (mongo-java-server) that the real MongoDB Java driver talks to. With a data file it
 * keeps its collections on disk (H2 MVStore, committed after every write command), so a restart finds them; without
 * one it keeps them in memory.
 * It has no transactions, no TTL expiry and no $text: the services never depend on those.
 */
public final class MongoWireServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(MongoWireServer.class);

    private final String host;
    private final int port;
    private final Path dataFile;
    private final int cacheSizeMb;
    private MongoServer server;
    private MongoBackend backend;

    /**
     * The H2 store's page cache when none is given: pages in the cache are kept deserialised, pages outside it are
     * read and Java-deserialised again on every scan, so the cache decides how fast a scan of a large collection is.
     * The store's own default (16 MB) made every relay and sweep query re-read most of the file.
     */
    public static final int DEFAULT_CACHE_SIZE_MB = 256;

    /**
     * Threads serving connections. The wire server runs every command on the thread that reads its connection, and
     * netty's default (two per core) shares each thread among many connections: a long command (a relay's scan)
     * then delays every other connection on its thread. The stack's four services hold about twenty connections.
     */
    static final int WORKER_THREADS = 32;

    /** @param dataFile the H2 file that holds the data, or null to keep it in memory */
    public MongoWireServer(String host, int port, Path dataFile) {
        this(host, port, dataFile, DEFAULT_CACHE_SIZE_MB);
    }

    /**
     * @param dataFile    the H2 file that holds the data, or null to keep it in memory
     * @param cacheSizeMb the page cache of an on-disk store, in MB
     */
    public MongoWireServer(String host, int port, Path dataFile, int cacheSizeMb) {
        if (cacheSizeMb < 1) {
            throw new IllegalArgumentException("the wire server's cache must be at least 1 MB, not " + cacheSizeMb);
        }
        this.host = host;
        this.port = port;
        this.dataFile = dataFile;
        this.cacheSizeMb = cacheSizeMb;
    }

    /** An in-memory server on a free loopback port, for tests. */
    public static MongoWireServer forTests() {
        return new MongoWireServer("127.0.0.1", Ports.freePort(), null);
    }

    public synchronized MongoWireServer start() {
        if (server != null) {
            return this;
        }
        Ports.requireFree("MongoDB wire server", host, port, "choose another with --mongo-port");
        if (dataFile == null) {
            backend = new MemoryBackend();
        } else {
            try {
                Files.createDirectories(dataFile.toAbsolutePath().getParent());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create " + dataFile.getParent(), e);
            }
            backend = new DurableH2Backend(dataFile.toAbsolutePath().toString(), cacheSizeMb);
        }
        server = new MongoServer(backend);
        server.bind(new InetSocketAddress(host, port), 1, WORKER_THREADS);
        log.info("MongoDB wire server ready at {} ({})", connectionString(),
                dataFile == null ? "in memory" : "data in " + dataFile);
        return this;
    }

    public String connectionString() {
        return "mongodb://" + host + ":" + port;
    }

    public int port() {
        return port;
    }

    /** True when writes are waiting to be committed to the data file (never, after a write command returns). */
    synchronized boolean hasUncommittedWrites() {
        return backend instanceof H2Backend h2 && h2.getMvStore().hasUnsavedChanges();
    }

    /** Stops accepting connections and closes the backend, flushing an on-disk store. */
    @Override
    public synchronized void close() {
        if (server == null) {
            return;
        }
        server.shutdownNow();
        if (backend instanceof H2Backend h2) {
            h2.close();
        }
        server = null;
        backend = null;
        log.info("MongoDB wire server stopped");
    }
}
