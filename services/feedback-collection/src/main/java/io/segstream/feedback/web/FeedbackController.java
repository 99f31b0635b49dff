package io.segstream.feedback.web;

import io.segstream.contracts.Ids;
import io.segstream.feedback.config.FeedbackProperties;
import io.segstream.feedback.domain.FeedbackIntake;
import io.segstream.feedback.domain.FeedbackLedger;
import io.segstream.feedback.domain.FeedbackPage;
import io.segstream.feedback.domain.IntakeOutcome;
import io.segstream.feedback.domain.IntakePath;
import io.segstream.feedback.domain.NpsRollup;
import io.segstream.feedback.domain.Rejection;
import io.segstream.feedback.domain.RejectionCodes;
import io.segstream.feedback.domain.StoreUnavailableException;
import io.segstream.feedback.domain.Submission;
import io.segstream.feedback.domain.Understanding;
import io.segstream.feedback.messaging.FeedbackDecoder;
import io.segstream.runtime.messaging.MalformedBatchException;
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

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The HTTP side of feedback-collection. Bodies are read as bytes and decoded by the same decoder as the Kafka path,
 * so a fault has the same code on both. Statuses and codes: docs/contracts-feedback-collection.md.
 */
@RestController
@RequestMapping("/api/v1")
class FeedbackController {

    private final FeedbackDecoder decoder;
    private final FeedbackIntake intake;
    private final FeedbackLedger ledger;
    private final NpsRollup nps;
    private final FeedbackProperties props;

    FeedbackController(FeedbackDecoder decoder, FeedbackIntake intake, FeedbackLedger ledger, NpsRollup nps,
                       FeedbackProperties props) {
        this.decoder = decoder;
        this.intake = intake;
        this.ledger = ledger;
        this.nps = nps;
        this.props = props;
    }

