package io.segstream.runtime.resilience;

import com.mongodb.client.MongoClient;
import io.segstream.runtime.schedule.BackgroundSchedule;
import org.bson.Document;
import org.springframework.context.SmartLifecycle;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Pings MongoDB every {@code probeInterval} through the {@link DatabaseCircuit}, so it opens and closes on its own. */
public class DatabaseProbe implements SmartLifecycle {
    private final DatabaseCircuit circuit;
    private final MongoClient client;
    private final DatabaseCircuitProperties props;
    private final BackgroundSchedule schedule;

    public DatabaseProbe(DatabaseCircuit circuit, MongoClient client, DatabaseCircuitProperties props,
                         String application) {
        this.circuit = circuit;
        this.client = client;
        this.props = props;
        this.schedule = new BackgroundSchedule(application + "-mongo-probe", Duration.ofSeconds(2));
    }

    /** One ping, bounded by {@code probeTimeout} (client-side operation timeout). */
    public boolean probeOnce() {
        return circuit.probe(() -> client.getDatabase("admin")
                .withTimeout(props.probeTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .runCommand(new Document("ping", 1)));
    }

    @Override
    public void start() {
        if (schedule.start()) {
            schedule.every(props.probeInterval(), props.probeInterval(), this::probeOnce);
        }
    }

    @Override
    public void stop() {
        schedule.stop();
    }

    @Override
    public boolean isRunning() {
        return schedule.isRunning();
    }
}
