package io.segstream.runtime.web;

/** Stable error codes for problems that any endpoint can produce. Services add their own for domain rules. */
public final class ProblemCodes {
    public static final String MALFORMED_JSON = "MALFORMED_JSON";
    public static final String INVALID_FIELD = "INVALID_FIELD";
    public static final String VALIDATION_FAILED = "VALIDATION_FAILED";
    public static final String UNSUPPORTED_MEDIA_TYPE = "UNSUPPORTED_MEDIA_TYPE";
    public static final String NOT_ACCEPTABLE = "NOT_ACCEPTABLE";
    public static final String PAYLOAD_TOO_LARGE = "PAYLOAD_TOO_LARGE";
    public static final String METHOD_NOT_ALLOWED = "METHOD_NOT_ALLOWED";
    public static final String NOT_FOUND = "NOT_FOUND";
    public static final String BAD_PARAMETER = "BAD_PARAMETER";
    public static final String SERVICE_UNAVAILABLE = "SERVICE_UNAVAILABLE";
    public static final String INTERNAL_ERROR = "INTERNAL_ERROR";

    private ProblemCodes() {
    }
}
