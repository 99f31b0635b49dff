package io.segstream.localstack;

import io.segstream.contracts.CloudEventHeaders;
import io.segstream.contracts.ContractJson;
import io.segstream.contracts.EventContract;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

/** Publishes contract events the way an outside system does: JSON payload, CloudEvents headers, key = customerId. */
public final class ContractProducer implements AutoCloseable {
    private final KafkaProducer<String, byte[]> producer;
    private final String source;

    public ContractProducer(String bootstrapServers, String source) {
        this.source = source;
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 5));
    }

    public <T> void send(EventContract<T> contract, String key, String eventId, Instant time, T payload) {
        sendRaw(contract, key, eventId, time, ContractJson.mapper().writeValueAsBytes(payload));
    }

    /** Sends bytes as they are: also used to send deliberately malformed payloads in the demo and the tests. */
    public void sendRaw(EventContract<?> contract, String key, String eventId, Instant time, byte[] value) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(contract.topic(), key, value);
        CloudEventHeaders.forEvent(contract, eventId, source, time)
                .forEach((name, text) -> record.headers().add(name, text.getBytes(StandardCharsets.UTF_8)));
        producer.send(record);
    }

    public void flush() {
        producer.flush();
    }

    @Override
    public void close() {
        producer.close();
    }
}
