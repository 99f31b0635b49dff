package io.segstream.localstack;

import java.util.List;

/**
 * One of the four services as the local stack runs it: module name, HTTP port, MongoDB database, and the Spring
 * arguments it gets beyond the connection settings (none for {@code ./segstream run}; the bench shortens
 * segmentation's sweep interval so that its sweep figure is not mostly waiting for the schedule).
 */
public record ServiceSpec(String name, int port, String database, List<String> extraArguments) {

    public ServiceSpec {
        extraArguments = List.copyOf(extraArguments);
    }

    /** A service run with its own configuration: only the connection settings are given. */
    public ServiceSpec(String name, int port, String database) {
        this(name, port, database, List.of());
    }

    public String baseUrl() {
        return "http://localhost:" + port;
    }
}
