package io.segstream.localstack.faults;

import io.segstream.localstack.FaultableStack;
import io.segstream.runtime.security.Role;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The fault-injection suite: the whole stack (broker, wire server with a data file, the four services as
 * processes from their executable jars) takes a steady stream of purchases and NPS answers, at least once from the
 * producer's side and with deliberate duplicates, while each service is killed with SIGKILL at a random moment and
 * restarted, the broker is restarted, MongoDB is away for 30 seconds and a second segmentation instance joins and
 * leaves the consumer group. Then every view must equal the truth computed from what was sent, exactly.
 *
 * <p>The moments and the order of the kills come from a seeded Random; the seed is printed and can be replayed with
 * {@code -Dsegstream.faults.seed=...}. The truth does not depend on timing: views are compared only once every
 * consumer group has caught up, and a comparison that still differs is repeated until a deadline (relays publish
 * what a crash left pending after their grace period), so a lasting difference is a real loss or double count.
 */
class FaultInjectionIT {
    private static final Duration READY = Duration.ofMinutes(6);
    private static final Duration CONVERGE = Duration.ofMinutes(4);
    private static final Duration CONVERGE_CHECK = Duration.ofSeconds(5);
    private static final Duration TRAFFIC_CHECK = Duration.ofMillis(500);
    private static final int CUSTOMERS = 300;
    private static final double EVENTS_PER_SECOND = 20;

    @Test
    void everyViewEqualsWhatWasSentAfterCrashesRestartsAndOutages(@TempDir Path dir) throws Exception {
        long seed = Long.getLong("segstream.faults.seed", System.currentTimeMillis());
        System.out.println("[fault] seed " + seed + " (replay with -Dsegstream.faults.seed=" + seed + ")");
        Random random = new Random(seed);
        long started = System.nanoTime();
        FaultLog faults = new FaultLog();
        Ledger ledger = new Ledger();
        FaultableStack stack = new FaultableStack(dir.resolve("data"), 3, "256m");
        TrafficDriver traffic = null;
        try {
            stack.start();
            stack.awaitReady(READY);
            faults.note("stack ready in " + seconds(started) + " s");
            String ingest = stack.bearer(Role.INGEST);
            traffic = new TrafficDriver(ledger, seed, CUSTOMERS, EVENTS_PER_SECOND, stack.bootstrapServers(),
                    stack.baseUrl("purchase-ingestion"), () -> ingest);
            traffic.start();
            long flowing = System.nanoTime();

            injectFaults(stack, traffic, faults, random);

            stack.awaitReady(READY);
            whileTrafficFlows(traffic, Duration.ofSeconds(3));
            traffic.stopProducing();
            faults.note("traffic stopped after " + seconds(flowing) + " s: " + ledger.purchaseCount()
                    + " purchases, " + ledger.feedbackCount() + " feedback");
            traffic.awaitDelivered(Duration.ofMinutes(3));
            assertThat(traffic.problems()).as("events the services refused").isEmpty();
            faults.note("every send acknowledged");

            Truth truth = Truth.of(ledger);
            ViewAudit.Findings findings = converge(stack, truth, faults);
            report(seed, faults, ledger, truth, findings, started);
            assertThat(findings.discrepancies()).as("views that differ from what was sent").isEmpty();
        } catch (Throwable failure) {
            stack.printLogTails(30);
            throw failure;
        } finally {
            if (traffic != null) {
                traffic.close();
            }
            stack.close();
        }
    }

    /**
     * Each service killed once (in a random order), a second segmentation instance started, the broker restarted,
     * MongoDB away for 30 s, the second instance stopped; a random pause of a few seconds before each. A killed
     * service is restarted at once and the next fault does not wait for it (faults overlap), except that the broker
     * and the database go away only while every process is up: a service that starts without its database exits.
     */
    private static void injectFaults(FaultableStack stack, TrafficDriver traffic, FaultLog faults, Random random) {
        List<String> victims = new ArrayList<>(stack.serviceNames());
        Collections.shuffle(victims, random);
        int extraPort = -1;
        for (int step = 0; step < 8; step++) {
            whileTrafficFlows(traffic, Duration.ofMillis(2_000 + random.nextInt(6_000)));
            switch (step) {
                case 0, 2, 4, 7 -> killAndRestart(stack, traffic, faults, victims.remove(0), random);
                case 1 -> {
                    extraPort = stack.startExtraInstance("segmentation");
                    faults.injected("SECOND_INSTANCE_STARTED", "segmentation", "port " + extraPort);
                }
                case 3 -> {
                    awaitEveryProcess(stack, faults);
                    faults.injected("BROKER_RESTART", "kafka", "closed, started again after 3 s");
                    stack.restartBroker(Duration.ofSeconds(3));
                    faults.note("broker back");
                }
                case 5 -> {
                    awaitEveryProcess(stack, faults);
                    faults.injected("MONGODB_OUTAGE", "wire server", "stopped for 30 s");
                    stack.stopDatabase();
                    whileTrafficFlows(traffic, Duration.ofSeconds(30));
                    stack.startDatabase();
                    faults.note("wire server back");
                }
                case 6 -> {
                    faults.injected("SECOND_INSTANCE_STOPPED", "segmentation", "SIGTERM to port " + extraPort);
                    stack.stopExtraInstance(extraPort);
                }
                default -> throw new IllegalStateException();
            }
        }
    }

