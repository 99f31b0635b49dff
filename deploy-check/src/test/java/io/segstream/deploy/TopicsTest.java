package io.segstream.deploy;

import io.segstream.embedded.TopicLayout;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The topics docker-compose.yml and the Kubernetes Job create are the contract's, with TopicLayout's partition
 * counts: every event topic the same count, dead-letter topics one.
 */
class TopicsTest {
    /** The event-topic partition count of the deployments: the local stack's default, the HPAs' maxReplicas. */
    static final int EVENT_TOPIC_PARTITIONS = 6;

    @Test
    void composeCreatesTheTopicLayout() {
        Map<String, Integer> created = TopicScript.topics(ComposeFile.script("kafka-topics"));

        assertThat(created).containsExactlyInAnyOrderEntriesOf(TopicLayout.withPartitions(EVENT_TOPIC_PARTITIONS));
        assertThat(TopicScript.compacted(ComposeFile.script("kafka-topics")))
                .containsExactlyInAnyOrderElementsOf(TopicLayout.COMPACTED_TOPICS);
    }

    @Test
    void composeCreatesTopicsOnTheInternalListenerIdempotently() {
        String script = ComposeFile.script("kafka-topics");

        assertThat(script).contains("--bootstrap-server " + ComposeFileTest.kafkaInternalListener())
                .contains("--if-not-exists");
    }

    @Test
    void kubernetesJobCreatesTheTopicLayout() {
        Manifests.Manifest job = Manifests.one("Job", "segstream-topics");
        List<Object> containers = Repository.list(job.at("spec.template.spec.containers"));
        String script = String.join("\n", Repository.list(Repository.map(containers.get(0)).get("args"))
                .stream().map(String::valueOf).toList());

        assertThat(TopicScript.topics(script))
                .containsExactlyInAnyOrderEntriesOf(TopicLayout.withPartitions(EVENT_TOPIC_PARTITIONS));
        assertThat(TopicScript.compacted(script)).containsExactlyInAnyOrderElementsOf(TopicLayout.COMPACTED_TOPICS);
        assertThat(script).contains("--if-not-exists").contains("--replication-factor 3");
    }

    @Test
    void theScriptReaderFindsEveryCreateLine() {
        String script = "set -e\n  create a.v1 6\ncreate b.v1.dlq 1\n# create c 3 (comment)\ncreate d 1 compact\n";
        assertThat(TopicScript.topics(script))
                .containsExactly(Map.entry("a.v1", 6), Map.entry("b.v1.dlq", 1), Map.entry("d", 1));
        assertThat(TopicScript.compacted(script)).containsExactly("d");
    }
}
