package io.segstream.localstack.launcher;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.segstream.contracts.ContractJson;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The stack's own endpoint: {@code /actuator/health} is UP only when the broker, the database and all four services
 * are ready (200, else 503), and {@code /summary} serves the running figures as JSON.
 */
final class StackHealthEndpoint implements AutoCloseable {
    private final HttpServer server;

    StackHealthEndpoint(String host, int port, Supplier<Map<String, Boolean>> components,
                        Supplier<Map<String, Object>> summary) {
        try {
            server = HttpServer.create(new InetSocketAddress(host, port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + host + ":" + port, e);
        }
        server.createContext("/actuator/health", exchange -> {
            Map<String, Boolean> status = components.get();
            boolean up = !status.isEmpty() && status.values().stream().allMatch(Boolean::booleanValue);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("status", up ? "UP" : "DOWN");
            Map<String, Object> parts = new LinkedHashMap<>();
            status.forEach((name, ok) -> parts.put(name, Map.of("status", ok ? "UP" : "DOWN")));
            body.put("components", parts);
            respond(exchange, up ? 200 : 503, body);
        });
        server.createContext("/summary", exchange -> respond(exchange, 200, summary.get()));
    }

    StackHealthEndpoint start() {
        server.start();
        return this;
    }

    private static void respond(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = ContractJson.mapper().writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
