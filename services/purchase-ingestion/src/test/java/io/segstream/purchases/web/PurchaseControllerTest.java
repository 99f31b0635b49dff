package io.segstream.purchases.web;

import io.segstream.contracts.ContractJson;
import io.segstream.contracts.purchase.PurchaseSubmitted;
import io.segstream.purchases.config.PurchaseIngestionProperties;
import io.segstream.purchases.domain.ExchangeRates;
import io.segstream.purchases.domain.InMemoryLedger;
import io.segstream.purchases.domain.InMemoryOrderBook;
import io.segstream.purchases.domain.IntakeObserver;
import io.segstream.purchases.domain.PurchaseIntake;
import io.segstream.purchases.domain.PurchaseRules;
import io.segstream.purchases.domain.ValidationPolicy;
import io.segstream.purchases.messaging.SubmissionDecoder;
import io.segstream.runtime.web.ProblemResponses;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.http.converter.ByteArrayHttpMessageConverter;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.http.converter.json.ProblemDetailJacksonMixin;
import tools.jackson.databind.json.JsonMapper;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.segstream.purchases.domain.PurchaseMother.NOW;
import static io.segstream.purchases.domain.PurchaseMother.purchase;
import static io.segstream.purchases.domain.PurchaseMother.refundOf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The HTTP contract of the controller on the real domain with in-memory stores: statuses, bodies and codes, including
 * what the integration test cannot provoke (MongoDB away, Kafka not acknowledging). No Spring context.
 */
class PurchaseControllerTest {
    private static final PurchaseIngestionProperties PROPS = new PurchaseIngestionProperties(
            Instant.parse("1990-01-01T00:00:00Z"), Duration.ofMinutes(15), 1, 3, "CNY",
            Map.of("USD", new BigDecimal("7.15")), 2, 5, Duration.ofSeconds(7), Duration.ofSeconds(5));

    private static final String ERASED_CUSTOMER = "C-erased";
    private static final Instant ERASED_AT = NOW.minus(Duration.ofHours(1));

    private final InMemoryLedger ledger = new InMemoryLedger();
    private final InMemoryOrderBook orders = new InMemoryOrderBook();
    private final MockMvc mvc;

    PurchaseControllerTest() {
        ExchangeRates rates = new ExchangeRates(PROPS.reportingCurrency(), PROPS.rates());
        PurchaseRules rules = new PurchaseRules(new ValidationPolicy(PROPS.epoch(), PROPS.maxClockSkew(),
                PROPS.totalToleranceMinorUnits()), rates);
        PurchaseIntake intake = new PurchaseIntake(rules, rates, orders, ledger,
                customerIds -> customerIds.contains(ERASED_CUSTOMER) ? Map.of(ERASED_CUSTOMER, ERASED_AT) : Map.of(),
                IntakeObserver.NONE,
                Clock.fixed(NOW, ZoneOffset.UTC));
        mvc = MockMvcBuilders.standaloneSetup(new PurchaseController(new SubmissionDecoder(262_144), intake, ledger,
                        PROPS))
                .setControllerAdvice(new ProblemResponses())
                .setMessageConverters(new ByteArrayHttpMessageConverter(), new JacksonJsonHttpMessageConverter(
                        // as Boot's mapper: contract conventions, and ProblemDetail properties at the top level
                        ContractJson.configure(JsonMapper.builder())
                                .addMixIn(ProblemDetail.class, ProblemDetailJacksonMixin.class).build()))
                .build();
    }

    private static byte[] json(Object value) {
        return ContractJson.mapper().writeValueAsBytes(value);
    }

