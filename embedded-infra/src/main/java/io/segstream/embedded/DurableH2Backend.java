package io.segstream.embedded;

import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;

import java.util.Locale;
import java.util.Set;

/**
 * The wire server's H2 backend, committing its store after every write command instead of about once a second, so
 * that what a client was told is written is in the file even if the process is killed a moment later (a service may
 * already have committed its Kafka offsets for it). A batch of writes is one command (insertMany, bulkWrite), so this
 * is one commit per batch, not per document.
 */
final class DurableH2Backend extends H2Backend {
    private static final Set<String> WRITES = Set.of("insert", "update", "delete", "findandmodify", "createindexes",
            "dropindexes", "drop", "dropdatabase", "create", "renamecollection");

    DurableH2Backend(String fileName) {
        super(fileName);
    }

    @Override
    public Document handleCommand(Channel channel, String database, String command, Document query) {
        Document reply = super.handleCommand(channel, database, command, query);
        if (WRITES.contains(command.toLowerCase(Locale.ROOT))) {
            commit();
        }
        return reply;
    }
}
