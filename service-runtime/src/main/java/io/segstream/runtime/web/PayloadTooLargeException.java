package io.segstream.runtime.web;

/** A request body that is larger than the configured limit for its endpoint. */
public class PayloadTooLargeException extends RuntimeException {
    public PayloadTooLargeException(long limitBytes) {
        super("the request body is larger than the limit of " + limitBytes + " bytes", null, false, false);
    }
}
