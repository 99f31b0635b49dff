package io.segstream.segmentation.stream;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;

/**
 * The segmentation topology alone in a process of its own, for a test that kills it: arguments are the bootstrap
 * servers, the state directory and the commit interval in milliseconds. Prints RUNNING once the stream runs.
 */
public final class StreamInstanceMain {
    private static final long DEFAULT_TRANSACTION_TIMEOUT_MS = 10_000;

    private StreamInstanceMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        Properties config = StreamCluster.streamsConfig(args[0], Path.of(args[1]), Long.parseLong(args[2]));
        // A transaction may stay open for the whole commit interval (the test kills the instance within it).
        config.put(StreamsConfig.producerPrefix("transaction.timeout.ms"),
                (int) Math.max(DEFAULT_TRANSACTION_TIMEOUT_MS, Long.parseLong(args[2]) * 2));
        KafkaStreams streams = new KafkaStreams(new SegmentationTopology(StreamCluster.settings(Clock.systemUTC(),
                new SimpleMeterRegistry())).build(new org.apache.kafka.streams.StreamsBuilder()).build(), config);
        CountDownLatch running = new CountDownLatch(1);
        streams.setStateListener((now, before) -> {
            if (now == KafkaStreams.State.RUNNING) {
                running.countDown();
            }
        });
        streams.start();
        running.await();
        System.out.println("RUNNING");
        System.out.flush();
        new CountDownLatch(1).await();
    }
}
