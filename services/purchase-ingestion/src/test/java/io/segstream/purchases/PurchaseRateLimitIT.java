package io.segstream.purchases;

import io.segstream.contracts.ContractJson;
import io.segstream.embedded.TestInfrastructure;
import io.segstream.runtime.security.LocalTokens;
import io.segstream.runtime.security.Role;
import io.segstream.runtime.security.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.http.HttpResponse;
import java.util.List;

import static io.segstream.purchases.ServiceClient.assertProblem;
import static io.segstream.purchases.domain.PurchaseMother.purchase;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The per-client rate limit on the intake endpoints, with limits small enough to reach in a test (2 at once, then one
 * every 10 s). The Kafka listeners are off: this context only answers HTTP.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "segstream.security.rate-limit.requests-per-second=0.1",
        "segstream.security.rate-limit.burst=2",
        "spring.kafka.listener.auto-startup=false"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class PurchaseRateLimitIT {
    private static final String DATABASE = "purchase-rate-limit-it";

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", TestInfrastructure::bootstrapServers);
        registry.add("spring.mongodb.uri", () -> TestInfrastructure.mongoUri(DATABASE));
    }

    @LocalServerPort
    int port;

    @Test
    void aClientOverItsLimitGets429WithRetryAfterAndOtherClientsAreNotAffected() throws Exception {
        ServiceClient http = new ServiceClient(port);
        String busy = "Bearer " + LocalTokens.issue(TestTokens.SIGNING_KEY, "busy-pos-system", Role.INGEST);
        String calm = "Bearer " + LocalTokens.issue(TestTokens.SIGNING_KEY, "calm-web-shop", Role.INGEST);

        // The first publication to Kafka takes seconds (metadata); warm up as another client so the burst is quick.
        assertThat(http.postAs("/api/v1/purchases", json(purchase().build()), calm).statusCode()).isEqualTo(201);

        assertThat(http.postAs("/api/v1/purchases", json(purchase().build()), busy).statusCode()).isEqualTo(201);
        assertThat(http.postAs("/api/v1/purchases/batch", json(List.of(purchase().build())), busy).statusCode())
                .isEqualTo(200);
        HttpResponse<String> refused = http.postAs("/api/v1/purchases", json(purchase().build()), busy);
        assertProblem(refused, 429, "RATE_LIMITED");
        assertThat(refused.headers().firstValue("Retry-After")).hasValueSatisfying(
                seconds -> assertThat(Integer.parseInt(seconds)).isBetween(1, 10));
        assertProblem(http.postAs("/api/v1/purchases/batch", json(List.of(purchase().build())), busy), 429,
                "RATE_LIMITED");

        assertThat(http.postAs("/api/v1/purchases", json(purchase().build()), calm).statusCode())
                .as("the limit is per client").isEqualTo(201);
        assertThat(http.get("/api/v1/customers/C-10023/purchases", Role.MARKETING).statusCode())
                .as("reads are not limited").isEqualTo(200);
        assertProblem(http.postAs("/api/v1/purchases", json(purchase().build()), null), 401, "UNAUTHENTICATED");
    }

    private static byte[] json(Object value) {
        return ContractJson.mapper().writeValueAsBytes(value);
    }
}
