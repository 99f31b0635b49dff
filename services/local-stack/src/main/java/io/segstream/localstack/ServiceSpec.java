package io.segstream.localstack;

/** One of the four services as the local stack runs it: module name, HTTP port, MongoDB database. */
public record ServiceSpec(String name, int port, String database) {

    public String baseUrl() {
        return "http://localhost:" + port;
    }
}
