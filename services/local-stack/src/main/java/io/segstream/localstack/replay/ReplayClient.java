package io.segstream.localstack.replay;

import io.segstream.contracts.ContractJson;
import io.segstream.contracts.purchase.PurchaseSubmitted;
import io.segstream.localstack.replay.ReplayTally.ItemOutcome;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Sends batches to {@code POST /api/v1/purchases/batch} with an INGEST token and returns the per-item answers. A
 * batch the service finds
 * too large (413) is split in halves; while the service is unavailable (503, 429, 502, 504, or not reachable) it waits
 * (Retry-After, else {@link #DEFAULT_WAIT}) and tries again, up to {@code maxAttempts}; anything else ends the replay.
 */
final class ReplayClient {
    static final String BATCH_PATH = "/api/v1/purchases/batch";
    static final Duration DEFAULT_WAIT = Duration.ofSeconds(2);
    static final Duration MAX_WAIT = Duration.ofSeconds(30);
    static final Duration REQUEST_TIMEOUT = Duration.ofMinutes(2);
    private static final int CONTENT_TOO_LARGE = 413;

    /** How the client waits between attempts (a test replaces it). */
    interface Pause {
        void pause(Duration duration) throws InterruptedException;
    }

    private final HttpClient http;
    private final URI batchUri;
    private final int maxAttempts;
    private final Pause pause;
    private final Supplier<String> authorization;

    /** @param authorization the {@code Authorization} header value of every request ("Bearer ...") */
    ReplayClient(HttpClient http, URI baseUrl, int maxAttempts, Pause pause, Supplier<String> authorization) {
        this.http = http;
        this.batchUri = URI.create(baseUrl + BATCH_PATH);
        this.maxAttempts = maxAttempts;
        this.pause = pause;
        this.authorization = authorization;
    }

    /** @return one outcome per event, in order */
    List<ItemOutcome> send(List<PurchaseSubmitted> batch) throws ReplayFailedException, InterruptedException {
        HttpResponse<String> response = post(batch);
        if (response.statusCode() == CONTENT_TOO_LARGE) {
            if (batch.size() == 1) {
                return List.of(new ItemOutcome(ReplayTally.REJECTED, code(response.body(), "PAYLOAD_TOO_LARGE")));
            }
            List<ItemOutcome> outcomes = new ArrayList<>(send(batch.subList(0, batch.size() / 2)));
            outcomes.addAll(send(batch.subList(batch.size() / 2, batch.size())));
            return outcomes;
        }
        if (response.statusCode() == 401 || response.statusCode() == 403) {
            throw new ReplayFailedException("the service refused the replay's token (" + response.statusCode() + " "
                    + code(response.body(), "no code") + "); the local stack accepts tokens signed with this "
                    + "checkout's .segstream/local-signing.key, so replay from the checkout that runs the stack");
        }
        if (response.statusCode() != 200) {
            throw new ReplayFailedException("the service answered " + response.statusCode() + " ("
                    + code(response.body(), "no code") + ") to a batch; stopping");
        }
        return outcomes(response.body(), batch.size());
    }

    private HttpResponse<String> post(List<PurchaseSubmitted> batch) throws ReplayFailedException,
            InterruptedException {
        byte[] body = ContractJson.mapper().writeValueAsBytes(batch);
        String lastProblem = "";
        for (int attempt = 1; attempt <= maxAttempts; attempt++) {
            Duration wait = DEFAULT_WAIT;
            // Built per attempt: a long wait may outlast the token, and the supplier renews it.
            HttpRequest request = HttpRequest.newBuilder(batchUri)
                    .timeout(REQUEST_TIMEOUT)
                    .header("Content-Type", "application/json")
                    .header("Accept", "application/json")
                    .header("Authorization", authorization.get())
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                    .build();
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (!retryable(response.statusCode())) {
                    return response;
                }
                lastProblem = "the service answered " + response.statusCode();
                wait = response.headers().firstValue("Retry-After").map(ReplayClient::seconds).orElse(DEFAULT_WAIT);
            } catch (IOException e) {
                lastProblem = "cannot reach " + batchUri + " (" + e.getClass().getSimpleName() + ")";
            }
            if (attempt < maxAttempts) {
                pause.pause(wait.compareTo(MAX_WAIT) > 0 ? MAX_WAIT : wait);
            }
        }
        throw new ReplayFailedException(lastProblem + " after " + maxAttempts
                + " attempts; is the stack running (./segstream run)? Run the replay again to resume.");
    }

    private static boolean retryable(int status) {
        return status == 429 || status == 502 || status == 503 || status == 504;
    }

    private static Duration seconds(String retryAfter) {
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(retryAfter.trim())));
        } catch (NumberFormatException e) {
            return DEFAULT_WAIT;
        }
    }

    private static List<ItemOutcome> outcomes(String body, int expected) throws ReplayFailedException {
        try {
            JsonNode root = body == null || body.isBlank() ? null : ContractJson.mapper().readTree(body);
            JsonNode results = root == null ? null : root.get("results");
            if (results == null || !results.isArray() || results.size() != expected) {
                throw new ReplayFailedException("the service's answer does not have one result per event");
            }
            List<ItemOutcome> outcomes = new ArrayList<>(expected);
            for (JsonNode result : results) {
                JsonNode code = result.get("code");
                outcomes.add(new ItemOutcome(result.path("status").asString(ReplayTally.REJECTED),
                        code == null || code.isNull() ? null : code.asString()));
            }
            return outcomes;
        } catch (JacksonException e) {
            throw new ReplayFailedException("the service's answer is not JSON");
        }
    }

    private static String code(String body, String fallback) {
        if (body == null || body.isBlank()) {
            return fallback;
        }
        try {
            JsonNode root = ContractJson.mapper().readTree(body);
            JsonNode code = root == null ? null : root.get("code");
            return code == null || !code.isString() ? fallback : code.asString();
        } catch (JacksonException e) {
            return fallback;
        }
    }

    /** The replay cannot go on; the message says why. Everything sent before is recorded. */
    static final class ReplayFailedException extends Exception {
        ReplayFailedException(String message) {
            super(message, null, false, false);
        }
    }
}
