package io.segstream.localstack.bench;

import com.sun.net.httpserver.HttpServer;
import io.segstream.localstack.LocalCredentials;
import io.segstream.runtime.security.LocalTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;

/** The benchmark's calls carry tokens with the least role each needs, signed with the checkout's key. */
class ServiceHttpTest {
    @TempDir
    Path home;
    private final Map<String, List<String>> rolesByRequest = new ConcurrentHashMap<>();
    private HttpServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private String start(LocalCredentials credentials) throws IOException {
        var decoder = LocalTokens.decoder(credentials.signingKey(), LocalTokens.ISSUER, LocalTokens.AUDIENCE);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            try (exchange) {
                String header = exchange.getRequestHeaders().getFirst("Authorization");
                List<String> roles = header == null ? List.of()
                        : decoder.decode(header.substring("Bearer ".length())).getClaimAsStringList("roles");
                rolesByRequest.put(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath(), roles);
                byte[] body = "segstream_purchases_accepted_total 42.0\n".getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            }
        });
        server.start();
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Test
    void metricsAreScrapedAsMetricsAndDefinitionsChangedAsAdmin() throws IOException {
        LocalCredentials credentials = LocalCredentials.ofCheckout(home);
        String base = start(credentials);
        ServiceHttp http = new ServiceHttp(credentials);

        assertThat(http.metric(base, "segstream_purchases_accepted_total", "")).hasValue(42.0);
        assertThat(http.put(base + "/api/v1/segments/value-tier", "{}").status()).isEqualTo(200);
        assertThat(http.get(base + "/api/v1/recomputations/r-1").status()).isEqualTo(200);

        assertThat(rolesByRequest).containsEntry("GET /actuator/prometheus", List.of("METRICS"))
                .containsEntry("PUT /api/v1/segments/value-tier", List.of("ADMIN"))
                .containsEntry("GET /api/v1/recomputations/r-1", List.of("ADMIN"));
    }
}
