package io.segstream.runtime.health;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

import java.util.concurrent.TimeUnit;

/** Kafka health: the cluster answers a describe-cluster request within the timeout and has a broker. */
public class KafkaBrokerHealthIndicator extends AbstractHealthIndicator {
    private final Admin admin;
    private final long timeoutMs;

    public KafkaBrokerHealthIndicator(Admin admin, long timeoutMs) {
        super("Kafka cluster not reachable");
        this.admin = admin;
        this.timeoutMs = timeoutMs;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) throws Exception {
        var cluster = admin.describeCluster(new DescribeClusterOptions().timeoutMs((int) timeoutMs));
        int nodes = cluster.nodes().get(timeoutMs, TimeUnit.MILLISECONDS).size();
        String clusterId = cluster.clusterId().get(timeoutMs, TimeUnit.MILLISECONDS);
        if (nodes == 0) {
            builder.down().withDetail("nodes", 0);
        } else {
            builder.up().withDetail("clusterId", clusterId).withDetail("nodes", nodes);
        }
    }
}
