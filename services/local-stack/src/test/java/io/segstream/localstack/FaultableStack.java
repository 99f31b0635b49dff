package io.segstream.localstack;

import io.segstream.localstack.launcher.RunCommand;
import io.segstream.embedded.KafkaNode;
import io.segstream.embedded.MongoWireServer;
import io.segstream.embedded.Ports;
import io.segstream.embedded.TopicLayout;
import io.segstream.runtime.security.Role;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

import static org.awaitility.Awaitility.await;

/**
 * The local stack with handles for the fault-injection suite: the same broker, wire server (with a data file) and
 * service processes as {@link LocalStack}, plus what {@code ./segstream run} never does on purpose: kill a service
 * with SIGKILL, restart it, restart the broker and the wire server on the same ports and data, and run a second
 * instance of a service (another port, same consumer group, same database).
 */
public final class FaultableStack implements AutoCloseable {
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration BIND_PATIENCE = Duration.ofSeconds(20);

    private static final String SHORT_SESSION = "--spring.kafka.consumer.properties.session.timeout.ms=10000";
    private final StackSettings settings;
    private final LocalCredentials credentials;
    private final Map<String, ServiceProcess> services = new LinkedHashMap<>();
    private final Map<Integer, ServiceProcess> extraInstances = new LinkedHashMap<>();
    private KafkaNode kafka;
    private MongoWireServer mongo;

    /**
     * @param dataDir broker data, database file, service logs and the signing key of this run, all in one place
     */
    public FaultableStack(Path dataDir, int partitions, String serviceHeap) {
        String[] args = {"--no-demo", "--data-dir", dataDir.toString(),
                "--kafka-port", free(), "--kafka-controller-port", free(), "--mongo-port", free(),
                "--health-port", free(), "--purchase-port", free(), "--feedback-port", free(),
                "--segmentation-port", free(), "--churn-port", free(),
                "--partitions", String.valueOf(partitions), "--service-heap", serviceHeap};
        Path home = Path.of(System.getProperty("segstream.home", "../..")).toAbsolutePath().normalize();
        this.settings = withShortConsumerSessions(RunCommand.settings(home, Map.of(), args));
        this.credentials = new LocalCredentials(dataDir.resolve(LocalCredentials.KEY_FILE), Clock.systemUTC());
    }

    /**
     * A killed service's partitions move to its restarted self once the broker has dropped the dead member: after
     * 10 s here instead of Kafka's 45 s, so that the suite's convergence does not wait on the last kill's session.
     */
    private static StackSettings withShortConsumerSessions(StackSettings settings) {
        List<ServiceSpec> services = settings.services().stream().map(spec -> new ServiceSpec(spec.name(),
                spec.port(), spec.database(), Stream.concat(spec.extraArguments().stream(),
                Stream.of(SHORT_SESSION)).toList())).toList();
        return new StackSettings(settings.home(), settings.dataDir(), settings.host(), settings.kafkaPort(),
                settings.kafkaControllerPort(), settings.mongoPort(), settings.healthPort(), settings.partitions(),
                services, settings.serviceHeap(), settings.demo(), settings.demoRate(), settings.demoCustomers(),
                settings.demoHistoryDays(), settings.summaryEverySeconds(), settings.readyTimeoutSeconds(),
                settings.keepData());
    }

    public FaultableStack start() {
        settings.services().forEach(s -> ServiceProcess.executableJar(settings.home(), s.name()));
        kafka = new KafkaNode(settings.host(), settings.kafkaPort(), settings.kafkaControllerPort(),
                settings.kafkaDir(), Map.of());
        startWithRetry(kafka::start);
        kafka.createTopics(TopicLayout.withPartitions(settings.partitions()), TopicLayout.configs());
        mongo = new MongoWireServer(settings.host(), settings.mongoPort(), settings.mongoFile());
        startWithRetry(mongo::start);
        for (ServiceSpec spec : settings.services()) {
            services.put(spec.name(), new ServiceProcess(spec, settings, credentials.signingKey()).start());
        }
        return this;
    }

    public List<String> serviceNames() {
        return settings.services().stream().map(ServiceSpec::name).toList();
    }

    public String baseUrl(String service) {
        return settings.service(service).baseUrl();
    }

    public String bootstrapServers() {
        return settings.bootstrapServers();
    }

    public Path logDir() {
        return settings.logDir();
    }

    /** "Bearer ..." with the given roles, signed with this stack's key, valid for an hour. */
    public String bearer(Role... roles) {
        return "Bearer " + credentials.token("fault-injection", List.of(roles), Duration.ofHours(1));
    }

    /** Waits until every service (and every extra instance) is ready; fails naming the log if one exited. */
    public void awaitReady(Duration timeout) {
        for (String name : services.keySet()) {
            awaitReady(name, timeout);
        }
        for (ServiceProcess extra : extraInstances.values()) {
            awaitReady(extra, extra.spec().name() + " (extra on " + extra.spec().port() + ")", timeout);
        }
    }

