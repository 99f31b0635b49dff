package io.segstream.deploy;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the deployment must agree with in a service's own application.yml: its name, port, database and consumer
 * group.
 */
record ServiceSettings(String service, String applicationName, int port, String database, String consumerGroup) {
    /** mongodb://[user:password@]host[,host...]/database[?options]: the database is the path. */
    private static final Pattern CONNECTION_STRING = Pattern.compile("mongodb(?:\\+srv)?://[^/]+/([^?]*)(?:\\?.*)?");

    static ServiceSettings of(String service) {
        Map<String, Object> yml = Repository.yaml("services/" + service + "/src/main/resources/application.yml");
        String mongoUri = String.valueOf(Repository.at(yml, "spring.mongodb.uri"));
        return new ServiceSettings(service,
                String.valueOf(Repository.at(yml, "spring.application.name")),
                Integer.parseInt(String.valueOf(Repository.at(yml, "server.port"))),
                databaseOf(mongoUri),
                String.valueOf(Repository.at(yml, "spring.kafka.consumer.group-id")));
    }

    /** The database of a MongoDB connection string: its path, without the query. */
    static String databaseOf(String mongoUri) {
        Matcher matcher = CONNECTION_STRING.matcher(mongoUri);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("not a MongoDB connection string: " + mongoUri);
        }
        return matcher.group(1);
    }
}
