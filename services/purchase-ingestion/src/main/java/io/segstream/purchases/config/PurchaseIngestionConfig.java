package io.segstream.purchases.config;

import com.mongodb.client.MongoDatabase;
import io.micrometer.core.instrument.MeterRegistry;
import io.segstream.contracts.purchase.PurchaseRecorded;
import io.segstream.contracts.registry.Contracts;
import io.segstream.purchases.domain.ExchangeRates;
import io.segstream.purchases.domain.OrderBook;
import io.segstream.purchases.domain.PurchaseIntake;
import io.segstream.purchases.domain.PurchaseLedger;
import io.segstream.purchases.domain.PurchaseRules;
import io.segstream.purchases.domain.ValidationPolicy;
import io.segstream.purchases.messaging.SubmissionDecoder;
import io.segstream.purchases.store.ErasureTombstones;
import io.segstream.purchases.store.MongoOrderBook;
import io.segstream.purchases.store.MongoPurchaseLedger;
import io.segstream.purchases.store.PurchaseDataEraser;
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

/** Wires the domain to MongoDB, Kafka, the web layer and service-runtime's security and erasure. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PurchaseIngestionProperties.class)
class PurchaseIngestionConfig {

    /** Fail fast (then 503 / batch retry) instead of the driver's 30 s default wait for a server. */
    @Bean
    MongoClientSettingsBuilderCustomizer mongoTimeouts(PurchaseIngestionProperties props) {
        long millis = props.mongoTimeout().toMillis();
        return settings -> settings
                .applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(millis, TimeUnit.MILLISECONDS))
                .applyToSocketSettings(socket -> socket.connectTimeout(millis, TimeUnit.MILLISECONDS));
    }

    /**
     * Who may call what (contracts.md): producers (INGEST) submit, marketing and operations (MARKETING, OPS) read a
     * customer's purchases; ADMIN may do everything. service-runtime adds erasure, audit and actuator; anything no
     * rule names is refused.
     */
    @Bean
    EndpointAccess purchaseAccess() {
        return EndpointAccess.builder()
                .allow(HttpMethod.POST, "/api/v1/purchases", Role.INGEST)
                .allow(HttpMethod.POST, "/api/v1/purchases/batch", Role.INGEST)
                .allow(HttpMethod.GET, "/api/v1/customers/{customerId}/purchases", Role.MARKETING, Role.OPS)
                .build();
    }

    @Bean
    ExchangeRates exchangeRates(PurchaseIngestionProperties props) {
        return new ExchangeRates(props.reportingCurrency(), props.rates());
    }

    @Bean
    PurchaseRules purchaseRules(PurchaseIngestionProperties props, ExchangeRates rates) {
        return new PurchaseRules(new ValidationPolicy(props.epoch(), props.maxClockSkew(),
                props.totalToleranceMinorUnits()), rates);
    }

    @Bean
    Outbox<PurchaseRecorded> purchaseOutbox(MongoDatabaseFactory mongo, ContractEventPublisher publisher,
                                            OutboxProperties outboxProps, MeterRegistry meters, Clock clock) {
        return new Outbox<>(database(mongo).getCollection(MongoPurchaseLedger.COLLECTION),
                Contracts.PURCHASE_RECORDED, publisher, outboxProps, meters, clock);
    }

    @Bean
    PurchaseLedger purchaseLedger(MongoDatabaseFactory mongo, Outbox<PurchaseRecorded> purchaseOutbox) {
        return new MongoPurchaseLedger(database(mongo).getCollection(MongoPurchaseLedger.COLLECTION), purchaseOutbox);
    }

    @Bean
    OrderBook orderBook(MongoDatabaseFactory mongo) {
        return new MongoOrderBook(database(mongo).getCollection(MongoOrderBook.COLLECTION));
    }

    /** Everything this service keeps of a customer goes on an erasure request (service-runtime calls it). */
    @Bean
    CustomerDataEraser purchaseDataEraser(MongoDatabaseFactory mongo) {
        return new PurchaseDataEraser(database(mongo).getCollection(MongoPurchaseLedger.COLLECTION),
                database(mongo).getCollection(MongoOrderBook.COLLECTION));
    }

    @Bean
    PurchaseIntake purchaseIntake(PurchaseRules rules, ExchangeRates rates, OrderBook orders, PurchaseLedger ledger,
                                  ErasedCustomers erasedCustomers, MeterRegistry meters, Clock clock) {
        return new PurchaseIntake(rules, rates, orders, ledger, new ErasureTombstones(erasedCustomers),
                new PurchaseMetrics(meters), clock);
    }

    @Bean
    SubmissionDecoder submissionDecoder(RuntimeProperties runtime) {
        return new SubmissionDecoder((int) runtime.maxMessageSize().toBytes());
    }

    private static MongoDatabase database(MongoDatabaseFactory mongo) {
        return mongo.getMongoDatabase();
    }
}
