package io.segstream.runtime.messaging;

import io.segstream.contracts.ContractJson;
import io.segstream.contracts.EventContract;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * Turns the bytes of an incoming message into a contract record, or a {@link ContractViolation} whose message names
 * the offending field without echoing the payload (it may hold personal data).
 */
public final class ContractDecoder {
    public static final String MALFORMED_JSON = "MALFORMED_JSON";
    public static final String INVALID_FIELD = "INVALID_FIELD";
    public static final String PAYLOAD_TOO_LARGE = "PAYLOAD_TOO_LARGE";
    public static final String EMPTY_PAYLOAD = "EMPTY_PAYLOAD";

    private final int maxBytes;

    public ContractDecoder(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    public <T> T decode(EventContract<T> contract, byte[] value) {
        if (value == null || value.length == 0) {
            throw new ContractViolation(EMPTY_PAYLOAD, "the message has no payload");
        }
        if (value.length > maxBytes) {
            throw new ContractViolation(PAYLOAD_TOO_LARGE,
                    "the payload has " + value.length + " bytes, more than the limit of " + maxBytes);
        }
        try {
            T decoded = ContractJson.mapper().readValue(value, contract.payloadType());
            if (decoded == null) {
                throw new ContractViolation(MALFORMED_JSON, "the payload is JSON null");
            }
            return decoded;
        } catch (InvalidFormatException e) {
            throw new ContractViolation(INVALID_FIELD, "field " + JsonErrors.path(e) + " has an invalid value");
        } catch (MismatchedInputException e) {
            throw new ContractViolation(INVALID_FIELD, "field " + JsonErrors.path(e) + " has the wrong type");
        } catch (StreamConstraintsException e) {
            throw new ContractViolation(MALFORMED_JSON, "the payload exceeds a JSON limit: " + e.getOriginalMessage());
        } catch (JacksonException e) {
            throw new ContractViolation(MALFORMED_JSON, "the payload is not valid JSON");
        }
    }
}
