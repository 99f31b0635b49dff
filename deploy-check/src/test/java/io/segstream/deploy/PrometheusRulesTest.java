package io.segstream.deploy;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * deploy/prometheus: the scrape configuration reaches every service where docker-compose.yml runs it; the alert rules
 * are in rule-file format, read only metrics that exist, cover what operators must be woken for, point at their
 * runbook in docs/operations.md, and are the same as the Kubernetes PrometheusRule. (promtool is not available here:
 * PromQL syntax itself is not checked.)
 */
class PrometheusRulesTest {
    static final String RULES = "deploy/prometheus/rules/segstream-alerts.yml";
    private static final Set<String> SEVERITIES = Set.of("critical", "warning", "info");
    private static final String DURATION = "\\d+[smhdw]";
    /** What the rules must watch, by the metric each must read. */
    private static final List<String> WATCHED = List.of("up", "kafka_consumer_fetch_manager_records_lag_max",
            "segstream_dead_letters_total", "segstream_churn_alerts_raised_total", "segstream_churn_model_age_seconds");

    @Test
    void rulesAreInRuleFileFormatWithSeverityAndRunbook() {
        Set<String> groups = new HashSet<>();
        Set<String> alerts = new HashSet<>();
        for (Object group : Repository.list(Repository.yaml(RULES).get("groups"))) {
            Map<String, Object> g = Repository.map(group);
            assertThat(groups.add(String.valueOf(g.get("name")))).as("unique group %s", g.get("name")).isTrue();
            assertThat(Repository.list(g.get("rules"))).isNotEmpty();
            for (Object rule : Repository.list(g.get("rules"))) {
                Map<String, Object> r = Repository.map(rule);
                String alert = String.valueOf(r.get("alert"));
                assertThat(alerts.add(alert)).as("unique alert %s", alert).isTrue();
                assertThat(alert).matches("[A-Z][A-Za-z0-9]+");
                assertThat(String.valueOf(r.get("expr"))).isNotBlank();
                assertThat(String.valueOf(r.get("for"))).matches(DURATION);
                assertThat(SEVERITIES).contains(String.valueOf(Repository.at(r, "labels.severity")));
                Map<String, Object> annotations = Repository.map(r.get("annotations"));
                assertThat(annotations).containsKeys("summary", "description");
                assertThat(annotations.get("runbook_url")).isEqualTo("docs/operations.md#" + alert.toLowerCase());
            }
        }
    }

    @Test
    void rulesReadOnlyKnownMetricsAndWatchWhatTheIssueAsks() {
        Set<String> known = MetricCatalogue.known();
        Set<String> read = new HashSet<>();
        for (Map<String, Object> rule : rules()) {
            Set<String> metrics = PromQl.metricNames(String.valueOf(rule.get("expr")));
            assertThat(known).as("metrics of %s", rule.get("alert")).containsAll(metrics);
            read.addAll(metrics);
        }

        assertThat(read).containsAll(WATCHED);
    }

    @Test
    void everyAlertHasItsSectionInTheOperationsGuide() {
        String guide = Repository.text("docs/operations.md");

        for (Map<String, Object> rule : rules()) {
            assertThat(guide).as("docs/operations.md has a heading for %s", rule.get("alert"))
                    .containsPattern("(?m)^#{2,4} " + rule.get("alert") + "\\s*$");
        }
    }

    @Test
    void theKubernetesPrometheusRuleHasTheSameGroups() {
        Object groups = Manifests.one("PrometheusRule", "segstream").at("spec.groups");

        assertThat(groups).isEqualTo(Repository.yaml(RULES).get("groups"));
    }

    @Test
    void prometheusScrapesEveryServiceWhereComposeRunsItAndLoadsTheRules() {
        Map<String, Object> config = Repository.yaml("deploy/prometheus/prometheus.yml");
        Map<String, Object> job = Repository.list(config.get("scrape_configs")).stream().map(Repository::map)
                .filter(j -> "segstream".equals(j.get("job_name"))).findFirst().orElseThrow();
        List<String> targets = new ArrayList<>();
        Repository.list(job.get("static_configs")).forEach(c ->
                Repository.list(Repository.map(c).get("targets")).forEach(t -> targets.add(String.valueOf(t))));

        assertThat(job).containsEntry("metrics_path", "/actuator/prometheus");
        assertThat(targets).containsExactlyInAnyOrderElementsOf(Repository.SERVICES.stream()
                .map(name -> name + ":" + ServiceSettings.of(name).port()).toList());
        assertThat(Repository.list(config.get("rule_files"))).contains("/etc/prometheus/rules/*.yml");
        assertThat(Repository.list(ComposeFile.service("prometheus").get("volumes")))
                .contains("./deploy/prometheus/rules:/etc/prometheus/rules:ro");
        // The rules and dashboards select job="segstream": the job name both places use.
        assertThat(Repository.text(RULES)).contains("job=\"segstream\"");
    }

    private static List<Map<String, Object>> rules() {
        List<Map<String, Object>> rules = new ArrayList<>();
        Repository.list(Repository.yaml(RULES).get("groups")).forEach(group ->
                Repository.list(Repository.map(group).get("rules")).forEach(rule -> rules.add(Repository.map(rule))));
        return rules;
    }
}
