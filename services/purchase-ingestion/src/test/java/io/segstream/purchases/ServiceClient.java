package io.segstream.purchases;

import io.segstream.contracts.ContractJson;
import io.segstream.runtime.security.Role;
import io.segstream.runtime.security.TestTokens;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** HTTP calls to the service under test with test tokens of the given roles (tests only). */
final class ServiceClient {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final int port;

    ServiceClient(int port) {
        this.port = port;
    }

    URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    HttpResponse<String> post(String path, byte[] body, Role... roles) throws Exception {
        return postAs(path, body, TestTokens.bearer(roles));
    }

    /** A POST with the given Authorization header value (null: none). */
    HttpResponse<String> postAs(String path, byte[] body, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return send(request);
    }

    HttpResponse<String> get(String path, Role... roles) throws Exception {
        return send(TestTokens.authorized(HttpRequest.newBuilder(uri(path)), roles).GET());
    }

    HttpResponse<String> delete(String path, Role... roles) throws Exception {
        return send(TestTokens.authorized(HttpRequest.newBuilder(uri(path)), roles).DELETE());
    }

    static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode body(HttpResponse<String> response) {
        return ContractJson.mapper().readTree(response.body());
    }

    static void assertProblem(HttpResponse<String> response, int status, String code) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("content-type")).hasValueSatisfying(
                type -> assertThat(type).contains("application/problem+json"));
        assertThat(body(response).get("code").asString()).isEqualTo(code);
    }
}
