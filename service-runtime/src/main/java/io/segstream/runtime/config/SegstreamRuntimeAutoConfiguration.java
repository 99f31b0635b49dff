package io.segstream.runtime.config;

import com.mongodb.client.MongoClient;
import io.micrometer.core.instrument.MeterRegistry;
import io.segstream.contracts.ContractJson;
import io.segstream.runtime.audit.AuditController;
import io.segstream.runtime.audit.AuditTrail;
import io.segstream.runtime.erasure.CustomerDataEraser;
import io.segstream.runtime.erasure.CustomerErasure;
import io.segstream.runtime.erasure.ErasedCustomers;
import io.segstream.runtime.erasure.ErasureController;
import io.segstream.runtime.erasure.ErasureListener;
import io.segstream.runtime.erasure.ErasureProperties;
import io.segstream.runtime.health.KafkaBrokerHealthIndicator;
import io.segstream.runtime.health.MongoPingHealthIndicator;
import io.segstream.runtime.messaging.ContractDecoder;
import io.segstream.runtime.messaging.ContractEventPublisher;
import io.segstream.runtime.messaging.DeadLetterPublisher;
import io.segstream.runtime.outbox.Outbox;
import io.segstream.runtime.resilience.CircuitAwareBackOff;
import io.segstream.runtime.resilience.CircuitBatchInterceptor;
import io.segstream.runtime.resilience.DatabaseCircuit;
import io.segstream.runtime.resilience.DatabaseCircuitProperties;
import io.segstream.runtime.resilience.DatabaseProbe;
import io.segstream.runtime.resilience.DatabaseUnavailableFilter;
import io.segstream.runtime.outbox.OutboxProperties;
import io.segstream.runtime.outbox.OutboxRelay;
import io.segstream.runtime.web.ProblemResponses;
import io.segstream.runtime.web.RequestSizeLimitFilter;
import org.apache.kafka.clients.admin.Admin;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.boot.micrometer.metrics.autoconfigure.MeterRegistryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.core.Ordered;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

import java.time.Clock;
import java.time.Duration;

/** Wires what every Segstream service shares; each service only adds its own domain, messaging and web. */
@AutoConfiguration
@EnableConfigurationProperties({RuntimeProperties.class, OutboxProperties.class, ErasureProperties.class,
        DatabaseCircuitProperties.class})
