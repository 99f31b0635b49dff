package io.segstream.localstack.launcher;

import io.segstream.embedded.Ports;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class StackHealthEndpointTest {

    @Test
    void upOnlyWhenEveryComponentIsUp() throws Exception {
        int port = Ports.freePort();
        Map<String, Boolean> status = new LinkedHashMap<>(Map.of("kafka", true, "mongo", true, "segmentation", false));
        try (StackHealthEndpoint endpoint = new StackHealthEndpoint("localhost", port, () -> status,
                () -> Map.of("messagesByTopic", Map.of())).start()) {
            HttpResponse<String> down = get(port, "/actuator/health");
            assertThat(down.statusCode()).isEqualTo(503);
            assertThat(down.body()).contains("\"status\":\"DOWN\"", "\"segmentation\":{\"status\":\"DOWN\"}");

            status.put("segmentation", true);
            HttpResponse<String> up = get(port, "/actuator/health");
            assertThat(up.statusCode()).isEqualTo(200);
            assertThat(up.body()).startsWith("{\"status\":\"UP\"");

            assertThat(get(port, "/summary").body()).contains("messagesByTopic");
        }
    }

    private static HttpResponse<String> get(int port, String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .build(), HttpResponse.BodyHandlers.ofString());
    }
}
