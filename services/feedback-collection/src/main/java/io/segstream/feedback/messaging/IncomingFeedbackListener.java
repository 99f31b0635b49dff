package io.segstream.feedback.messaging;

import io.segstream.contracts.Ids;
import io.segstream.contracts.Topics;
import io.segstream.feedback.domain.FeedbackIntake;
import io.segstream.feedback.domain.IntakeOutcome;
import io.segstream.feedback.domain.IntakePath;
import io.segstream.feedback.domain.Submission;
import io.segstream.runtime.messaging.DeadLetterPublisher;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/**
 * Feedback from survey, review and support tools (feedback.incoming.v1), a poll at a time: the whole batch goes
 * through the intake in one call (one bulk insert, one wait for Kafka's acknowledgements, one bulk update), then
 * each rejected message goes to feedback.incoming.v1.dlq with its code and message. A message of an erased customer
 * that occurred at or before the erasure is dropped, not dead-lettered (the dead-letter topic would keep the personal
 * data the erasure removed); the intake counts it (segstream.erasure.suppressed). Offsets are committed after
 * this returns, i.e. after everything is durable; if MongoDB is away the exception escapes and the runtime's error
 * handler redelivers the batch (already recorded items then come back as duplicates).
 */
@Component
class IncomingFeedbackListener {
    private static final Logger log = LoggerFactory.getLogger(IncomingFeedbackListener.class);

    private final FeedbackDecoder decoder;
    private final FeedbackIntake intake;
    private final DeadLetterPublisher deadLetters;

    IncomingFeedbackListener(FeedbackDecoder decoder, FeedbackIntake intake, DeadLetterPublisher deadLetters) {
        this.decoder = decoder;
        this.intake = intake;
        this.deadLetters = deadLetters;
    }

    @KafkaListener(id = "incoming-feedback", idIsGroup = false, topics = Topics.FEEDBACK_INCOMING)
    void onFeedback(List<ConsumerRecord<String, byte[]>> records) {
        List<Submission> submissions = new ArrayList<>(records.size());
        for (ConsumerRecord<String, byte[]> record : records) {
            submissions.add(decoder.decode(record.value()));
        }
        List<IntakeOutcome> outcomes = intake.receive(submissions, IntakePath.KAFKA);
        int dropped = 0;
        for (int i = 0; i < outcomes.size(); i++) {
            IntakeOutcome outcome = outcomes.get(i);
            if (outcome.status() == IntakeOutcome.Status.SUPPRESSED) {
                dropped++;
            } else if (outcome.status() == IntakeOutcome.Status.REJECTED) {
                ConsumerRecord<String, byte[]> record = records.get(i);
                log.info("dead-lettering {}-{}@{} (event {}): {}", record.topic(), record.partition(),
                        record.offset(), loggable(outcome.eventId()), outcome.rejection().code());
                deadLetters.deadLetter(record, outcome.rejection().code(), outcome.rejection().message());
            }
        }
        if (dropped > 0) {
            log.info("dropped {} message(s) of erased customers that occurred before their erasure", dropped);
        }
    }

    /**
     * The eventId as logged: only when it follows the id syntax. A refused message's "id" can be anything the
     * producer sent (megabytes, line breaks that forge log lines, RTL overrides, personal data).
     */
    static String loggable(String eventId) {
        return eventId == null ? null : Ids.isValid(eventId) ? eventId : "(not a valid id)";
    }
}
