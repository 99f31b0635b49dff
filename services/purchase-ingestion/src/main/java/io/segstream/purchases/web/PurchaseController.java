package io.segstream.purchases.web;

import io.segstream.contracts.Ids;
import io.segstream.purchases.config.PurchaseIngestionProperties;
import io.segstream.purchases.domain.IntakePath;
import io.segstream.purchases.domain.IntakeResult;
import io.segstream.purchases.domain.PurchaseHistory;
import io.segstream.purchases.domain.PurchaseIntake;
import io.segstream.purchases.domain.PurchaseLedger;
import io.segstream.purchases.domain.Rejection;
import io.segstream.purchases.domain.StoreUnavailableException;
import io.segstream.purchases.domain.Submission;
import io.segstream.runtime.messaging.MalformedBatchException;
import io.segstream.purchases.messaging.SubmissionDecoder;
import io.segstream.runtime.web.ProblemCodes;
import io.segstream.runtime.web.ProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The HTTP front door for e-commerce sites. Bodies are read as bytes and decoded by the same decoder as the Kafka
 * path, so a fault has the same code on both. See README.md for every status and code.
 */
@RestController
@RequestMapping("/api/v1")
class PurchaseController {

    private final SubmissionDecoder decoder;
    private final PurchaseIntake intake;
    private final PurchaseLedger ledger;
    private final PurchaseIngestionProperties props;

    PurchaseController(SubmissionDecoder decoder, PurchaseIntake intake, PurchaseLedger ledger,
                       PurchaseIngestionProperties props) {
        this.decoder = decoder;
        this.intake = intake;
        this.ledger = ledger;
        this.props = props;
    }

    /** 201 accepted and published, 202 accepted and left to the relay, 200 duplicate, else problem+json. */
    @PostMapping(path = "/purchases", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<PurchaseReceipt> submit(@RequestBody byte[] body) {
        IntakeResult result = available(() -> intake.take(decoder.decode(body), IntakePath.HTTP));
        return switch (result.status()) {
            case ACCEPTED -> ResponseEntity.status(result.published() ? HttpStatus.CREATED : HttpStatus.ACCEPTED)
                    .body(new PurchaseReceipt(result.eventId(), result.status().name(), result.published()));
            case DUPLICATE -> ResponseEntity.ok(new PurchaseReceipt(result.eventId(), result.status().name(), null));
            case REJECTED -> throw problem(result);
        };
    }

    /** 200 with one result per element; 400 when the body is not a JSON array, 413 above the batch limit. */
    @PostMapping(path = "/purchases/batch", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    BatchReceipt submitBatch(@RequestBody byte[] body) {
        List<Submission> submissions;
        try {
            submissions = decoder.decodeBatch(body);
        } catch (MalformedBatchException e) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, ProblemCodes.MALFORMED_JSON, e.getMessage());
        }
        if (submissions.size() > props.maxBatchSize()) {
            throw new ProblemException(HttpStatus.CONTENT_TOO_LARGE, WebCodes.BATCH_TOO_LARGE,
                    "a batch holds at most " + props.maxBatchSize() + " events; this one has " + submissions.size());
        }
        List<IntakeResult> results = available(() -> intake.take(submissions, IntakePath.HTTP));
        List<ItemResult> items = new ArrayList<>(results.size());
        int accepted = 0;
        int duplicates = 0;
        int rejected = 0;
        for (int i = 0; i < results.size(); i++) {
            IntakeResult result = results.get(i);
            Rejection why = result.rejection();
            switch (result.status()) {
                case ACCEPTED -> accepted++;
                case DUPLICATE -> duplicates++;
                case REJECTED -> rejected++;
            }
            items.add(new ItemResult(i, result.eventId(), result.status().name(),
                    switch (result.status()) {
                        case ACCEPTED -> result.published();
                        default -> null;
                    },
                    why == null ? null : why.code().name(), why == null ? null : why.message()));
        }
        return new BatchReceipt(accepted, duplicates, rejected, items);
    }

    /** A page of the customer's purchases and refunds, newest occurredAt first. */
    @GetMapping(path = "/customers/{customerId}/purchases", produces = MediaType.APPLICATION_JSON_VALUE)
    PurchasePage history(@PathVariable String customerId, @RequestParam(defaultValue = "0") int page,
                         @RequestParam(required = false) Integer size) {
        if (!Ids.isValid(customerId)) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, WebCodes.INVALID_ID, "customerId must match "
                    + Ids.PATTERN);
        }
        int pageSize = size == null ? props.defaultPageSize() : size;
        if (page < 0 || pageSize < 1 || pageSize > props.maxPageSize()) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, ProblemCodes.BAD_PARAMETER,
                    "page must be 0 or more and size between 1 and " + props.maxPageSize());
        }
        if ((long) page * pageSize > Integer.MAX_VALUE) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, ProblemCodes.BAD_PARAMETER, "page is too large");
        }
        PurchaseHistory history = available(() -> ledger.history(customerId, page, pageSize));
        int totalPages = (int) ((history.total() + pageSize - 1) / pageSize);
        return new PurchasePage(customerId, page, pageSize, history.total(), totalPages, history.purchases());
    }

    private <T> T available(Supplier<T> call) {
        try {
            return call.get();
        } catch (StoreUnavailableException e) {
            throw new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, ProblemCodes.SERVICE_UNAVAILABLE,
                    "the purchase store is not available; retry later", Map.of(), props.retryAfter());
        }
    }

    private static ProblemException problem(IntakeResult result) {
        Rejection why = result.rejection();
        HttpStatus status = switch (why.code().kind()) {
            case MALFORMED -> HttpStatus.BAD_REQUEST;
            case TOO_LARGE -> HttpStatus.CONTENT_TOO_LARGE;
            case MEDIA_TYPE -> HttpStatus.UNSUPPORTED_MEDIA_TYPE;
            case RULE -> HttpStatus.UNPROCESSABLE_CONTENT;
        };
        Map<String, Object> properties = new HashMap<>();
        if (result.eventId() != null) {
            properties.put("eventId", result.eventId());
        }
        return new ProblemException(status, why.code().name(), why.message(), properties, null);
    }
}
