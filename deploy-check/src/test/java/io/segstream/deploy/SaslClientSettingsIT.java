package io.segstream.deploy;

import io.segstream.embedded.KafkaNode;
import io.segstream.embedded.Ports;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The Kafka client settings of docker-compose.secure.yml, run for real: a broker with a SASL_SSL listener using
 * SCRAM-SHA-512 (the embedded KafkaNode with a certificate made by keytool), and clients configured from the
 * overlay's variables exactly as a service configures them — bound to Spring Boot's KafkaProperties from the
 * environment and turned into client properties by it. Only the address and the trust store's path, which name
 * this machine, replace the overlay's. The same settings with a wrong password, without SASL or without the trust
 * store are refused. (MongoDB TLS cannot be run here: the embedded wire server speaks no TLS.)
 */
class SaslClientSettingsIT {
    private static final String USER_PASSWORD = "segstream-scram-secret";
    private static final String STORE_PASSWORD = "store-secret";
    private static final String TOPIC = "sasl.check.v1";

    private static Path dir;
    private static KafkaNode kafka;

    @BeforeAll
    static void startBrokerWithSaslSsl() throws Exception {
        dir = Files.createTempDirectory("segstream-sasl-");
        Path keystore = dir.resolve("broker.p12");
        Path certificate = dir.resolve("broker.pem");
        keytool("-genkeypair", "-alias", "broker", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", "CN=localhost", "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-storetype", "PKCS12",
                "-keystore", keystore.toString(), "-storepass", STORE_PASSWORD, "-keypass", STORE_PASSWORD);
        keytool("-exportcert", "-rfc", "-alias", "broker", "-keystore", keystore.toString(),
                "-storepass", STORE_PASSWORD, "-file", certificate.toString());
        keytool("-importcert", "-noprompt", "-alias", "segstream-ca", "-file", certificate.toString(),
                "-storetype", "PKCS12", "-keystore", dir.resolve("truststore.p12").toString(),
                "-storepass", STORE_PASSWORD);

        kafka = KafkaNode.forTests().withSaslListener(new KafkaNode.SaslListener(Ports.freePort(), "SCRAM-SHA-512",
                Map.of("segstream", USER_PASSWORD),
                Map.of("ssl.keystore.location", keystore.toString(), "ssl.keystore.type", "PKCS12",
                        "ssl.keystore.password", STORE_PASSWORD, "ssl.key.password", STORE_PASSWORD)));
        kafka.start();
        kafka.createTopics(Map.of(TOPIC, 1));
    }

