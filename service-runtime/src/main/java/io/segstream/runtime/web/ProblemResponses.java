package io.segstream.runtime.web;

import io.segstream.runtime.messaging.ContractViolation;
import io.segstream.runtime.messaging.JsonErrors;
import io.segstream.contracts.ContractJson;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Every error of every service as RFC 9457 problem+json with a stable {@code code} member. Framework errors get
 * their code here; services map their own exceptions in advice of higher precedence. Responses never contain a
 * stack trace or the rejected payload.
 */
@RestControllerAdvice
@Order(ProblemResponses.ORDER)
public class ProblemResponses extends ResponseEntityExceptionHandler {
    /** Before Boot's own problem-details handler; a service advice that must win uses a smaller order. */
    public static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 100;
    private static final Logger log = LoggerFactory.getLogger(ProblemResponses.class);

    /**
     * Writes a problem+json answer straight to the servlet response, for filters and handlers that run outside
     * Spring MVC (authentication, rate limits, the database circuit, the firewall).
     */
    public static void write(HttpServletResponse response, HttpStatus status, String code, String detail,
                             String instance) throws IOException {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", status.getReasonPhrase());
        problem.put("status", status.value());
        problem.put("detail", detail);
        problem.put("instance", instance);
        problem.put("code", code);
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        ContractJson.mapper().writeValue(response.getOutputStream(), problem);
    }

    public static ProblemDetail problem(HttpStatusCode status, String code, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setProperty("code", code);
        return problem;
    }

    @ExceptionHandler(ContractViolation.class)
    ResponseEntity<ProblemDetail> contractViolation(ContractViolation e) {
        return ResponseEntity.unprocessableContent()
                .body(problem(HttpStatus.UNPROCESSABLE_CONTENT, e.code(), e.getMessage()));
    }

    @ExceptionHandler(ProblemException.class)
    ResponseEntity<ProblemDetail> problemException(ProblemException e) {
        ProblemDetail body = problem(e.status(), e.code(), e.getMessage());
        e.properties().forEach(body::setProperty);
        ResponseEntity.BodyBuilder response = ResponseEntity.status(e.status());
        if (e.retryAfter() != null) {
            response.header(HttpHeaders.RETRY_AFTER, String.valueOf(Math.max(1, e.retryAfter().toSeconds())));
        }
        return response.body(body);
    }

    @ExceptionHandler(PayloadTooLargeException.class)
    ResponseEntity<ProblemDetail> payloadTooLarge(PayloadTooLargeException e) {
        return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
                .body(problem(HttpStatus.CONTENT_TOO_LARGE, ProblemCodes.PAYLOAD_TOO_LARGE, e.getMessage()));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        String reference = UUID.randomUUID().toString();
        log.error("unexpected error, reference {}", reference, e);
        return ResponseEntity.internalServerError().body(problem(HttpStatus.INTERNAL_SERVER_ERROR,
                ProblemCodes.INTERNAL_ERROR, "an internal error occurred; reference " + reference));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        Throwable cause = ex.getCause();
        if (cause instanceof PayloadTooLargeException tooLarge) {
            return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(
                    problem(HttpStatus.CONTENT_TOO_LARGE, ProblemCodes.PAYLOAD_TOO_LARGE, tooLarge.getMessage()));
        }
        ProblemDetail body;
        if (cause instanceof InvalidFormatException invalid) {
            body = problem(HttpStatus.BAD_REQUEST, ProblemCodes.INVALID_FIELD,
                    "field " + JsonErrors.path(invalid) + " has an invalid value");
        } else if (cause instanceof MismatchedInputException mismatched && !mismatched.getPath().isEmpty()) {
            body = problem(HttpStatus.BAD_REQUEST, ProblemCodes.INVALID_FIELD,
                    "field " + JsonErrors.path(mismatched) + " has the wrong type or is malformed");
        } else if (cause instanceof StreamConstraintsException limits) {
            body = problem(HttpStatus.BAD_REQUEST, ProblemCodes.MALFORMED_JSON,
                    "the request exceeds a JSON limit: " + limits.getOriginalMessage());
        } else if (cause instanceof JacksonException || cause == null) {
            body = problem(HttpStatus.BAD_REQUEST, ProblemCodes.MALFORMED_JSON, "the request body is not valid JSON");
        } else {
            body = problem(HttpStatus.BAD_REQUEST, ProblemCodes.MALFORMED_JSON, "the request body cannot be read");
        }
        return ResponseEntity.badRequest().headers(headers).body(body);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        List<Map<String, String>> errors = ex.getBindingResult().getFieldErrors().stream()
                .map(ProblemResponses::fieldError)
                .toList();
        ProblemDetail body = problem(HttpStatus.UNPROCESSABLE_CONTENT, ProblemCodes.VALIDATION_FAILED,
                errors.size() + " field(s) are invalid");
        body.setProperty("errors", errors);
        return ResponseEntity.unprocessableContent().headers(headers).body(body);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
                                                                            HttpHeaders headers,
                                                                            HttpStatusCode status,
                                                                            WebRequest request) {
        ProblemDetail body = problem(HttpStatus.UNPROCESSABLE_CONTENT, ProblemCodes.VALIDATION_FAILED,
                "the request is invalid: " + ex.getAllErrors().stream()
                        .map(error -> error.getDefaultMessage()).toList());
        return ResponseEntity.unprocessableContent().headers(headers).body(body);
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
                                                             HttpStatusCode statusCode, WebRequest request) {
        // Spring passes a null body for its own exceptions and takes the ErrorResponse's ProblemDetail later.
        ProblemDetail problem = body instanceof ProblemDetail given ? given
                : body == null && ex instanceof ErrorResponse errorResponse ? errorResponse.getBody() : null;
        if (problem != null && (problem.getProperties() == null || !problem.getProperties().containsKey("code"))) {
            problem.setProperty("code", codeFor(ex, statusCode));
        }
        return super.handleExceptionInternal(ex, body, headers, statusCode, request);
    }

    private static String codeFor(Exception ex, HttpStatusCode status) {
        if (ex instanceof HttpMediaTypeNotSupportedException) {
            return ProblemCodes.UNSUPPORTED_MEDIA_TYPE;
        }
        if (ex instanceof HttpMediaTypeNotAcceptableException) {
            return ProblemCodes.NOT_ACCEPTABLE;
        }
        if (ex instanceof HttpRequestMethodNotSupportedException) {
            return ProblemCodes.METHOD_NOT_ALLOWED;
        }
        if (ex instanceof NoResourceFoundException) {
            return ProblemCodes.NOT_FOUND;
        }
        if (status.value() == HttpStatus.CONTENT_TOO_LARGE.value()) {
            return ProblemCodes.PAYLOAD_TOO_LARGE;
        }
        if (status.is4xxClientError()) {
            return ProblemCodes.BAD_PARAMETER;
        }
        return ProblemCodes.INTERNAL_ERROR;
    }

    private static Map<String, String> fieldError(FieldError error) {
        return Map.of("field", error.getField(),
                "message", error.getDefaultMessage() == null ? "is invalid" : error.getDefaultMessage());
    }
}
