package io.segstream.embedded;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The optional SASL listener of {@link KafkaNode} (SASL_PLAINTEXT with PLAIN here; SCRAM over TLS is run in
 * deploy-check's SaslClientSettingsIT): its users get in, others do not, and the PLAINTEXT listener is unchanged.
 */
class KafkaNodeSaslIT {
    private static KafkaNode kafka;

    @BeforeAll
    static void start() {
        kafka = KafkaNode.forTests().withSaslListener(new KafkaNode.SaslListener(Ports.freePort(), "PLAIN",
                Map.of("reader", "reader-secret"), Map.of())).start();
        kafka.createTopics(Map.of("sasl.node.v1", 1));
    }

    @AfterAll
    static void stop() {
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void aUserOfTheListenerIsAuthenticated() throws Exception {
        try (Admin admin = Admin.create(sasl("reader", "reader-secret"))) {
            assertThat(admin.listTopics().names().get(20, TimeUnit.SECONDS)).contains("sasl.node.v1");
        }
    }

    @Test
    void aWrongPasswordIsRefused() {
        try (Admin admin = Admin.create(sasl("reader", "wrong"))) {
            assertThatThrownBy(() -> admin.listTopics().names().get(20, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(SaslAuthenticationException.class);
        }
    }

    @Test
    void thePlaintextListenerStaysAsItWas() throws Exception {
        assertThat(kafka.saslBootstrapServers()).isNotEqualTo(kafka.bootstrapServers());
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            assertThat(admin.listTopics().names().get(20, TimeUnit.SECONDS)).contains("sasl.node.v1");
        }
    }

    @Test
    void aNodeWithoutTheOptionHasNoSaslListener() {
        assertThatThrownBy(() -> KafkaNode.forTests().saslBootstrapServers())
                .isInstanceOf(IllegalStateException.class);
    }

    private static Map<String, Object> sasl(String user, String password) {
        Map<String, Object> settings = new HashMap<>();
        settings.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.saslBootstrapServers());
        settings.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_PLAINTEXT");
        settings.put(SaslConfigs.SASL_MECHANISM, "PLAIN");
        settings.put(SaslConfigs.SASL_JAAS_CONFIG, "org.apache.kafka.common.security.plain.PlainLoginModule required "
                + "username=\"" + user + "\" password=\"" + password + "\";");
        settings.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10000);
        settings.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 15000);
        return settings;
    }
}
