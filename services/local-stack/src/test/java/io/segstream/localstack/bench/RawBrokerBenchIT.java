package io.segstream.localstack.bench;

import io.segstream.embedded.KafkaNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** The raw broker step against a real broker with a small N: it produces, consumes and reports every figure. */
class RawBrokerBenchIT {
    private static KafkaNode kafka;

    @BeforeAll
    static void startBroker() {
        kafka = KafkaNode.forTests().start();
    }

    @AfterAll
    static void stopBroker() {
        kafka.close();
    }

    @Test
    void measuresProduceConsumeAndOneHop() {
        RawBrokerBench.Result result = new RawBrokerBench(kafka.bootstrapServers(), 2).run(2_000);
        assertThat(result.messages()).isEqualTo(2_000);
        assertThat(result.averageBytes()).as("purchase-sized messages").isBetween(300.0, 600.0);
        assertThat(result.producePerSecond()).isPositive();
        assertThat(result.consumePerSecond()).isPositive();
        assertThat(result.hopPerSecond()).isPositive();

        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        Figures figures = new Figures(new PrintStream(printed, true, StandardCharsets.UTF_8));
        RawBrokerBench.report(result, figures);
        assertThat(figures.all()).hasSize(4).allMatch(f -> f.step().equals(RawBrokerBench.STEP));
        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("msg/s").contains("MB/s");
    }
}
