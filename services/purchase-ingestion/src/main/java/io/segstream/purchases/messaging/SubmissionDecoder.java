package io.segstream.purchases.messaging;

import io.segstream.contracts.ContractJson;
import io.segstream.contracts.purchase.PurchaseSubmitted;
import io.segstream.purchases.domain.Rejection;
import io.segstream.purchases.domain.RejectionCode;
import io.segstream.purchases.domain.Submission;
import io.segstream.runtime.messaging.MalformedBatchException;
import io.segstream.runtime.messaging.SubmissionReader;
import io.segstream.runtime.messaging.SubmissionReader.FieldFault;
import io.segstream.runtime.messaging.SubmissionReader.Read;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.exc.MismatchedInputException;

import java.util.List;
import java.util.Set;

/**
 * Turns JSON into submissions for the intake, for both paths (a Kafka message, an HTTP body, one element of a batch
 * body), so that the same fault gets the same code everywhere. Syntax errors are MALFORMED_JSON; JSON that does not
 * fit the contract gets the code of the field that is wrong (an unknown channel is UNKNOWN_CHANNEL, a number where
 * money must be a decimal string is INVALID_AMOUNT, ...). Messages name fields, never values.
 */
public final class SubmissionDecoder {
    private static final Set<String> MONEY_FIELDS = Set.of("totalAmount", "discountAmount", "unitPrice");

    private final SubmissionReader<PurchaseSubmitted> reader;

    /** @param maxBytes largest single message accepted (a batch body is limited by the HTTP layer instead) */
    public SubmissionDecoder(int maxBytes) {
        // The contract mapper: strict types (a quantity of 2.5 or "2" is an error, not 2), unknown fields dropped.
        this.reader = new SubmissionReader<>(PurchaseSubmitted.class, ContractJson.mapper(), maxBytes,
                SubmissionDecoder::fault, "purchase events", PurchaseSubmitted::eventId);
    }

    /** One purchase from a whole message or request body. */
    public Submission decode(byte[] value) {
        return submission(reader.read(value));
    }

    /**
     * The elements of a batch body, each decoded on its own.
     *
     * @throws MalformedBatchException when the body is not a JSON array
     */
    public List<Submission> decodeBatch(byte[] body) {
        return reader.readBatch(body).stream().map(SubmissionDecoder::submission).toList();
    }

    /** One element of a batch body. */
    Submission decodeElement(JsonNode element) {
        return submission(reader.readElement(element));
    }

    private static Submission submission(Read<PurchaseSubmitted> read) {
        return read.isReadable() ? Submission.of(read.value())
                : Submission.unreadable(new Rejection(RejectionCode.valueOf(read.code()), read.message()),
                read.eventId());
    }

    /** The innermost property names the fault: items[0].quantity is a quantity problem. */
    private static FieldFault fault(List<String> properties, DatabindException cause) {
        String field = properties.get(properties.size() - 1);
        RejectionCode code = switch (field) {
            case "channel" -> RejectionCode.UNKNOWN_CHANNEL;
            case "type" -> RejectionCode.UNKNOWN_TYPE;
            case "occurredAt" -> RejectionCode.INVALID_TIMESTAMP;
            case "quantity" -> RejectionCode.INVALID_QUANTITY;
            default -> MONEY_FIELDS.contains(field) ? RejectionCode.INVALID_AMOUNT : RejectionCode.INVALID_FIELD;
        };
        String why = switch (code) {
            case UNKNOWN_CHANNEL -> " is not one of ONLINE, MOBILE_APP, STORE, MARKETPLACE, PHONE";
            case UNKNOWN_TYPE -> " is not PURCHASE or REFUND";
            case INVALID_TIMESTAMP -> " is not an ISO-8601 instant such as 2026-11-20T09:14:03Z";
            case INVALID_QUANTITY -> " is not a positive integer";
            case INVALID_AMOUNT -> " must be a decimal string such as \"129.90\"";
            default -> cause instanceof MismatchedInputException ? " has the wrong type" : " has an invalid value";
        };
        return new FieldFault(code.name(), why);
    }
}
