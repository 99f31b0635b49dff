package io.segstream.localstack.bench;

import java.util.OptionalDouble;

/** Reads figures out of a service's /actuator/prometheus text (the only metrics endpoint the services expose). */
final class PrometheusText {
    private PrometheusText() {
    }

    /**
     * The sum of every sample of the metric whose labels contain the given text (e.g. {@code area="heap"}; empty for
     * any), or empty when the metric is absent.
     */
    static OptionalDouble sum(String text, String metric, String labelContains) {
        double sum = 0;
        boolean found = false;
        for (String line : text.split("\n")) {
            if (line.startsWith("#") || !line.startsWith(metric)) {
                continue;
            }
            char next = line.length() > metric.length() ? line.charAt(metric.length()) : ' ';
            if (next != '{' && next != ' ') {
                continue; // another metric whose name starts with this one
            }
            int labelsEnd = line.lastIndexOf('}');
            String labels = labelsEnd > 0 ? line.substring(metric.length(), labelsEnd + 1) : "";
            if (!labels.contains(labelContains)) {
                continue;
            }
            String[] parts = line.substring(Math.max(labelsEnd + 1, metric.length())).trim().split("\\s+");
            try {
                sum += Double.parseDouble(parts[0]);
                found = true;
            } catch (NumberFormatException e) {
                // a malformed sample is not a figure
            }
        }
        return found ? OptionalDouble.of(sum) : OptionalDouble.empty();
    }
}
