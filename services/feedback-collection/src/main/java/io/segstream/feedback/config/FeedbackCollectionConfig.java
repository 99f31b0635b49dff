package io.segstream.feedback.config;

import io.micrometer.core.instrument.MeterRegistry;
import io.segstream.contracts.feedback.FeedbackRecorded;
import io.segstream.contracts.registry.Contracts;
import io.segstream.feedback.domain.FeedbackIntake;
import io.segstream.feedback.domain.FeedbackLedger;
import io.segstream.feedback.domain.FeedbackRules;
import io.segstream.feedback.domain.FeedbackUnderstanding;
import io.segstream.feedback.domain.Lexicon;
import io.segstream.feedback.domain.NpsRollup;
import io.segstream.feedback.domain.TextUnderstanding;
import io.segstream.feedback.messaging.FeedbackDecoder;
import io.segstream.feedback.domain.Tombstones;
import io.segstream.feedback.store.MongoFeedbackEraser;
import io.segstream.feedback.store.MongoFeedbackLedger;
import io.segstream.feedback.store.MongoTombstones;
import io.segstream.runtime.config.RuntimeProperties;
import io.segstream.runtime.erasure.CustomerDataEraser;
import io.segstream.runtime.erasure.ErasedCustomers;
import io.segstream.runtime.messaging.ContractEventPublisher;
import io.segstream.runtime.outbox.Outbox;
import io.segstream.runtime.outbox.OutboxProperties;
import io.segstream.runtime.security.EndpointAccess;
import io.segstream.runtime.security.Role;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.MongoDatabaseFactory;
import org.springframework.http.HttpMethod;

import java.time.Clock;
import java.util.concurrent.TimeUnit;

/** Wires the domain to the lexicons, MongoDB (through the outbox), Kafka and the web layer. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(FeedbackProperties.class)
class FeedbackCollectionConfig {

    /**
     * Who may call what (service-runtime adds erasure, audit and actuator; anything not named here is refused).
     * Survey, review and support tools send feedback (INGEST); a customer's feedback, free text included, is read by
     * marketing and by ops handling a complaint; the NPS roll-up holds counts only and is read by the same roles.
     */
    @Bean
    EndpointAccess feedbackAccess() {
        return EndpointAccess.builder()
                .allow(HttpMethod.POST, "/api/v1/feedback", Role.INGEST)
                .allow(HttpMethod.POST, "/api/v1/feedback/batch", Role.INGEST)
                .allow(HttpMethod.GET, "/api/v1/customers/{customerId}/feedback", Role.MARKETING, Role.OPS)
                .allow(HttpMethod.GET, "/api/v1/nps", Role.MARKETING, Role.OPS)
                .build();
    }

    /** Fail fast (then 503 / batch retry) instead of the driver's 30 s default wait for a server. */
    @Bean
    MongoClientSettingsBuilderCustomizer mongoTimeouts(FeedbackProperties props) {
        long millis = props.store().mongoTimeout().toMillis();
        return settings -> settings
                .applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(millis, TimeUnit.MILLISECONDS))
                .applyToSocketSettings(socket -> socket.connectTimeout(millis, TimeUnit.MILLISECONDS));
    }

    @Bean
    Lexicon lexicon(FeedbackProperties props) {
        return LexiconLoader.load(props.lexicon());
    }

    @Bean
    FeedbackUnderstanding feedbackUnderstanding(Lexicon lexicon, FeedbackProperties props) {
        return new FeedbackUnderstanding(new TextUnderstanding(lexicon, props.understanding().settings()));
    }

    @Bean
    Outbox<FeedbackRecorded> feedbackOutbox(MongoDatabaseFactory mongo, ContractEventPublisher publisher,
                                            OutboxProperties outboxProps, MeterRegistry meters, Clock clock) {
        return new Outbox<>(mongo.getMongoDatabase().getCollection(MongoFeedbackLedger.COLLECTION),
                Contracts.FEEDBACK_RECORDED, publisher, outboxProps, meters, clock);
    }

    @Bean
    FeedbackLedger feedbackLedger(MongoDatabaseFactory mongo, Outbox<FeedbackRecorded> feedbackOutbox,
                                  FeedbackProperties props) {
        return new MongoFeedbackLedger(mongo.getMongoDatabase().getCollection(MongoFeedbackLedger.COLLECTION),
                feedbackOutbox, props.publishText());
    }

    /** Called by the runtime for every request on customers.erasure.v1. */
    @Bean
    CustomerDataEraser feedbackEraser(MongoDatabaseFactory mongo) {
        return new MongoFeedbackEraser(mongo.getMongoDatabase().getCollection(MongoFeedbackLedger.COLLECTION));
    }

    @Bean
    FeedbackIntake feedbackIntake(FeedbackUnderstanding understanding, FeedbackLedger ledger, FeedbackProperties props,
                                  ErasedCustomers erasedCustomers, MeterRegistry meters, Clock clock) {
        Tombstones tombstones = new MongoTombstones(erasedCustomers);
        return new FeedbackIntake(new FeedbackRules(props.intake().limits()), understanding, ledger,
                new FeedbackMetrics(meters), tombstones, clock);
    }

    @Bean
    NpsRollup npsRollup(FeedbackLedger ledger) {
        return new NpsRollup(ledger);
    }

    @Bean
    FeedbackDecoder feedbackDecoder(RuntimeProperties runtime) {
        return new FeedbackDecoder((int) runtime.maxMessageSize().toBytes());
    }
}
