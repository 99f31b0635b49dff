package io.segstream.deploy;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** docs/operations.md names what the deployment material relies on and what does not exist yet. */
class OperationsGuideTest {
    private static final String GUIDE = "docs/operations.md";

    @Test
    void everyPendingMetricIsListedAsNotThereYet() {
        String guide = Repository.text(GUIDE);
        String pending = guide.substring(guide.indexOf("## Metrics not there yet"));

        MetricCatalogue.PENDING.keySet().forEach(metric -> assertThat(pending).contains("`" + metric + "`"));
    }

    @Test
    void theGuideNamesTheSettingsTheDeploymentsUse() {
        assertThat(Repository.text(GUIDE)).contains("SPRING_KAFKA_BOOTSTRAP_SERVERS", "SPRING_MONGODB_URI",
                "SERVER_PORT", "SPRING_KAFKA_SECURITY_PROTOCOL", "SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG",
                "spring.mongodb.ssl", "docker compose up", "kubectl apply -k");
    }
}
