package io.segstream.localstack.demo;

import com.sun.net.httpserver.HttpServer;
import io.segstream.embedded.TestInfrastructure;
import io.segstream.localstack.ContractProducer;
import io.segstream.localstack.LocalCredentials;
import io.segstream.runtime.security.LocalTokens;
import io.segstream.runtime.security.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.security.oauth2.jwt.JwtDecoder;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo's HTTP traffic (online purchases, reviews) carries an INGEST token signed with the stack's key; its Kafka
 * traffic goes to the real broker. The services are stood in for by a server that records who called.
 */
class DemoTrafficIT {
    @TempDir
    Path home;

    @Test
    void everyPostCarriesAnIngestTokenAndNothingMore() throws Exception {
        LocalCredentials credentials = LocalCredentials.ofCheckout(home);
        JwtDecoder decoder = LocalTokens.decoder(credentials.signingKey(), LocalTokens.ISSUER, LocalTokens.AUDIENCE);
        List<List<String>> rolesOfPosts = new CopyOnWriteArrayList<>();
        HttpServer services = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        services.createContext("/api/v1/", exchange -> {
            try (exchange) {
                exchange.getRequestBody().readAllBytes();
                String header = exchange.getRequestHeaders().getFirst("Authorization");
                rolesOfPosts.add(header == null || !header.startsWith("Bearer ") ? List.of()
                        : decoder.decode(header.substring("Bearer ".length())).getClaimAsStringList("roles"));
                exchange.sendResponseHeaders(header == null ? 401 : 202, -1);
            }
        });
        services.start();
        String base = "http://127.0.0.1:" + services.getAddress().getPort();
        try (ContractProducer producer = new ContractProducer(TestInfrastructure.bootstrapServers(), "/test/demo")) {
            DemoTraffic demo = new DemoTraffic(new DemoTraffic.DemoSettings(50, 0, 100, base + "/api/v1/purchases",
                    base + "/api/v1/feedback", 7L, credentials.bearer("segstream-demo", Role.INGEST)), producer,
                    Clock.systemUTC());
            for (int i = 0; i < 200; i++) {
                demo.step();
            }
            producer.flush();

            Map<String, Long> sent = demo.sent();
            assertThat(sent).containsKey("purchases via HTTP").containsKey("feedback via HTTP");
            assertThat(sent.keySet()).noneMatch(name -> name.contains("refused") || name.contains("failed"));
            assertThat(rolesOfPosts).hasSize((int) (sent.get("purchases via HTTP") + sent.get("feedback via HTTP")))
                    .allSatisfy(roles -> assertThat(roles).containsExactly("INGEST"));
        } finally {
            services.stop(0);
        }
    }
}
