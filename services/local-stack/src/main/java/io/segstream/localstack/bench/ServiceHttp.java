package io.segstream.localstack.bench;

import io.segstream.localstack.LocalCredentials;
import io.segstream.runtime.security.Role;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.OptionalDouble;
import java.util.function.Supplier;

/**
 * The few HTTP calls the benchmark makes to the services: metrics (with a METRICS token, as a scraper) and
 * segmentation's definition API (ADMIN: it changes a definition and follows the re-evaluation it started).
 */
final class ServiceHttp {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Supplier<String> metricsToken;
    private final Supplier<String> adminToken;

    ServiceHttp(LocalCredentials credentials) {
        this.metricsToken = credentials.bearer("segstream-bench-scraper", Role.METRICS);
        this.adminToken = credentials.bearer("segstream-bench", Role.ADMIN);
    }

    /** A response's status and body; status 0 when the service could not be reached. */
    record Answer(int status, String body) {
    }

    /** A GET of segmentation's definition API (as ADMIN). */
    Answer get(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT)
                .header("Authorization", adminToken.get()).GET().build());
    }

    /** A PUT of segmentation's definition API (as ADMIN). */
    Answer put(String url, String json) {
        return send(HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT)
                .header("Authorization", adminToken.get())
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    /** The sum of a Prometheus metric of the service at this base URL, or empty when absent or unreachable. */
    OptionalDouble metric(String baseUrl, String metric, String labelContains) {
        Answer answer = send(HttpRequest.newBuilder(URI.create(baseUrl + "/actuator/prometheus")).timeout(TIMEOUT)
                .header("Authorization", metricsToken.get()).GET().build());
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