    private static void killAndRestart(FaultableStack stack, TrafficDriver traffic, FaultLog faults, String service,
                                       Random random) {
        long pid = stack.kill(service);
        faults.injected("SIGKILL", service, "pid " + pid);
        whileTrafficFlows(traffic, Duration.ofMillis(random.nextInt(3_000)));
        stack.restart(service);
    }

    private static void awaitEveryProcess(FaultableStack stack, FaultLog faults) {
        stack.awaitReady(READY);
        faults.note("every process ready");
    }

    /**
     * Lets the traffic run for a while (a fault in effect, or the gap before the next one); the services must refuse
     * nothing meanwhile.
     */
    private static void whileTrafficFlows(TrafficDriver traffic, Duration duration) {
        await().during(duration).atMost(duration.plus(TRAFFIC_CHECK.multipliedBy(4))).pollInterval(TRAFFIC_CHECK)
                .untilAsserted(() -> assertThat(traffic.problems()).as("events the services refused").isEmpty());
    }

    /** Waits for every group to catch up, then compares; repeats while a view still differs, up to a deadline. */
    private static ViewAudit.Findings converge(FaultableStack stack, Truth truth, FaultLog faults) throws Exception {
        ViewAudit audit = new ViewAudit(stack);
        AtomicReference<ViewAudit.Findings> findings = new AtomicReference<>();
        AtomicReference<Map<String, Long>> lag = new AtomicReference<>(Map.of());
        try {
            await().atMost(CONVERGE).pollDelay(Duration.ZERO).pollInterval(CONVERGE_CHECK).until(() -> {
                lag.set(consumerLag(stack));
                if (!lag.get().values().stream().allMatch(n -> n == 0)) {
                    faults.note("consumer lag " + lag.get());
                    return false;
                }
                findings.set(audit.check(truth));
                if (findings.get().discrepancies().isEmpty()) {
                    return true;
                }
                faults.note(findings.get().discrepancies().size() + " differences left, e.g. "
                        + findings.get().discrepancies().stream().limit(3).toList());
                return false;
            });
            faults.note("every view equals the truth");
            return findings.get();
        } catch (ConditionTimeoutException e) {
            assertThat(lag.get()).as("consumer lag per group after " + CONVERGE).allSatisfy((group, n) ->
                    assertThat(n).as(group).isZero());
            return findings.get() == null ? audit.check(truth) : findings.get();
        }
    }

    private static Map<String, Long> consumerLag(FaultableStack stack) {
        try {
            return ConsumerLag.of(stack.bootstrapServers());
        } catch (Exception e) {
            return Map.of("unknown: " + e.getClass().getSimpleName(), -1L);
        }
    }

    private static void report(long seed, FaultLog faults, Ledger ledger, Truth truth, ViewAudit.Findings findings,
                               long started) {
        StringBuilder out = new StringBuilder("\n==== fault-injection report ====\n");
        out.append("seed                    ").append(seed).append('\n');
        out.append("faults injected         ").append(faults.total()).append(' ').append(faults.byKind()).append('\n');
        faults.all().forEach(f -> out.append("  +").append(String.format("%5.1f", faults.since(f.at()))).append("s ")
                .append(f.kind()).append(' ').append(f.target()).append(' ').append(f.detail()).append('\n'));
        out.append("sends                   ").append(ledger.sends.get()).append(" (HTTP posts ")
                .append(ledger.httpSends.get()).append(", of which retries ").append(ledger.httpRetries.get())
                .append("; Kafka resends ").append(ledger.kafkaResends.get()).append(")\n");
        out.append("distinct events         ").append(truth.purchaseIds.size() + truth.feedbackIds.size())
                .append(" (purchases ").append(truth.purchaseIds.size()).append(", feedback ")
                .append(truth.feedbackIds.size()).append(", customers ").append(truth.customers.size()).append(")\n");
        out.append("duplicates sent         ").append(ledger.deliberateDuplicates.get()).append(" deliberate (")
                .append(ledger.crossPathDuplicates.get()).append(" of HTTP purchases again through Kafka)\n");
        out.append("duplicates on topics    ").append(findings.topicDuplicates()).append('\n');
        out.append("profiles                ").append(findings.profiles()).append(", churn alerts listed ")
                .append(findings.alerts()).append('\n');
        out.append("events checked per view\n");
        findings.eventsChecked().forEach((view, n) -> out.append("  ").append(view).append(": ").append(n)
                .append('\n'));
        out.append("differences             ").append(findings.discrepancies().size()).append('\n');
        findings.discrepancies().stream().limit(40).forEach(d -> out.append("  ").append(d).append('\n'));
        out.append("time taken              ").append(seconds(started)).append(" s\n");
        System.out.println(out);
    }

    private static long seconds(long since) {
        return Duration.ofNanos(System.nanoTime() - since).toSeconds();
    }
}
