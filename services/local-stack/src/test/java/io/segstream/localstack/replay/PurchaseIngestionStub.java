package io.segstream.localstack.replay;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.segstream.contracts.ContractJson;
import io.segstream.contracts.purchase.PurchaseSubmitted;
import io.segstream.contracts.purchase.PurchaseType;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A stand-in for purchase-ingestion's batch endpoint, just enough of it for the replay: answers 401 without the
 * {@link #AUTHORIZATION} header (the real service needs an INGEST token), remembers accepted eventIds
 * (a second time is DUPLICATE), refuses purchases with more than 500 lines (TOO_MANY_ITEMS) and refunds of orders it
 * did not accept (REFUND_UNKNOWN_ORDER), answers 413 above a batch size, and can be told to answer the next requests
 * with a given status first.
 */
final class PurchaseIngestionStub implements AutoCloseable {
    static final int MAX_ITEMS = 500;
    static final String AUTHORIZATION = "Bearer stub-ingest-token";

    private final HttpServer server;
    private final Set<String> recorded = new HashSet<>();
    private final Set<String> orders = new HashSet<>();
    private final Deque<Scripted> script = new ArrayDeque<>();
    private final List<Integer> batchSizes = new ArrayList<>();
    private int maxEventsPerBatch = Integer.MAX_VALUE;

    private record Scripted(int status, String retryAfter, String body) {
    }

    PurchaseIngestionStub() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext(ReplayClient.BATCH_PATH, this::handle);
        server.start();
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    synchronized void answerNext(int status, String retryAfter, String body) {
        script.add(new Scripted(status, retryAfter, body));
    }

    synchronized void refuseBatchesAbove(int events) {
        maxEventsPerBatch = events;
    }

    synchronized List<Integer> batchSizes() {
        return List.copyOf(batchSizes);
    }

    synchronized int recordedCount() {
        return recorded.size();
    }

    private synchronized void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] request = exchange.getRequestBody().readAllBytes();
            if (!"POST".equals(exchange.getRequestMethod())
                    || !exchange.getRequestHeaders().getFirst("Content-Type").startsWith("application/json")) {
                respond(exchange, 415, "{\"code\":\"UNSUPPORTED_MEDIA_TYPE\"}");
                return;
            }
            if (!AUTHORIZATION.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                respond(exchange, 401, "{\"code\":\"UNAUTHENTICATED\"}");
                return;
            }
            Scripted next = script.poll();
            if (next != null) {
                if (next.retryAfter() != null) {
                    exchange.getResponseHeaders().add("Retry-After", next.retryAfter());
                }
                respond(exchange, next.status(), next.body());
                return;
            }
            PurchaseSubmitted[] batch = ContractJson.mapper().readValue(request, PurchaseSubmitted[].class);
            if (batch.length > maxEventsPerBatch) {
                respond(exchange, 413, "{\"code\":\"PAYLOAD_TOO_LARGE\"}");
                return;
            }
            batchSizes.add(batch.length);
            List<Map<String, Object>> results = new ArrayList<>();
            for (int i = 0; i < batch.length; i++) {
                results.add(result(i, batch[i]));
            }
            respond(exchange, 200, ContractJson.mapper().writeValueAsString(Map.of("results", results)));
        }
    }

    private Map<String, Object> result(int index, PurchaseSubmitted event) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("index", index);
        result.put("eventId", event.eventId());
        String code = null;
        if (recorded.contains(event.eventId())) {
            result.put("status", "DUPLICATE");
            return result;
        }
        if (event.type() == PurchaseType.PURCHASE && event.items().size() > MAX_ITEMS) {
            code = "TOO_MANY_ITEMS";
        } else if (event.type() == PurchaseType.REFUND && !orders.contains(event.orderId())) {
            code = "REFUND_UNKNOWN_ORDER";
        }
        if (code != null) {
            result.put("status", "REJECTED");
            result.put("code", code);
            result.put("message", "stub");
            return result;
        }
        recorded.add(event.eventId());
        if (event.type() == PurchaseType.PURCHASE) {
            orders.add(event.orderId());
        }
        result.put("status", "ACCEPTED");
        result.put("published", true);
        return result;
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", status == 200 ? "application/json"
                : "application/problem+json");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
