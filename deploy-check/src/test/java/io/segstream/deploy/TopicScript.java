package io.segstream.deploy;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The topics a topic-creation script creates: its {@code create <topic> <partitions> [compact]} lines
 * (docker-compose.yml's kafka-topics service, the Kubernetes Job).
 */
final class TopicScript {
    private static final Pattern CREATE = Pattern.compile(
            "(?m)^\\s*create\\s+(\\S+)\\s+(\\d+)(?:\\s+(compact))?\\s*$");

    private TopicScript() {
    }

    /** The topics a script creates compacted (a third word "compact": cleanup.policy=compact). */
    static java.util.Set<String> compacted(String script) {
        java.util.Set<String> compacted = new java.util.TreeSet<>();
        Matcher matcher = CREATE.matcher(script);
        while (matcher.find()) {
            if (matcher.group(3) != null) {
                compacted.add(matcher.group(1));
            }
        }
        return compacted;
    }

    static Map<String, Integer> topics(String script) {
        Map<String, Integer> topics = new LinkedHashMap<>();
        Matcher matcher = CREATE.matcher(script);
        while (matcher.find()) {
            Integer previous = topics.put(matcher.group(1), Integer.parseInt(matcher.group(2)));
            if (previous != null) {
                throw new AssertionError("topic " + matcher.group(1) + " is created twice");
            }
        }
        return topics;
    }
}