    @Test
    void anAcceptedAndPublishedPurchaseIs201() throws Exception {
        PurchaseSubmitted p = purchase().build();
        mvc.perform(post("/api/v1/purchases").contentType(MediaType.APPLICATION_JSON).content(json(p)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.eventId").value(p.eventId()))
                .andExpect(jsonPath("$.status").value("ACCEPTED"))
                .andExpect(jsonPath("$.published").value(true));
    }

    @Test
    void anAcceptedPurchaseThatKafkaDidNotAcknowledgeIs202() throws Exception {
        ledger.kafkaUp = false;
        mvc.perform(post("/api/v1/purchases").contentType(MediaType.APPLICATION_JSON).content(json(purchase().build())))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.status").value("ACCEPTED"))
                .andExpect(jsonPath("$.published").value(false));
    }

    @Test
    void aDuplicateIs200WithStatusDuplicate() throws Exception {
        byte[] body = json(purchase().build());
        mvc.perform(post("/api/v1/purchases").contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated());
        mvc.perform(post("/api/v1/purchases").contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("DUPLICATE"))
                .andExpect(jsonPath("$.published").doesNotExist());
    }

    @Test
    void ruleViolationsAre422WithTheirCodeAndTheEventId() throws Exception {
        PurchaseSubmitted p = purchase().total("1.00").build();
        mvc.perform(post("/api/v1/purchases").contentType(MediaType.APPLICATION_JSON).content(json(p)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(header().string("Content-Type", "application/problem+json"))
                .andExpect(jsonPath("$.code").value("TOTAL_MISMATCH"))
                .andExpect(jsonPath("$.eventId").value(p.eventId()));
        mvc.perform(post("/api/v1/purchases").contentType(MediaType.APPLICATION_JSON)
                        .content(json(refundOf("SO-unknown", "1.00").build())))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("REFUND_UNKNOWN_ORDER"));
    }

    @Test
    void malformedJsonIs400AndAWrongContentTypeIs415() throws Exception {
        mvc.perform(post("/api/v1/purchases").contentType(MediaType.APPLICATION_JSON).content("{\"eventId\":"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("MALFORMED_JSON"));
        mvc.perform(post("/api/v1/purchases").contentType(MediaType.TEXT_PLAIN).content("hello"))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(jsonPath("$.code").value("UNSUPPORTED_MEDIA_TYPE"));
    }

    @Test
    void whenTheStoreIsAwayTheAnswerIs503WithRetryAfter() throws Exception {
        ledger.available = false;
        mvc.perform(post("/api/v1/purchases").contentType(MediaType.APPLICATION_JSON).content(json(purchase().build())))
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().string("Retry-After", "7"))
                .andExpect(jsonPath("$.code").value("SERVICE_UNAVAILABLE"));
        mvc.perform(get("/api/v1/customers/C-1/purchases"))
                .andExpect(status().isServiceUnavailable());
    }

    @Test
    void aBatchAnswersPerItemInOrder() throws Exception {
        PurchaseSubmitted good = purchase().build();
        String body = "[" + new String(json(good)) + "," + new String(json(purchase().total("-1").build()))
                + "," + new String(json(good)) + "]";
        mvc.perform(post("/api/v1/purchases/batch").contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.accepted").value(1))
                .andExpect(jsonPath("$.duplicates").value(1))
                .andExpect(jsonPath("$.rejected").value(1))
                .andExpect(jsonPath("$.results[0].status").value("ACCEPTED"))
                .andExpect(jsonPath("$.results[0].published").value(true))
                .andExpect(jsonPath("$.results[1].index").value(1))
                .andExpect(jsonPath("$.results[1].code").value("NEGATIVE_AMOUNT"))
                .andExpect(jsonPath("$.results[1].message").exists())
                .andExpect(jsonPath("$.results[2].status").value("DUPLICATE"))
                .andExpect(jsonPath("$.results[2].code").doesNotExist());
    }

    @Test
    void aBatchAboveTheLimitIs413AndANonArrayIs400() throws Exception {
        List<PurchaseSubmitted> four = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            four.add(purchase().build());
        }
        mvc.perform(post("/api/v1/purchases/batch").contentType(MediaType.APPLICATION_JSON).content(json(four)))
                .andExpect(status().isContentTooLarge())
                .andExpect(jsonPath("$.code").value("BATCH_TOO_LARGE"));
        mvc.perform(post("/api/v1/purchases/batch").contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("MALFORMED_JSON"));
        mvc.perform(post("/api/v1/purchases/batch").contentType(MediaType.APPLICATION_JSON).content("[]"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.results").isEmpty());
    }

    @Test
    void anEventOfAnErasedCustomerFromBeforeTheErasureIs422CustomerErasedAlsoPerBatchItem() throws Exception {
        PurchaseSubmitted old = purchase().customerId(ERASED_CUSTOMER).occurredAt(ERASED_AT).build();
        PurchaseSubmitted newer = purchase().customerId(ERASED_CUSTOMER).occurredAt(ERASED_AT.plusSeconds(1)).build();
        mvc.perform(post("/api/v1/purchases").contentType(MediaType.APPLICATION_JSON).content(json(old)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(header().string("Content-Type", "application/problem+json"))
                .andExpect(jsonPath("$.code").value("CUSTOMER_ERASED"))
                .andExpect(jsonPath("$.eventId").value(old.eventId()));
        String body = "[" + new String(json(old)) + "," + new String(json(newer)) + "]";
        mvc.perform(post("/api/v1/purchases/batch").contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.accepted").value(1))
                .andExpect(jsonPath("$.rejected").value(1))
                .andExpect(jsonPath("$.results[0].code").value("CUSTOMER_ERASED"))
                .andExpect(jsonPath("$.results[1].status").value("ACCEPTED"));
    }

    @Test
    void theHistoryIsPagedNewestFirst() throws Exception {
        for (int day = 1; day <= 3; day++) {
            mvc.perform(post("/api/v1/purchases").contentType(MediaType.APPLICATION_JSON).content(json(purchase()
                            .customerId("C-H").eventId("e" + day)
                            .occurredAt(Instant.parse("2026-11-0" + day + "T10:00:00Z")).build())))
                    .andExpect(status().isCreated());
        }
        mvc.perform(get("/api/v1/customers/C-H/purchases"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.size").value(2))
                .andExpect(jsonPath("$.totalElements").value(3))
                .andExpect(jsonPath("$.totalPages").value(2))
                .andExpect(jsonPath("$.purchases[0].eventId").value("e3"))
                .andExpect(jsonPath("$.purchases[0].totalAmount").value("458.00"))
                .andExpect(jsonPath("$.purchases[1].eventId").value("e2"));
        mvc.perform(get("/api/v1/customers/C-H/purchases?page=1&size=2"))
                .andExpect(jsonPath("$.purchases[0].eventId").value("e1"));
    }

    @Test
    void badPagingParametersAre400() throws Exception {
        mvc.perform(get("/api/v1/customers/C-H/purchases?size=6")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("BAD_PARAMETER"));
        mvc.perform(get("/api/v1/customers/C-H/purchases?page=-1")).andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/customers/C-H/purchases?size=0")).andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/customers/C-H/purchases?page=x")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("BAD_PARAMETER"));
        mvc.perform(get("/api/v1/customers/bad id/purchases")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("INVALID_ID"));
    }
}
