package io.segstream.purchases.messaging;

import io.segstream.contracts.Ids;
import io.segstream.contracts.Topics;
import io.segstream.purchases.domain.IntakePath;
import io.segstream.purchases.domain.IntakeResult;
import io.segstream.purchases.domain.IntakeStatus;
import io.segstream.purchases.domain.PurchaseIntake;
import io.segstream.purchases.domain.RejectionCode;
import io.segstream.purchases.domain.Submission;
import io.segstream.runtime.erasure.ErasedCustomers;
import io.segstream.runtime.messaging.DeadLetterPublisher;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * Purchases and refunds from POS systems and order pipelines (purchases.incoming.v1), a poll at a time: the whole
 * batch goes through the intake in one call (bulk reads and writes, one wait for Kafka's acknowledgements), then each
 * rejected message goes to purchases.incoming.v1.dlq with its code. Offsets are committed after this returns, i.e.
 * after everything is durable; if the store is away the exception escapes and the batch is redelivered.
 *
 * <p>An event of an erased customer that occurred at or before the erasure is dropped and counted
 * ({@code segstream.erasure.suppressed}), never dead-lettered: the dead-letter topic would keep the personal data.
 * Logs name partitions, offsets, codes and well-formed eventIds, never a payload.
 */
@Component
class IncomingPurchasesListener {
    private static final Logger log = LoggerFactory.getLogger(IncomingPurchasesListener.class);

    private final SubmissionDecoder decoder;
    private final PurchaseIntake intake;
    private final DeadLetterPublisher deadLetters;
    private final ErasedCustomers erasedCustomers;

    IncomingPurchasesListener(SubmissionDecoder decoder, PurchaseIntake intake, DeadLetterPublisher deadLetters,
                              ErasedCustomers erasedCustomers) {
        this.decoder = decoder;
        this.intake = intake;
        this.deadLetters = deadLetters;
        this.erasedCustomers = erasedCustomers;
    }

    /** idIsGroup = false: the consumer group is spring.kafka.consumer.group-id (the service name), not the id. */
    @KafkaListener(id = "incoming-purchases", idIsGroup = false, topics = Topics.PURCHASES_INCOMING)
    void onPurchases(List<ConsumerRecord<String, byte[]>> records) {
        List<Submission> submissions = new ArrayList<>(records.size());
        for (ConsumerRecord<String, byte[]> record : records) {
            submissions.add(decoder.decode(record.value()));
        }
        List<IntakeResult> results = intake.take(submissions, IntakePath.KAFKA);
        long suppressed = 0;
        for (int i = 0; i < results.size(); i++) {
            IntakeResult result = results.get(i);
            if (result.status() != IntakeStatus.REJECTED) {
                continue;
            }
            if (result.rejection().code() == RejectionCode.CUSTOMER_ERASED) {
                suppressed++;
                continue;
            }
            ConsumerRecord<String, byte[]> record = records.get(i);
            log.info("dead-lettering {}-{}@{} (event {}): {}", record.topic(), record.partition(),
                    record.offset(), printable(result.eventId()), result.rejection().code());
            deadLetters.deadLetter(record, result.rejection().code().name(), result.rejection().message());
        }
        if (suppressed > 0) {
            erasedCustomers.countSuppressed(suppressed);
            log.info("dropped {} event(s) of erased customers that occurred before their erasure", suppressed);
        }
    }

    /** The eventId of a rejected message is whatever the producer sent: logged only when it is a well-formed id. */
    static String printable(String eventId) {
        return Ids.isValid(eventId) ? eventId : "unreadable";
    }
}
