package io.segstream.segmentation;

import io.segstream.runtime.security.Role;
import io.segstream.runtime.security.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

class SegmentationHealthIT extends SegmentationIntegrationTest {
    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Test
    void readinessIsUpWithKafkaAndMongoAndShowsThemOnlyToOps() throws Exception {
        HttpResponse<String> ops = http.send(TestTokens.authorized(request("/actuator/health/readiness"), Role.OPS)
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(ops.statusCode()).isEqualTo(200);
        assertThat(ops.body()).contains("\"mongo\"").contains("\"kafka\"").contains("UP");

        // The probe is open to the orchestrator, which sees the status and nothing else.
        HttpResponse<String> anonymous = http.send(request("/actuator/health/readiness").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isEqualTo(200);
        assertThat(anonymous.body()).contains("UP").doesNotContain("mongo").doesNotContain("kafka");
    }

    @Test
    void anUnmappedPathIsClosedAsProblemJsonWithACode() throws Exception {
        HttpResponse<String> anonymous = http.send(request("/api/v1/nothing-here").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("content-type")).hasValueSatisfying(
                ct -> assertThat(ct).contains("application/problem+json"));
        assertThat(anonymous.body()).contains("\"code\":\"UNAUTHENTICATED\"");
        // No rule names it, so not even an administrator gets through (nor learns whether it exists).
        HttpResponse<String> admin = http.send(TestTokens.authorized(request("/api/v1/nothing-here"), Role.ADMIN)
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(admin.statusCode()).isEqualTo(403);
        assertThat(admin.body()).contains("\"code\":\"FORBIDDEN\"");
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
    }
}
