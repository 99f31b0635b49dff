package io.segstream.benchmarks;

import io.segstream.contracts.purchase.PurchaseRecorded;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class ContractJsonBenchmarkTest {

    @Test
    void decodesAndEncodesTheGoldenPurchase() {
        ContractJsonBenchmark benchmark = new ContractJsonBenchmark();
        benchmark.setUp();

        PurchaseRecorded decoded = benchmark.decodePurchaseRecorded();
        assertThat(decoded).isEqualTo(benchmark.event);
        assertThat(decoded.customerId()).isEqualTo("C-10023");
        assertThat(decoded.items()).hasSize(1);
        assertThat(new String(benchmark.encodePurchaseRecorded(), StandardCharsets.UTF_8))
                .isEqualTo(new String(benchmark.payload, StandardCharsets.UTF_8))
                .doesNotContain("\n");
    }
}
