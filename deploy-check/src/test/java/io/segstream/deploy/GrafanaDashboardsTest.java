package io.segstream.deploy;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * deploy/grafana: every dashboard parses, queries only metrics that exist (or are listed as pending), uses the
 * ${datasource} variable, and together the dashboards cover what operators watch; the provisioning matches
 * docker-compose.yml.
 */
class GrafanaDashboardsTest {
    static final String DASHBOARDS = "deploy/grafana/dashboards";
    private static final Pattern LABEL_VALUES = Pattern.compile("label_values\\(\\s*([a-zA-Z_:][a-zA-Z0-9_:]*)");

    /** One metric per thing operators watch: ingestion, rejections, latency, lag, segments, churn, DLQ. */
    private static final List<String> COVERED = List.of("segstream_purchases_accepted_total",
            "segstream_feedback_accepted_total", "segstream_purchases_rejected_total",
            "segstream_feedback_rejected_total", "segstream_segmentation_evaluation_latency_seconds_bucket",
            "segstream_purchases_processing_seconds_bucket", "kafka_consumer_fetch_manager_records_lag_max",
            "segstream_segmentation_segment_size", "segstream_segmentation_changes_total",
            "segstream_churn_alerts_raised_total", "segstream_churn_alerts_open", "segstream_churn_alerts_winbacks_total",
            "segstream_dead_letters_total", "segstream_churn_model_age_seconds");

    @Test
    void everyDashboardParsesWithAUniqueUidAndTheDatasourceVariable() {
        Set<String> uids = new HashSet<>();
        for (Path file : dashboards()) {
            JsonNode dashboard = Repository.json(file);
            assertThat(uids.add(dashboard.path("uid").asString())).as("unique uid of %s", file).isTrue();
            assertThat(dashboard.path("title").asString()).isNotBlank();
            assertThat(variables(dashboard)).as("variables of %s", file).contains("datasource", "application");
            for (JsonNode panel : panels(dashboard)) {
                assertThat(panel.path("datasource").path("uid").asString()).as("%s: %s", file,
                        panel.path("title").asString()).isEqualTo("${datasource}");
                assertThat(panel.path("targets").isEmpty()).as("%s has queries", panel.path("title")).isFalse();
            }
        }
    }

    @Test
    void everyQueryReadsAMetricTheServicesDefine() {
        Set<String> known = MetricCatalogue.known();
        for (Path file : dashboards()) {
            JsonNode dashboard = Repository.json(file);
            for (JsonNode panel : panels(dashboard)) {
                for (JsonNode target : panel.path("targets")) {
                    Set<String> metrics = PromQl.metricNames(target.path("expr").asString());
                    assertThat(metrics).as("%s: panel \"%s\" query %s", file.getFileName(),
                            panel.path("title").asString(), target.path("expr").asString()).isNotEmpty();
                    assertThat(known).as("%s: panel \"%s\"", file.getFileName(), panel.path("title").asString())
                            .containsAll(metrics);
                }
            }
            for (JsonNode variable : dashboard.path("templating").path("list")) {
                Matcher matcher = LABEL_VALUES.matcher(variable.path("definition").asString(""));
                while (matcher.find()) {
                    assertThat(known).contains(matcher.group(1));
                }
            }
        }
    }

    @Test
    void theDashboardsCoverWhatTheIssueAsksFor() {
        Set<String> used = new HashSet<>();
        for (Path file : dashboards()) {
            for (JsonNode panel : panels(Repository.json(file))) {
                panel.path("targets").forEach(target -> used.addAll(PromQl.metricNames(target.path("expr").asString())));
            }
        }

        assertThat(used).containsAll(COVERED);
    }

    @Test
    void grafanaIsProvisionedWithTheComposePrometheusAndTheDashboardFolder() {
        Map<String, Object> datasource = Repository.map(Repository.list(
                Repository.yaml("deploy/grafana/provisioning/datasources/prometheus.yml").get("datasources")).get(0));
        Map<String, Object> provider = Repository.map(Repository.list(
                Repository.yaml("deploy/grafana/provisioning/dashboards/segstream.yml").get("providers")).get(0));
        List<String> mounts = Repository.list(ComposeFile.service("grafana").get("volumes")).stream()
                .map(String::valueOf).toList();

        assertThat(datasource).containsEntry("type", "prometheus").containsEntry("url", "http://prometheus:9090");
        assertThat(ComposeFile.services()).containsKey("prometheus");
        assertThat(Repository.list(ComposeFile.service("prometheus").get("ports"))).contains("9090:9090");
        assertThat(mounts).contains("./" + DASHBOARDS + ":" + Repository.at(provider, "options.path") + ":ro",
                "./deploy/grafana/provisioning:/etc/grafana/provisioning:ro");
        String home = ComposeFile.environment("grafana").get("GF_DASHBOARDS_DEFAULT_HOME_DASHBOARD_PATH");
        assertThat(Repository.file(DASHBOARDS).resolve(Path.of(home).getFileName())).exists();
    }

    static List<Path> dashboards() {
        List<Path> files = Repository.files(DASHBOARDS, ".json");
        assertThat(files).isNotEmpty();
        return files;
    }

    /** Every panel with queries, rows' nested panels included. */
    static List<JsonNode> panels(JsonNode dashboard) {
        List<JsonNode> panels = new ArrayList<>();
        for (JsonNode panel : dashboard.path("panels")) {
            if ("row".equals(panel.path("type").asString())) {
                panel.path("panels").forEach(panels::add);
            } else {
                panels.add(panel);
            }
        }
        return panels;
    }

    private static List<String> variables(JsonNode dashboard) {
        List<String> names = new ArrayList<>();
        dashboard.path("templating").path("list").forEach(variable -> names.add(variable.path("name").asString()));
        return names;
    }
}
