package io.segstream.runtime.health;

import com.mongodb.client.MongoClient;
import org.bson.Document;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * MongoDB health by a ping on the admin database. Boot's own indicator sends "hello" to the application database,
 * which the embedded wire server refuses once a database exists; ping works on real MongoDB and on it alike.
 */
public class MongoPingHealthIndicator extends AbstractHealthIndicator {
    private final MongoClient client;

    public MongoPingHealthIndicator(MongoClient client) {
        super("MongoDB ping failed");
        this.client = client;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        Document reply = client.getDatabase("admin").runCommand(new Document("ping", 1));
        builder.up().withDetail("ok", reply.get("ok"));
    }
}
