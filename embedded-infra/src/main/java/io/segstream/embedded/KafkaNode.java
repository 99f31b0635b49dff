package io.segstream.embedded;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;

/**
 * A real Apache Kafka broker: one KRaft node acting as broker and controller, run in this JVM from the Maven
 * Central jars. Its log directory is formatted on first start and reused afterwards, so a restart finds the data
 * of the previous run. The same class serves the local stack (fixed ports, data under .segstream/) and the
 * integration tests (free ports, a temporary directory).
 */
public final class KafkaNode implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(KafkaNode.class);
    private static final int NODE_ID = 1;
    /**
     * Transactions of version 1, not 4.1's default 2 (KIP-890): with version 2, exactly-once producers on this node
     * meet bursts of OutOfOrderSequenceException and retry, stalling the segmentation stream for hundreds of
     * milliseconds at a time (docs/benchmarks.md); with version 1 they do not. Results are correct either way.
     */
    static final String TRANSACTION_VERSION = "transaction.version=1";

    private final String host;
    private final int port;
    private final int controllerPort;
    private final Path dataDir;
    private final Map<String, String> overrides;
    private final SaslListener saslListener;
    private KafkaRaftServer server;

    public KafkaNode(String host, int port, int controllerPort, Path dataDir, Map<String, String> overrides) {
        this(host, port, controllerPort, dataDir, overrides, null);
    }

    private KafkaNode(String host, int port, int controllerPort, Path dataDir, Map<String, String> overrides,
                      SaslListener saslListener) {
        this.host = host;
        this.port = port;
        this.controllerPort = controllerPort;
        this.dataDir = dataDir;
        this.overrides = Map.copyOf(overrides);
        this.saslListener = saslListener;
    }

    /**
     * A listener on a port of its own that authenticates clients with SASL (SASL_PLAINTEXT, or SASL_SSL with TLS
     * settings), beside the PLAINTEXT listener that the broker itself, {@link #createTopics} and the readiness check
     * keep using. For tests of the clients' security settings.
     *
     * @param port      the listener's port
     * @param mechanism PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512
     * @param users     user name to password; SCRAM users are written into the cluster metadata when the storage is
     *                  formatted (a fresh data directory), PLAIN users are part of the listener's configuration
     * @param tls       empty for SASL_PLAINTEXT; else the listener's ssl.* settings (ssl.keystore.location,
     *                  ssl.keystore.password, ssl.keystore.type, ...) for SASL_SSL
     */
    public record SaslListener(int port, String mechanism, Map<String, String> users, Map<String, String> tls) {
        /** The listener's name in the broker configuration (listener.name.sasl.*). */
        static final String NAME = "SASL";

        public SaslListener {
            if (!Set.of("PLAIN", "SCRAM-SHA-256", "SCRAM-SHA-512").contains(mechanism)) {
                throw new IllegalArgumentException("unsupported SASL mechanism " + mechanism);
            }
            if (users.isEmpty()) {
                throw new IllegalArgumentException("a SASL listener needs at least one user");
            }
            users = Map.copyOf(users);
            tls = Map.copyOf(tls);
        }

        /** SASL_PLAINTEXT or SASL_SSL: the security.protocol a client of this listener uses. */
        public String securityProtocol() {
            return tls.isEmpty() ? "SASL_PLAINTEXT" : "SASL_SSL";
        }

        private boolean scram() {
            return mechanism.startsWith("SCRAM-");
        }
    }

    /** This node with a SASL listener as well (call before {@link #start()}); the default has none. */
    public KafkaNode withSaslListener(SaslListener listener) {
        if (server != null) {
            throw new IllegalStateException("the SASL listener must be added before the broker starts");
        }
        return new KafkaNode(host, port, controllerPort, dataDir, overrides, listener);
    }

    /** A broker on free loopback ports with its data in a fresh temporary directory, for tests. */
    public static KafkaNode forTests() {
        try {
            return new KafkaNode("127.0.0.1", Ports.freePort(), Ports.freePort(),
                    Files.createTempDirectory("segstream-kafka-"), Map.of());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public synchronized KafkaNode start() {
        if (server != null) {
            return this;
        }
        Ports.requireFree("Kafka broker", host, port, "choose another with --kafka-port");
        Ports.requireFree("Kafka controller", host, controllerPort, "choose another with --kafka-controller-port");
        if (saslListener != null) {
            Ports.requireFree("Kafka SASL listener", host, saslListener.port(), "choose another port");
        }
        Properties props = properties();
        formatIfNeeded(props);
        long t0 = System.nanoTime();
        server = new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
        server.startup();
        awaitReady(Duration.ofSeconds(60));
        log.info("Kafka broker ready at {} in {} ms (data in {})", bootstrapServers(),
                (System.nanoTime() - t0) / 1_000_000, dataDir);
        return this;
    }

    public String bootstrapServers() {
        return host + ":" + port;
    }

    /** host:port of the SASL listener; only with {@link #withSaslListener}. */
    public String saslBootstrapServers() {
        if (saslListener == null) {
            throw new IllegalStateException("this broker has no SASL listener");
        }
        return host + ":" + saslListener.port();
    }

    public Path dataDir() {
        return dataDir;
    }

    public boolean isRunning() {
        return server != null;
    }

    /** Creates each topic with the given partition count; topics that exist already are left as they are. */
    public void createTopics(Map<String, Integer> partitionsByTopic) {
        createTopics(partitionsByTopic, Map.of());
    }

    /** As {@link #createTopics(Map)}, with the configuration of those topics that need one (cleanup.policy, ...). */
    public void createTopics(Map<String, Integer> partitionsByTopic, Map<String, Map<String, String>> configs) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
            Set<String> existing = admin.listTopics().names().get();
            List<NewTopic> missing = new ArrayList<>();
            partitionsByTopic.forEach((topic, partitions) -> {
                if (!existing.contains(topic)) {
                    missing.add(new NewTopic(topic, partitions, (short) 1).configs(configs.getOrDefault(topic,
                            Map.of())));
                }
            });
            if (missing.isEmpty()) {
                return;
            }
            try {
                admin.createTopics(missing).all().get();
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw new IllegalStateException("could not create topics " + missing, e.getCause());
                }
            }
            log.info("created topics {}", missing.stream().map(NewTopic::name).collect(Collectors.joining(", ")));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not list topics", e.getCause());
        }
    }

    @Override
    public synchronized void close() {
        if (server == null) {
            return;
        }
        server.shutdown();
        server.awaitShutdown();
        server = null;
        log.info("Kafka broker stopped");
    }

    private Properties properties() {
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", String.valueOf(NODE_ID));
        p.put("controller.quorum.voters", NODE_ID + "@" + host + ":" + controllerPort);
        p.put("listeners", "PLAINTEXT://" + host + ":" + port + ",CONTROLLER://" + host + ":" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://" + host + ":" + port);
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("log.dirs", dataDir.toAbsolutePath().toString());
        // One node: every internal topic has a single replica.
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "10");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("min.insync.replicas", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        p.put("auto.create.topics.enable", "false");
        p.put("num.partitions", "4");
        p.put("log.flush.interval.ms", "1000");
        if (saslListener != null) {
            addSaslListener(p, saslListener);
        }
        p.putAll(overrides);
        return p;
    }

    private void addSaslListener(Properties p, SaslListener sasl) {
        String listener = SaslListener.NAME + "://" + host + ":" + sasl.port();
        p.put("listeners", p.getProperty("listeners") + "," + listener);
        p.put("advertised.listeners", p.getProperty("advertised.listeners") + "," + listener);
        p.put("listener.security.protocol.map", p.getProperty("listener.security.protocol.map") + ","
                + SaslListener.NAME + ":" + sasl.securityProtocol());
        String prefix = "listener.name." + SaslListener.NAME.toLowerCase(java.util.Locale.ROOT) + ".";
        String mechanismPrefix = prefix + sasl.mechanism().toLowerCase(java.util.Locale.ROOT) + ".";
        p.put(prefix + "sasl.enabled.mechanisms", sasl.mechanism());
        if (sasl.scram()) {
            // The credentials are in the cluster metadata (formatIfNeeded), not in the JAAS line.
            p.put(mechanismPrefix + "sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required;");
        } else {
            StringBuilder jaas = new StringBuilder("org.apache.kafka.common.security.plain.PlainLoginModule required");
            sasl.users().forEach((user, password) -> jaas.append(" user_").append(user).append("=\"")
                    .append(password).append('"'));
            p.put(mechanismPrefix + "sasl.jaas.config", jaas.append(';').toString());
        }
        sasl.tls().forEach((key, value) -> p.put(prefix + key, value));
    }

    private void formatIfNeeded(Properties props) {
        if (Files.exists(dataDir.resolve("meta.properties"))) {
            return;
        }
        try {
            Files.createDirectories(dataDir);
            Path config = Files.createTempFile("segstream-kafka-", ".properties");
            try (OutputStream out = Files.newOutputStream(config)) {
                props.store(out, "segstream embedded broker");
            }
            String clusterId = org.apache.kafka.common.Uuid.randomUuid().toString();
            ByteArrayOutputStream output = new ByteArrayOutputStream();
            List<String> args = new ArrayList<>(List.of("format", "-t", clusterId, "-c", config.toString(),
                    "--feature", TRANSACTION_VERSION));
            if (saslListener != null && saslListener.scram()) {
                // SCRAM credentials in the bootstrap metadata: there from the first request on, no Admin round trip.
                saslListener.users().forEach((user, password) -> args.addAll(List.of("--add-scram",
                        saslListener.mechanism() + "=[name=" + user + ",password=" + password + "]")));
            }
            int rc = StorageTool.execute(args.toArray(String[]::new),
                    new PrintStream(output, true, StandardCharsets.UTF_8));
            Files.deleteIfExists(config);
            if (rc != 0) {
                throw new IllegalStateException("formatting Kafka storage in " + dataDir + " failed: "
                        + output.toString(StandardCharsets.UTF_8));
            }
            log.info("formatted Kafka storage in {} (cluster {})", dataDir, clusterId);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare Kafka storage in " + dataDir, e);
        }
    }

    private void awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Exception last = null;
        while (System.nanoTime() < deadline) {
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                    AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "2000",
                    AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "3000"))) {
                if (!admin.describeCluster().nodes().get().isEmpty()) {
                    return;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the broker", e);
            } catch (Exception e) {
                last = e;
            }
        }
        throw new IllegalStateException("Kafka broker at " + bootstrapServers() + " not ready within " + timeout, last);
    }

    /** A unique id for test resources such as consumer groups. */
    public static String uniqueSuffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
