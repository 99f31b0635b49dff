package io.segstream.localstack.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * Memory per process at the end of a run: heap in use (the services' jvm.memory.used for area=heap, from their
 * Prometheus endpoint) and resident set size (VmRSS of /proc/PID/status), and the same for the launcher JVM, which
 * holds the Kafka broker and the MongoDB wire server.
 */
final class Footprint {
    static final String STEP = "memory";

    private Footprint() {
    }

    static void report(Map<String, Long> pids, Map<String, String> baseUrls, ServiceHttp http, Figures figures) {
        for (Map.Entry<String, String> service : baseUrls.entrySet()) {
            OptionalDouble heap = http.metric(service.getValue(), "jvm_memory_used_bytes", "area=\"heap\"");
            Long pid = pids.get(service.getKey());
            OptionalLong rss = pid == null ? OptionalLong.empty() : rssBytes(pid);
            figures.add(STEP, service.getKey() + ": heap used, RSS", describe(heap.isPresent()
                    ? OptionalLong.of((long) heap.getAsDouble()) : OptionalLong.empty(), rss));
        }
        long launcherHeap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        figures.add(STEP, "launcher JVM (Kafka broker + MongoDB wire server + harness): heap used, RSS",
                describe(OptionalLong.of(launcherHeap), rssBytes(ProcessHandle.current().pid())));
    }

    private static String describe(OptionalLong heap, OptionalLong rss) {
        return (heap.isPresent() ? Figures.megabytes(heap.getAsLong()) : "heap unknown") + " heap, "
                + (rss.isPresent() ? Figures.megabytes(rss.getAsLong()) : "RSS unknown") + " RSS";
    }

    /** VmRSS of a process, from /proc (Linux); empty elsewhere. */
    static OptionalLong rssBytes(long pid) {
        return MachineDescription.firstValue(Path.of("/proc", String.valueOf(pid), "status"), "VmRSS")
                .map(value -> value.replaceAll("[^0-9]", ""))
                .filter(digits -> !digits.isEmpty())
                .map(digits -> OptionalLong.of(Long.parseLong(digits) * 1024))
                .orElse(OptionalLong.empty());
    }
}
