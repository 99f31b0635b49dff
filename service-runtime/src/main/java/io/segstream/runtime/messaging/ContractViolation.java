package io.segstream.runtime.messaging;

/**
 * An incoming message or request that breaks the contract. {@code code} is the stable error code that goes into
 * problem+json responses and the x-error-code header of a dead-lettered message.
 */
public class ContractViolation extends RuntimeException {
    private final String code;

    public ContractViolation(String code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