    public void awaitReady(String service, Duration timeout) {
        awaitReady(services.get(service), service, timeout);
    }

    /** SIGKILL: no shutdown hook runs, nothing is flushed or committed; returns once the process is gone. */
    public long kill(String service) {
        ServiceProcess process = services.get(service);
        long pid = process.pid().orElseThrow();
        ProcessHandle.of(pid).ifPresent(handle -> {
            handle.destroyForcibly();
            try {
                handle.onExit().get(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException | TimeoutException e) {
                throw new IllegalStateException(service + " (pid " + pid + ") did not die after SIGKILL", e);
            }
        });
        return pid;
    }

    /** Starts the service again on its port, with its database and consumer group (after {@link #kill}). */
    public void restart(String service) {
        ServiceProcess old = services.get(service);
        if (old.isAlive()) {
            throw new IllegalStateException(service + " is still running");
        }
        services.put(service, new ServiceProcess(settings.service(service), settings, credentials.signingKey())
                .start());
    }

    /** A second instance of {@code service}: same jar, database and consumer group, its own port and log. */
    public int startExtraInstance(String service) {
        int port = Ports.freePort();
        ServiceSpec spec = new ServiceSpec(service, port, settings.service(service).database());
        // Its own log directory (ServiceProcess names the log after the service); everything else is shared.
        StackSettings own = new StackSettings(settings.home(), settings.dataDir().resolve("extra-" + port),
                settings.host(), settings.kafkaPort(), settings.kafkaControllerPort(), settings.mongoPort(),
                settings.healthPort(), settings.partitions(), settings.services(), settings.serviceHeap(), false,
                settings.demoRate(), settings.demoCustomers(), settings.demoHistoryDays(),
                settings.summaryEverySeconds(), settings.readyTimeoutSeconds(), true);
        extraInstances.put(port, new ServiceProcess(spec, own, credentials.signingKey()).start());
        return port;
    }

    public void awaitExtraReady(int port, Duration timeout) {
        ServiceProcess extra = extraInstances.get(port);
        awaitReady(extra, extra.spec().name() + " (extra on " + port + ")", timeout);
    }

    /** SIGTERM: the instance finishes its batch, commits and leaves the group (a rebalance). */
    public void stopExtraInstance(int port) {
        ServiceProcess extra = extraInstances.remove(port);
        if (extra != null) {
            extra.close();
        }
    }

    /**
     * Closes the broker (its clients lose it) and starts it again on the same ports and log directory after
     * {@code down}, during which every service process must stay up: losing the broker is no reason to exit.
     */
    public void restartBroker(Duration down) {
        kafka.close();
        await("every service up while the broker is away").during(down).atMost(down.plus(POLL.multipliedBy(4)))
                .pollInterval(POLL).until(this::everyProcessAlive);
        startWithRetry(kafka::start);
    }

    private boolean everyProcessAlive() {
        return services.values().stream().allMatch(ServiceProcess::isAlive)
                && extraInstances.values().stream().allMatch(ServiceProcess::isAlive);
    }

    public void stopDatabase() {
        mongo.close();
    }

    /** The same port and the same data file: the services reconnect on their own. */
    public void startDatabase() {
        startWithRetry(mongo::start);
    }

    @Override
    public void close() {
        extraInstances.values().forEach(ServiceProcess::close);
        extraInstances.clear();
        List<ServiceProcess> running = List.copyOf(services.values());
        for (int i = running.size() - 1; i >= 0; i--) {
            running.get(i).close();
        }
        services.clear();
        if (mongo != null) {
            mongo.close();
        }
        if (kafka != null) {
            kafka.close();
        }
    }

    /** The last lines of every log of this run, for a failure message. */
    public void printLogTails(int lines) {
        try (var logs = Files.walk(settings.dataDir())) {
            for (Path log : logs.filter(p -> p.toString().endsWith(".log")).sorted().toList()) {
                List<String> all = Files.readAllLines(log);
                System.out.println("---- last lines of " + log + " ----");
                all.subList(Math.max(0, all.size() - lines), all.size()).forEach(System.out::println);
            }
        } catch (IOException | UncheckedIOException e) {
            System.out.println("---- logs cannot be read: " + e);
        }
    }

    private void awaitReady(ServiceProcess process, String what, Duration timeout) {
        await(what + " ready").atMost(timeout).pollDelay(Duration.ZERO).pollInterval(POLL).until(() -> {
            if (process.isReady()) {
                return true;
            }
            if (!process.isAlive()) {
                throw new IllegalStateException(what + " exited with code " + process.exitCode()
                        + " during start-up; see " + settings.dataDir());
            }
            return false;
        });
    }

    private static String free() {
        return String.valueOf(Ports.freePort());
    }

    /** A port just released can take a moment to be bindable again (sockets still closing). */
    private static void startWithRetry(Runnable start) {
        await("started on a port just released").atMost(BIND_PATIENCE).pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofSeconds(1)).ignoreExceptions().until(() -> {
                    start.run();
                    return true;
                });
    }
}
