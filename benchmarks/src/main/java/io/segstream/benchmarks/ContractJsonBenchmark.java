package io.segstream.benchmarks;

import io.segstream.contracts.ContractJson;
import io.segstream.contracts.purchase.PurchaseRecorded;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.concurrent.TimeUnit;

/**
 * The per-event JSON cost of a purchases.recorded.v1 value with the one contract setup ({@link ContractJson}): decoding
 * (every consumer: segmentation, churn-alerting) and encoding (purchase-ingestion's publisher). The payload is the
 * golden example of shared-model, re-encoded compactly as it travels on the topic.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ContractJsonBenchmark {
    static final String GOLDEN = "/contracts/examples/purchase-recorded.json";

    JsonMapper mapper;
    byte[] payload;
    PurchaseRecorded event;

    @Setup
    public void setUp() {
        mapper = ContractJson.mapper();
        try (InputStream in = ContractJson.class.getResourceAsStream(GOLDEN)) {
            if (in == null) {
                throw new IllegalStateException(GOLDEN + " is not on the class path");
            }
            event = mapper.readValue(in.readAllBytes(), PurchaseRecorded.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        payload = mapper.writeValueAsBytes(event);
    }

    @Benchmark
    public PurchaseRecorded decodePurchaseRecorded() {
        return mapper.readValue(payload, PurchaseRecorded.class);
    }

    @Benchmark
    public byte[] encodePurchaseRecorded() {
        return mapper.writeValueAsBytes(event);
    }
}
