package io.segstream.localstack.bench;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.TopicPartition;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A service process stopped (SIGSTOP) while the bench measures another one alone, so that it neither takes CPU from
 * it (2 cores here) nor works through the same topic at the same time; resumed (SIGCONT) with its consumer group
 * moved past what was produced meanwhile, so that it does not spend the next steps catching up on the bench's own
 * records. The group's position is moved once the broker has dropped the stopped member (its session timeout), as
 * {@code kafka-consumer-groups --reset-offsets --to-latest} would; the service then rejoins and reads on from there.
 */
final class PausedConsumer implements AutoCloseable {
    /**
     * The bench starts churn-alerting with a short consumer session (the broker's minimum is 6 s), so that the
     * broker drops the paused member soon instead of after Kafka's default 45 s.
     */
    static final String SESSION_TIMEOUT_ARGUMENT = "--spring.kafka.consumer.properties.session.timeout.ms=8000";
    /** The session timeout and a margin for the broker to act. */
    static final Duration EMPTY_WAIT = Duration.ofSeconds(60);
    private static final Duration POLL = Duration.ofSeconds(1);
    private static final long ADMIN_TIMEOUT_SECONDS = 15;

    private final String service;
    private final long pid;
    private final String group;
    private final List<String> topics;
    private final String bootstrapServers;
    private final PrintStream progress;
    private long skipped = -1;

    private PausedConsumer(String service, long pid, String group, List<String> topics, String bootstrapServers,
                           PrintStream progress) {
        this.service = service;
        this.pid = pid;
        this.group = group;
        this.topics = topics;
        this.bootstrapServers = bootstrapServers;
        this.progress = progress;
    }

    /** Stops the service's process; {@link #close()} resumes it past what was produced meanwhile. */
    static PausedConsumer pause(String service, long pid, String group, List<String> topics, String bootstrapServers,
                                PrintStream progress) {
        signal("STOP", pid);
        progress.printf(Locale.ROOT, "bench: %s paused (SIGSTOP) while segmentation is measured alone%n", service);
        return new PausedConsumer(service, pid, group, topics, bootstrapServers, progress);
    }

    @Override
    public void close() {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            skipped = skipToEnd(admin);
            progress.printf(Locale.ROOT, "bench: %s resumed, %,d records produced meanwhile skipped%n", service,
                    skipped);
        } catch (RuntimeException | ExecutionException | TimeoutException e) {
            progress.printf(Locale.ROOT, "bench: %s resumed without skipping what it missed: %s%n", service,
                    e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            signal("CONT", pid);
        }
    }

    /** Records of its topics the service skipped when it was resumed; -1 before that or when skipping failed. */
    long skipped() {
        return skipped;
    }

    /** Waits until the group has no member, then commits the end of every partition of its topics for it. */
    private long skipToEnd(Admin admin) throws ExecutionException, InterruptedException, TimeoutException {
        long deadline = System.nanoTime() + EMPTY_WAIT.toNanos();
        while (true) {
            ConsumerGroupDescription description = admin.describeConsumerGroups(List.of(group)).describedGroups()
                    .get(group).get(ADMIN_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            if (description.groupState() == GroupState.EMPTY || description.groupState() == GroupState.DEAD) {
                break;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the group " + group + " still has members after " + EMPTY_WAIT);
            }
            Pause.sleep(POLL);
        }
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        admin.describeTopics(topics).allTopicNames().get(ADMIN_TIMEOUT_SECONDS, TimeUnit.SECONDS).forEach(
                (topic, description) -> description.partitions().forEach(partition -> latest.put(
                        new TopicPartition(topic, partition.partition()), OffsetSpec.latest())));
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(latest).all()
                .get(ADMIN_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata().get(ADMIN_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        Map<TopicPartition, OffsetAndMetadata> moved = new HashMap<>();
        long skipped = 0;
        for (Map.Entry<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> end : ends.entrySet()) {
            OffsetAndMetadata at = committed.get(end.getKey());
            long from = at == null ? 0 : at.offset();
            if (end.getValue().offset() > from) {
                skipped += end.getValue().offset() - from;
                moved.put(end.getKey(), new OffsetAndMetadata(end.getValue().offset()));
            }
        }
        if (!moved.isEmpty()) {
            admin.alterConsumerGroupOffsets(group, moved).all().get(ADMIN_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        }
        return skipped;
    }

    private static void signal(String signal, long pid) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO().start();
            if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
                throw new IllegalStateException("kill -" + signal + " " + pid + " failed");
            }
        } catch (IOException e) {
            throw new IllegalStateException("kill -" + signal + " " + pid + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
