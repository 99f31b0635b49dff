package io.segstream.localstack.bench;

import io.segstream.contracts.ContractJson;
import io.segstream.contracts.Topics;
import io.segstream.contracts.purchase.PurchaseRecorded;
import io.segstream.contracts.registry.Contracts;
import io.segstream.localstack.ContractProducer;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A trickle of recorded purchases of new customers while segmentation does background work (a re-evaluation, a
 * sweep), with the latency from send to the first segment change each causes: do events keep flowing meanwhile?
 */
final class LatencyProbe implements AutoCloseable {
    /** Events sent at most (the watcher's capacity). */
    private static final int CAPACITY = 1_000_000;

    private final Map<String, Long> sentAt = new ConcurrentHashMap<>();
    private final TopicWatcher changes;
    private final ContractProducer producer;
    private final BenchPurchases purchases;
    private final double rate;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile int sent;

    LatencyProbe(String bootstrapServers, int partitions, String customerPrefix, double rate, long seed) {
        this.changes = new TopicWatcher(bootstrapServers, partitions, Topics.SEGMENT_CHANGES, "causedBy", CAPACITY,
                sentAt).start();
        this.producer = new ContractProducer(bootstrapServers, "/segstream/bench");
        this.purchases = new BenchPurchases(customerPrefix, CAPACITY, seed);
        this.rate = rate;
        this.thread = new Thread(this::send, "bench-latency-probe");
        thread.setDaemon(true);
        thread.start();
    }

    private void send() {
        RatePacer pacer = new RatePacer(rate, System::nanoTime);
        for (int i = 0; running && i < CAPACITY; i++) {
            pacer.awaitTurn(i);
            PurchaseRecorded purchase = purchases.recorded(i, Instant.now());
            sentAt.put(purchase.eventId(), System.nanoTime());
            producer.sendRaw(Contracts.PURCHASE_RECORDED, purchase.customerId(), purchase.eventId(),
                    purchase.occurredAt(), ContractJson.mapper().writeValueAsBytes(purchase));
            sent = i + 1;
        }
    }

    /** Stops sending, waits for the changes of what was sent, and describes their latency. */
    String stop() {
        running = false;
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        producer.flush();
        changes.awaitQuiet();
        return String.format(java.util.Locale.ROOT, "%,d events at %.0f/s meanwhile: %s", sent, rate,
                changes.latencies().describe());
    }

    @Override
    public void close() {
        running = false;
        producer.close();
        changes.close();
    }
}
