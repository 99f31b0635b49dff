package io.segstream.embedded;

/**
 * One real Kafka broker and one MongoDB wire server per test JVM, started on first use on free ports and stopped
 * when the JVM exits. Integration tests point their application at {@link #bootstrapServers()} and
 * {@link #mongoUri(String)}; each test class uses its own database name so classes do not see each other's data.
 */
public final class TestInfrastructure {
    /** Partitions per event topic in tests: more than one, so per-key ordering is really exercised. */
    public static final int TEST_PARTITIONS = 3;

    private static KafkaNode kafka;
    private static MongoWireServer mongo;

    private TestInfrastructure() {
    }

    public static synchronized KafkaNode kafka() {
        if (kafka == null) {
            kafka = KafkaNode.forTests().start();
            kafka.createTopics(TopicLayout.withPartitions(TEST_PARTITIONS), TopicLayout.configs());
            KafkaNode node = kafka;
            Runtime.getRuntime().addShutdownHook(new Thread(node::close, "test-kafka-stop"));
        }
        return kafka;
    }

    public static synchronized MongoWireServer mongo() {
        if (mongo == null) {
            mongo = MongoWireServer.forTests().start();
            MongoWireServer server = mongo;
            Runtime.getRuntime().addShutdownHook(new Thread(server::close, "test-mongo-stop"));
        }
        return mongo;
    }

    public static String bootstrapServers() {
        return kafka().bootstrapServers();
    }

    public static String mongoUri(String database) {
        return mongo().connectionString() + "/" + database;
    }
}