    /** 201 accepted and published, 202 accepted and left to the relay, 200 duplicate, else problem+json. */
    @PostMapping(path = "/feedback", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<FeedbackReceipt> submit(@RequestBody byte[] body) {
        IntakeOutcome outcome = available(() -> intake.receive(decoder.decode(body), IntakePath.HTTP));
        return switch (outcome.status()) {
            case ACCEPTED -> ResponseEntity.status(outcome.published() ? HttpStatus.CREATED : HttpStatus.ACCEPTED)
                    .body(new FeedbackReceipt(outcome.eventId(), outcome.status().name(), outcome.published(),
                            UnderstandingView.of(outcome.recorded().understanding())));
            case DUPLICATE -> ResponseEntity.ok(new FeedbackReceipt(outcome.eventId(), outcome.status().name(),
                    null, null));
            case REJECTED, SUPPRESSED -> throw problem(outcome);
        };
    }

    /** 200 with one result per item; 400 when the body is not a JSON array, 413 above the item limit. */
    @PostMapping(path = "/feedback/batch", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    BatchReceipt submitBatch(@RequestBody byte[] body) {
        List<Submission> submissions;
        try {
            submissions = decoder.decodeBatch(body);
        } catch (MalformedBatchException e) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, ProblemCodes.MALFORMED_JSON, e.getMessage());
        }
        int limit = props.intake().maxBatchItems();
        if (submissions.size() > limit) {
            throw new ProblemException(HttpStatus.CONTENT_TOO_LARGE, WebCodes.BATCH_TOO_LARGE,
                    "a batch holds at most " + limit + " items; this one has " + submissions.size());
        }
        if (submissions.isEmpty()) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, WebCodes.BATCH_EMPTY,
                    "the batch holds no items");
        }
        List<IntakeOutcome> outcomes = available(() -> intake.receive(submissions, IntakePath.HTTP));
        List<ItemResult> items = new ArrayList<>(outcomes.size());
        int accepted = 0;
        int duplicates = 0;
        int rejected = 0;
        for (int i = 0; i < outcomes.size(); i++) {
            IntakeOutcome outcome = outcomes.get(i);
            switch (outcome.status()) {
                case ACCEPTED -> {
                    accepted++;
                    Understanding u = outcome.recorded().understanding();
                    items.add(new ItemResult(i, outcome.eventId(), outcome.status().name(), outcome.published(),
                            u.topics(), u.sentiment(), null, null));
                }
                case DUPLICATE -> {
                    duplicates++;
                    items.add(new ItemResult(i, outcome.eventId(), outcome.status().name(), null, null, null, null,
                            null));
                }
                case REJECTED, SUPPRESSED -> {
                    rejected++;
                    Rejection why = outcome.rejection();
                    // A suppressed item is reported as REJECTED with code CUSTOMER_ERASED: three statuses only.
                    items.add(new ItemResult(i, outcome.eventId(), IntakeOutcome.Status.REJECTED.name(), null, null,
                            null, why.code(), why.message()));
                }
            }
        }
        return new BatchReceipt(accepted, duplicates, rejected, items);
    }

    /** A page of the customer's feedback, newest occurredAt first, each with how it was understood. */
    @GetMapping(path = "/customers/{customerId}/feedback", produces = MediaType.APPLICATION_JSON_VALUE)
    CustomerFeedbackPage history(@PathVariable String customerId, @RequestParam(defaultValue = "0") int page,
                                 @RequestParam(required = false) Integer size) {
        if (!Ids.isValid(customerId)) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, WebCodes.INVALID_ID,
                    "customerId must match " + Ids.PATTERN);
        }
        int pageSize = size == null ? props.query().defaultPageSize() : size;
        if (page < 0 || pageSize < 1 || pageSize > props.query().maxPageSize()) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, ProblemCodes.BAD_PARAMETER,
                    "page must be 0 or more and size between 1 and " + props.query().maxPageSize());
        }
        if ((long) page * pageSize > Integer.MAX_VALUE) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, ProblemCodes.BAD_PARAMETER, "page is too large");
        }
        FeedbackPage found = available(() -> ledger.ofCustomer(customerId, page, pageSize));
        return new CustomerFeedbackPage(customerId, page, pageSize, found.hasMore(),
                found.items().stream().map(FeedbackView::of).toList());
    }

    /**
     * NPS of the NPS answers that occurred in [from, to): promoters, passives, detractors and the NPS, overall and
     * per channel. from and to are ISO-8601 instants or dates (a date is its start, 00:00 UTC).
     */
    @GetMapping(path = "/nps", produces = MediaType.APPLICATION_JSON_VALUE)
    NpsView nps(@RequestParam String from, @RequestParam String to) {
        Instant start = instant("from", from);
        Instant end = instant("to", to);
        if (!start.isBefore(end)) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, WebCodes.INVALID_PERIOD, "from must be before to");
        }
        return NpsView.of(available(() -> nps.between(start, end)));
    }

    private static Instant instant(String name, String value) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException notAnInstant) {
            try {
                return LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (DateTimeParseException notADate) {
                throw new ProblemException(HttpStatus.BAD_REQUEST, WebCodes.INVALID_PERIOD,
                        name + " must be an ISO-8601 instant (2026-11-01T00:00:00Z) or date (2026-11-01)");
            }
        }
    }

    private <T> T available(Supplier<T> call) {
        try {
            return call.get();
        } catch (StoreUnavailableException e) {
            throw new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, ProblemCodes.SERVICE_UNAVAILABLE,
                    "the feedback store is not available; retry later", Map.of(), props.store().retryAfter());
        }
    }

    private static ProblemException problem(IntakeOutcome outcome) {
        Rejection why = outcome.rejection();
        Map<String, Object> properties = outcome.eventId() == null ? Map.of() : Map.of("eventId", outcome.eventId());
        return new ProblemException(statusOf(why.code()), why.code(), why.message(), properties, null);
    }

    /** Unreadable payloads are 400, oversized ones 413, broken feedback rules and erased customers 422. */
    static HttpStatus statusOf(String code) {
        return switch (code) {
            case RejectionCodes.MALFORMED_JSON, RejectionCodes.INVALID_FIELD, RejectionCodes.EMPTY_PAYLOAD ->
                    HttpStatus.BAD_REQUEST;
            case RejectionCodes.PAYLOAD_TOO_LARGE -> HttpStatus.CONTENT_TOO_LARGE;
            default -> HttpStatus.UNPROCESSABLE_CONTENT;
        };
    }
}
