package io.segstream.runtime.messaging;

import io.segstream.contracts.ContractJson;
import io.segstream.contracts.EventContract;
import tools.jackson.databind.exc.InvalidFormatException;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns the bytes of a message of a recorded topic into a contract record, or throws a {@link ContractViolation}
 * whose message names the offending field without echoing the payload (it may hold personal data). The same reading
 * as the ingestion services' ({@link SubmissionReader}), for consumers that skip a bad record instead of answering it.
 */
public final class ContractDecoder {
    public static final String MALFORMED_JSON = SubmissionReader.MALFORMED_JSON;
    public static final String INVALID_FIELD = SubmissionReader.INVALID_FIELD;
    public static final String PAYLOAD_TOO_LARGE = SubmissionReader.PAYLOAD_TOO_LARGE;
    public static final String EMPTY_PAYLOAD = SubmissionReader.EMPTY_PAYLOAD;

    private final int maxBytes;
    private final Map<EventContract<?>, SubmissionReader<?>> readers = new ConcurrentHashMap<>();

    public ContractDecoder(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    public <T> T decode(EventContract<T> contract, byte[] value) {
        SubmissionReader.Read<T> read = reader(contract).read(value);
        if (!read.isReadable()) {
            throw new ContractViolation(read.code(), read.message());
        }
        return read.value();
    }

    @SuppressWarnings("unchecked")
    private <T> SubmissionReader<T> reader(EventContract<T> contract) {
        return (SubmissionReader<T>) readers.computeIfAbsent(contract, c -> new SubmissionReader<>(
                contract.payloadType(), ContractJson.mapper(), maxBytes,
                (properties, cause) -> new SubmissionReader.FieldFault(INVALID_FIELD,
                        cause instanceof InvalidFormatException ? " has an invalid value" : " has the wrong type"),
                "events", payload -> null));
    }
}