    @AfterAll
    static void stopBroker() {
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void everyServiceOfTheOverlayHasTheSameKafkaSettings() {
        Map<String, String> first = kafkaVariables(Repository.SERVICES.get(0));

        assertThat(first).containsKeys("SPRING_KAFKA_SECURITY_PROTOCOL", "SPRING_KAFKA_PROPERTIES_SASL_MECHANISM",
                "SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG");
        Repository.SERVICES.forEach(name -> assertThat(kafkaVariables(name)).as(name).isEqualTo(first));
    }

    @Test
    void theOverlaysVariablesBecomeTheKafkaClientSecuritySettings() {
        Map<String, Object> producer = overlaySettings(USER_PASSWORD).buildProducerProperties();

        assertThat(producer).containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                .containsEntry("ssl.truststore.type", "PKCS12")
                .containsEntry("ssl.truststore.password", STORE_PASSWORD)
                .containsEntry("ssl.truststore.location", dir.resolve("truststore.p12").toAbsolutePath().toString());
        assertThat(String.valueOf(producer.get("sasl.jaas.config"))).isEqualTo(
                "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"segstream\" password=\""
                        + USER_PASSWORD + "\";");
        assertThat(overlaySettings(USER_PASSWORD).buildConsumerProperties())
                .containsEntry("security.protocol", "SASL_SSL").containsKey("sasl.jaas.config");
    }

    @Test
    void clientsWithTheOverlaysSettingsProduceAndConsume() throws Exception {
        KafkaProperties settings = overlaySettings(USER_PASSWORD);
        String value = "sasl-" + KafkaNode.uniqueSuffix();

        try (KafkaProducer<String, String> producer = producer(settings.buildProducerProperties())) {
            producer.send(new ProducerRecord<>(TOPIC, "customer-1", value)).get(30, TimeUnit.SECONDS);
        }
        Map<String, Object> consumerSettings = new HashMap<>(settings.buildConsumerProperties());
        consumerSettings.put(ConsumerConfig.GROUP_ID_CONFIG, "sasl-check-" + KafkaNode.uniqueSuffix());
        consumerSettings.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerSettings, new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of(TOPIC));
            List<String> values = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (!values.contains(value) && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    values.add(record.value());
                }
            }
            assertThat(values).contains(value);
        }
    }

    @Test
    void aWrongPasswordIsRefused() {
        Map<String, Object> settings = overlaySettings("not-the-password").buildProducerProperties();

        assertThatThrownBy(() -> send(settings)).hasRootCauseInstanceOf(SaslAuthenticationException.class);
    }

    @Test
    void aWrongPasswordCannotConsumeEither() {
        Map<String, Object> settings = new HashMap<>(overlaySettings("not-the-password").buildConsumerProperties());
        settings.put(ConsumerConfig.GROUP_ID_CONFIG, "sasl-check-" + KafkaNode.uniqueSuffix());
        settings.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");

        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(settings, new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of(TOPIC));
            assertThatThrownBy(() -> consumer.poll(Duration.ofSeconds(15)))
                    .isInstanceOf(SaslAuthenticationException.class);
        }
    }

    @Test
    void theListenerRefusesClientsWithoutSasl() {
        // TLS only (the overlay's settings minus SASL): the broker waits for a SASL handshake that never comes.
        Map<String, Object> settings = new HashMap<>(overlaySettings(USER_PASSWORD).buildProducerProperties());
        settings.put("security.protocol", "SSL");
        settings.remove("sasl.mechanism");
        settings.remove("sasl.jaas.config");

        assertThatThrownBy(() -> send(settings)).satisfies(failure -> assertThat(causes(failure))
                .anyMatch(org.apache.kafka.common.errors.TimeoutException.class::isInstance));
    }

    @Test
    void theListenerRefusesClientsWithoutTheTrustStore() {
        // The broker's certificate is signed by nobody the JVM trusts: the trust store of the overlay is needed.
        Map<String, Object> settings = new HashMap<>(overlaySettings(USER_PASSWORD).buildProducerProperties());
        settings.keySet().removeIf(key -> key.startsWith("ssl.truststore."));

        assertThatThrownBy(() -> send(settings)).satisfies(failure -> assertThat(causes(failure))
                .anyMatch(org.apache.kafka.common.errors.SslAuthenticationException.class::isInstance));
    }

    private static List<Throwable> causes(Throwable failure) {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable cause = failure; cause != null && !chain.contains(cause); cause = cause.getCause()) {
            chain.add(cause);
        }
        return chain;
    }

    /** The overlay's SPRING_KAFKA_* variables of a service, interpolated as Compose would with the test's secrets. */
    private static Map<String, String> kafkaVariables(String service) {
        return kafkaVariables(service, USER_PASSWORD);
    }

    private static Map<String, String> kafkaVariables(String service, String userPassword) {
        Map<String, String> variables = Map.of("SEGSTREAM_KAFKA_PASSWORD", userPassword,
                "SEGSTREAM_TLS_STORE_PASSWORD", STORE_PASSWORD);
        Map<String, String> result = new HashMap<>();
        SecureOverlay.composeOverlayEnvironment(service).forEach((name, value) -> {
            if (name.startsWith("SPRING_KAFKA_")) {
                result.put(name, SecureOverlay.interpolate(value, variables));
            }
        });
        return result;
    }

    /**
     * Spring Boot's KafkaProperties bound from the overlay's variables as a service's environment, the way the
     * service binds them; the bootstrap address and the trust store's path are this test's.
     */
    private static KafkaProperties overlaySettings(String userPassword) {
        Map<String, Object> environment = new HashMap<>(kafkaVariables(Repository.SERVICES.get(0), userPassword));
        assertThat(environment).containsKeys("SPRING_KAFKA_BOOTSTRAP_SERVERS", "SPRING_KAFKA_SSL_TRUST_STORE_LOCATION");
        environment.put("SPRING_KAFKA_BOOTSTRAP_SERVERS", kafka.saslBootstrapServers());
        environment.put("SPRING_KAFKA_SSL_TRUST_STORE_LOCATION", "file:" + dir.resolve("truststore.p12"));
        Binder binder = new Binder(ConfigurationPropertySources.from(new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, environment)));
        return binder.bind("spring.kafka", Bindable.ofInstance(new KafkaProperties())).get();
    }

    private static void send(Map<String, Object> settings) throws Exception {
        try (KafkaProducer<String, String> producer = producer(settings)) {
            producer.send(new ProducerRecord<>(TOPIC, "customer-1", "refused")).get(30, TimeUnit.SECONDS);
        }
    }

    private static KafkaProducer<String, String> producer(Map<String, Object> settings) {
        Map<String, Object> props = new HashMap<>(settings);
        // Fail fast when the broker is unreachable to this client, instead of the default minute.
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "8000");
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "10000");
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
        return new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
    }

    private static void keytool(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException("keytool " + String.join(" ", args) + " failed: " + output);
        }
    }
}
