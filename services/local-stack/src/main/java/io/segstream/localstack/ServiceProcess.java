package io.segstream.localstack;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One service run as its own JVM from its executable jar, exactly as in production: only the connection settings
 * (broker, database, port) and the {@link ServiceSpec#extraArguments() extra arguments} of its spec (none under
 * {@code ./segstream run}) are passed on its command line. The Spring profile {@code local} and the checkout's
 * signing key go through its environment, where {@code ps} does not show them. Its output goes to a log file.
 */
final class ServiceProcess implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ServiceProcess.class);
    private static final Duration GRACEFUL_STOP = Duration.ofSeconds(20);

    private final ServiceSpec spec;
    static final String PROFILES_VARIABLE = "SPRING_PROFILES_ACTIVE";
    static final String SIGNING_KEY_VARIABLE = "SEGSTREAM_SECURITY_LOCAL_SIGNING_KEY";

    private final StackSettings settings;
    private final String signingKey;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private Process process;

    ServiceProcess(ServiceSpec spec, StackSettings settings, String signingKey) {
        this.spec = spec;
        this.settings = settings;
        this.signingKey = signingKey;
    }

    static Path executableJar(Path home, String service) {
        Path target = home.resolve("services").resolve(service).resolve("target");
        try (var files = Files.list(target)) {
            return files.filter(p -> p.getFileName().toString().matches(service + "-.*-exec\\.jar"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("no executable jar for " + service + " in " + target
                            + ": build first (./segstream run builds when needed, or ./mvnw -DskipTests package)"));
        } catch (IOException e) {
            throw new IllegalStateException("no build output for " + service + " in " + target
                    + ": build first (./mvnw -DskipTests package)", e);
        }
    }

    ServiceProcess start() {
        Path logFile = settings.logDir().resolve(spec.name() + ".log");
        try {
            Files.createDirectories(settings.logDir());
            ProcessBuilder builder = new ProcessBuilder(command(executableJar(settings.home(), spec.name())))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
            localProfile(builder.environment(), signingKey);
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + spec.name(), e);
        }
        log.info("started {} (pid {}) on port {}, log {}", spec.name(), process.pid(), spec.port(), logFile);
        return this;
    }

    /**
     * Local tokens are honoured only under the {@code local} profile with a key; both are set here, and only here,
     * so a service started any other way never accepts them.
     */
    static void localProfile(java.util.Map<String, String> environment, String signingKey) {
        environment.put(PROFILES_VARIABLE, "local");
        environment.put(SIGNING_KEY_VARIABLE, signingKey);
    }

    /**
     * The service's command line: JVM options, jar, connection settings, its state directory, its extra arguments;
     * never the key.
     */
    List<String> command(Path jar) {
        List<String> command = new ArrayList<>();
        command.add(javaExecutable());
        command.add("-Xmx" + settings.serviceHeap());
        // Four services share two cores with the broker: the serial collector keeps each one's footprint small.
        command.add("-XX:+UseSerialGC");
        String extra = System.getenv().getOrDefault("SEGSTREAM_SERVICE_JAVA_OPTS", "").trim();
        if (!extra.isEmpty()) {
            command.addAll(List.of(extra.split("\\s+")));
        }
        command.add("-Dsegstream.parent-pid=" + ProcessHandle.current().pid());
        command.add("-jar");
        command.add(jar.toString());
        command.add("--server.port=" + spec.port());
        command.add("--spring.kafka.bootstrap-servers=" + settings.bootstrapServers());
        command.add("--spring.mongodb.uri=" + settings.mongoUri(spec.database()));
        // Local stream state (segmentation's profiles in RocksDB) under the data directory: a restart reuses it, and
        // every instance has its own; a service without a stream ignores it.
        command.add("--spring.kafka.streams.state-dir=" + settings.stateDir(spec).toAbsolutePath());
        command.addAll(spec.extraArguments());
        return command;
    }

    ServiceSpec spec() {
        return spec;
    }

    /** The process id while it runs (read-only; the benchmark reads the process's memory from /proc). */
    java.util.OptionalLong pid() {
        return process == null ? java.util.OptionalLong.empty() : java.util.OptionalLong.of(process.pid());
    }

    boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** True when the service's readiness group is UP (broker and database reachable, listeners started). */
    boolean isReady() {
        if (!isAlive()) {
            return false;
        }
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                            URI.create(spec.baseUrl() + "/actuator/health/readiness"))
                    .timeout(Duration.ofSeconds(3)).build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && response.body().contains("\"UP\"");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    Integer exitCode() {
        return process == null || process.isAlive() ? null : process.exitValue();
    }

    /** SIGTERM first, so in-flight batches finish and offsets commit; SIGKILL only after the grace period. */
    @Override
    public void close() {
        if (process == null || !process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(GRACEFUL_STOP.toSeconds(), TimeUnit.SECONDS)) {
                log.warn("{} did not stop within {}s, killing it", spec.name(), GRACEFUL_STOP.toSeconds());
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        log.info("stopped {}", spec.name());
    }

    private static String javaExecutable() {
        return ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }
}
