package io.segstream.localstack;

import io.segstream.embedded.KafkaNode;
import io.segstream.embedded.MongoWireServer;
import io.segstream.embedded.Ports;
import io.segstream.embedded.TopicLayout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The whole system on one machine: a real Kafka broker and a MongoDB wire server in this JVM, with their data under
 * the data directory, and the four services as separate processes started against them exactly as they would start
 * against external clusters.
 */
public final class LocalStack implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(LocalStack.class);
    private static final Duration POLL = Duration.ofMillis(500);

    private final StackSettings settings;
    private final LocalCredentials credentials;
    private final List<ServiceProcess> services = new ArrayList<>();
    private KafkaNode kafka;
    private MongoWireServer mongo;

    public LocalStack(StackSettings settings) {
        this(settings, new LocalCredentials(settings.signingKeyFile(), java.time.Clock.systemUTC()));
    }

    /** With another key than the checkout's (the end-to-end test keeps its key in its own temporary directory). */
    LocalStack(StackSettings settings, LocalCredentials credentials) {
        this.settings = settings;
        this.credentials = credentials;
    }

    /** Checks every port first, so that a conflict is reported before anything has started. */
    public void checkPorts() {
        Ports.requireFree("Kafka broker", settings.host(), settings.kafkaPort(), "choose another with --kafka-port");
        Ports.requireFree("Kafka controller", settings.host(), settings.kafkaControllerPort(),
                "choose another with --kafka-controller-port");
        Ports.requireFree("MongoDB wire server", settings.host(), settings.mongoPort(),
                "choose another with --mongo-port");
        Ports.requireFree("The stack's health endpoint", settings.host(), settings.healthPort(),
                "choose another with --health-port");
        for (ServiceSpec service : settings.services()) {
            Ports.requireFree(service.name(), settings.host(), service.port(),
                    "choose another with --" + optionOf(service.name()) + "-port");
        }
    }

    public LocalStack start() {
        checkPorts();
        settings.services().forEach(s -> ServiceProcess.executableJar(settings.home(), s.name()));
        String signingKey = credentials.signingKey();
        kafka = new KafkaNode(settings.host(), settings.kafkaPort(), settings.kafkaControllerPort(),
                settings.kafkaDir(), Map.of()).start();
        kafka.createTopics(TopicLayout.withPartitions(settings.partitions()), TopicLayout.configs());
        mongo = new MongoWireServer(settings.host(), settings.mongoPort(), settings.mongoFile()).start();
        for (ServiceSpec spec : settings.services()) {
            services.add(new ServiceProcess(spec, settings, signingKey).start());
        }
        return this;
    }

    /** Waits until every service reports ready; fails fast, naming the log, if one of them exits. */
    public void awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<ServiceProcess> waiting = new ArrayList<>(services);
        while (!waiting.isEmpty()) {
            for (ServiceProcess service : List.copyOf(waiting)) {
                if (!service.isAlive()) {
                    throw new IllegalStateException(service.spec().name() + " exited with code "
                            + service.exitCode() + " during start-up; see "
                            + settings.logDir().resolve(service.spec().name() + ".log"));
                }
                if (service.isReady()) {
                    log.info("{} is ready at {}", service.spec().name(), service.spec().baseUrl());
                    waiting.remove(service);
                }
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("not ready within " + timeout.toSeconds() + "s: "
                        + waiting.stream().map(s -> s.spec().name()).toList() + "; see " + settings.logDir());
            }
            sleep(POLL);
        }
    }

    /** Broker, database and every service, each with whether it is up now. */
    public Map<String, Boolean> componentStatus() {
        Map<String, Boolean> status = new java.util.LinkedHashMap<>();
        status.put("kafka", kafka != null && kafka.isRunning());
        status.put("mongo", mongo != null);
        for (ServiceProcess service : services) {
            status.put(service.spec().name(), service.isReady());
        }
        return status;
    }

    /** Each running service's process id, by service name (read-only; used by ./segstream bench). */
    public Map<String, Long> servicePids() {
        Map<String, Long> pids = new java.util.LinkedHashMap<>();
        for (ServiceProcess service : services) {
            service.pid().ifPresent(pid -> pids.put(service.spec().name(), pid));
        }
        return pids;
    }

    public StackSettings settings() {
        return settings;
    }

    /** The key the services accept tokens of, and tokens for the stack's clients (demo, bench, tests). */
    public LocalCredentials credentials() {
        return credentials;
    }

    /** Services first (they finish in-flight work and commit), then the database, then the broker. */
    @Override
    public void close() {
        for (int i = services.size() - 1; i >= 0; i--) {
            services.get(i).close();
        }
        services.clear();
        if (mongo != null) {
            mongo.close();
            mongo = null;
        }
        if (kafka != null) {
            kafka.close();
            kafka = null;
        }
    }

    private static String optionOf(String service) {
        return switch (service) {
            case "purchase-ingestion" -> "purchase";
            case "feedback-collection" -> "feedback";
            case "churn-alerting" -> "churn";
            default -> service;
        };
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the stack", e);
        }
    }
}