public class SegstreamRuntimeAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** Stops the service when the local stack's launcher dies; see {@link LauncherWatch}. */
    @Bean
    @ConditionalOnProperty("segstream.parent-pid")
    LauncherWatch launcherWatch(@Value("${segstream.parent-pid}") long parentPid,
                                @Value("${segstream.parent-watch-interval:2s}") Duration interval,
                                ConfigurableApplicationContext context) {
        return new LauncherWatch(parentPid, interval, context);
    }

    @Bean
    JsonMapperBuilderCustomizer contractJsonConventions() {
        return ContractJson::configure;
    }

    @Bean
    MeterRegistryCustomizer<MeterRegistry> applicationTag(@Value("${spring.application.name}") String application) {
        return registry -> registry.config().commonTags("application", application);
    }

    @Bean
    ContractEventPublisher contractEventPublisher(KafkaTemplate<String, byte[]> template, RuntimeProperties props) {
        return new ContractEventPublisher(template, props.eventSource());
    }

    @Bean
    ContractDecoder contractDecoder(RuntimeProperties props) {
        return new ContractDecoder((int) props.maxMessageSize().toBytes());
    }

    @Bean
    DeadLetterPublisher deadLetterPublisher(KafkaTemplate<String, byte[]> template, MeterRegistry meters, Clock clock,
                                            RuntimeProperties props) {
        return new DeadLetterPublisher(template, meters, clock, props.kafkaSendTimeout().toMillis());
    }

    /**
     * Listener failures that escape a handler are infrastructure failures (MongoDB or Kafka away): the batch is
     * retried with backoff, without end, so the consumer pauses instead of skipping. Bad messages never get here:
     * handlers dead-letter them.
     */
    @Bean
    CommonErrorHandler retryUntilRecovered(RuntimeProperties props, ObjectProvider<DatabaseCircuit> circuit) {
        ExponentialBackOff backOff = new ExponentialBackOff(props.retryInitialInterval().toMillis(), 2.0);
        backOff.setMaxInterval(props.retryMaxInterval().toMillis());
        DatabaseCircuit database = circuit.getIfAvailable();
        return new DefaultErrorHandler(database == null ? backOff : new CircuitAwareBackOff(backOff, database));
    }

    @Bean
    @ConditionalOnProperty(name = "segstream.resilience.mongo.enabled", matchIfMissing = true)
    DatabaseCircuit databaseCircuit(DatabaseCircuitProperties props, MeterRegistry meters) {
        return new DatabaseCircuit(props, meters);
    }

    @Bean
    @ConditionalOnProperty(name = "segstream.resilience.mongo.enabled", matchIfMissing = true)
    DatabaseProbe databaseProbe(DatabaseCircuit circuit, MongoClient client, DatabaseCircuitProperties props,
                                @Value("${spring.application.name}") String application) {
        return new DatabaseProbe(circuit, client, props, application);
    }

    @Bean
    @ConditionalOnProperty(name = "segstream.resilience.mongo.enabled", matchIfMissing = true)
    CircuitBatchInterceptor circuitBatchInterceptor(DatabaseCircuit circuit) {
        return new CircuitBatchInterceptor(circuit);
    }

    /** After Spring Security's filter (order -100): callers are authenticated before they learn of an outage. */
    @Bean
    @ConditionalOnProperty(name = "segstream.resilience.mongo.enabled", matchIfMissing = true)
    FilterRegistrationBean<DatabaseUnavailableFilter> databaseUnavailableFilter(DatabaseCircuit circuit) {
        FilterRegistrationBean<DatabaseUnavailableFilter> registration = new FilterRegistrationBean<>(
                new DatabaseUnavailableFilter(circuit));
        registration.addUrlPatterns("/api/*");
        registration.setOrder(0);
        return registration;
    }

    /** Republishes what every {@link Outbox} bean of the service recorded but could not publish. */
    @Bean
    @ConditionalOnMissingBean
    OutboxRelay outboxRelay(ObjectProvider<Outbox<?>> outboxes, OutboxProperties props) {
        return new OutboxRelay(outboxes.orderedStream().toList(), props);
    }

    @Bean
    ProblemResponses problemResponses() {
        return new ProblemResponses();
    }

    @Bean
    FilterRegistrationBean<RequestSizeLimitFilter> requestSizeLimitFilter(RuntimeProperties props) {
        FilterRegistrationBean<RequestSizeLimitFilter> registration = new FilterRegistrationBean<>(
                new RequestSizeLimitFilter(props.maxRequestSize().toBytes(), props.maxBatchRequestSize().toBytes()));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    @Bean
    MongoPingHealthIndicator mongoHealthIndicator(MongoClient client) {
        return new MongoPingHealthIndicator(client);
    }

    @Bean(destroyMethod = "close")
    Admin kafkaHealthAdmin(KafkaProperties kafka) {
        return Admin.create(kafka.buildAdminProperties());
    }

    @Bean
    KafkaBrokerHealthIndicator kafkaHealthIndicator(Admin kafkaHealthAdmin, RuntimeProperties props) {
        return new KafkaBrokerHealthIndicator(kafkaHealthAdmin, props.healthTimeout().toMillis());
    }

    @Bean
    AuditTrail auditTrail(MongoTemplate mongo, Clock clock) {
        return new AuditTrail(mongo, clock);
    }

    @Bean
    AuditController auditController(AuditTrail auditTrail) {
        return new AuditController(auditTrail);
    }

    @Bean
    ErasedCustomers erasedCustomers(MongoTemplate mongo, MeterRegistry meters) {
        return new ErasedCustomers(mongo, meters);
    }

    @Bean
    CustomerErasure customerErasure(ObjectProvider<CustomerDataEraser> erasers, ErasedCustomers erasedCustomers,
                                    AuditTrail auditTrail, ErasureProperties props, Clock clock,
                                    @Value("${spring.application.name}") String application, MeterRegistry meters) {
        return new CustomerErasure(erasers.orderedStream().toList(), erasedCustomers, auditTrail, props, clock,
                application, meters);
    }

    @Bean
    ErasureListener erasureListener(CustomerErasure customerErasure, ContractDecoder decoder,
                                    DeadLetterPublisher deadLetters) {
        return new ErasureListener(customerErasure, decoder, deadLetters);
    }

    @Bean
    ErasureController erasureController(ContractEventPublisher publisher, AuditTrail auditTrail, Clock clock,
                                        RuntimeProperties runtime, ErasureProperties props) {
        return new ErasureController(publisher, auditTrail, clock, runtime.kafkaSendTimeout(), props.retryAfter());
    }
}
