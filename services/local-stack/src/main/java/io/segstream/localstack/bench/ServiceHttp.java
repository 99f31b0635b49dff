package io.segstream.localstack.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.OptionalDouble;

/** The few HTTP calls the benchmark makes to the services: metrics and segmentation's definition API. */
final class ServiceHttp {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /** A response's status and body; status 0 when the service could not be reached. */
    record Answer(int status, String body) {
    }

    Answer get(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT).GET().build());
    }

    Answer put(String url, String json) {
        return send(HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT)
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    /** The sum of a Prometheus metric of the service at this base URL, or empty when absent or unreachable. */
    OptionalDouble metric(String baseUrl, String metric, String labelContains) {
        Answer answer = get(baseUrl + "/actuator/prometheus");
        return answer.status() == 200 ? PrometheusText.sum(answer.body(), metric, labelContains)
                : OptionalDouble.empty();
    }

    private Answer send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body());
        } catch (IOException e) {
            return new Answer(0, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(0, "interrupted");
        }
    }
}
