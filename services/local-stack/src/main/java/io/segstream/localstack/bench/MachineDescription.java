package io.segstream.localstack.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** What the figures were measured on: CPU, cores, memory, Java, OS, date and the code's git commit. */
final class MachineDescription {
    private static final Path CPU_INFO = Path.of("/proc/cpuinfo");
    private static final Path MEM_INFO = Path.of("/proc/meminfo");

    private MachineDescription() {
    }

    static Map<String, String> describe(Path home, Instant now) {
        Map<String, String> machine = new LinkedHashMap<>();
        machine.put("CPU", firstValue(CPU_INFO, "model name").orElse("unknown (no /proc/cpuinfo)"));
        machine.put("cores available to the JVM", String.valueOf(Runtime.getRuntime().availableProcessors()));
        machine.put("memory", firstValue(MEM_INFO, "MemTotal").map(MachineDescription::kilobytesAsGigabytes)
                .orElse("unknown (no /proc/meminfo)"));
        machine.put("Java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version") + " ("
                + System.getProperty("java.vendor") + ")");
        machine.put("OS", System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch"));
        machine.put("date", now.truncatedTo(ChronoUnit.SECONDS).toString());
        machine.put("git commit", gitCommit(home));
        return machine;
    }

    /** The value of the first "name : value" line of a /proc file. */
    static java.util.Optional<String> firstValue(Path file, String name) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                    .filter(line -> line.startsWith(name))
                    .map(line -> line.substring(line.indexOf(':') + 1).trim())
                    .findFirst();
        } catch (IOException e) {
            return java.util.Optional.empty();
        }
    }

    private static String kilobytesAsGigabytes(String value) {
        String digits = value.replaceAll("[^0-9]", "");
        return digits.isEmpty() ? value
                : String.format(java.util.Locale.ROOT, "%.1f GB", Long.parseLong(digits) / 1_048_576.0);
    }

    /** The HEAD commit, with "+ uncommitted changes" when the tree differs from it. */
    private static String gitCommit(Path home) {
        String commit = git(home, "rev-parse", "--short=12", "HEAD");
        if (commit.isEmpty()) {
            return "unknown (not a git checkout)";
        }
        return git(home, "status", "--porcelain", "--untracked-files=no").isEmpty() ? commit
                : commit + " + uncommitted changes";
    }

    private static String git(Path home, String... args) {
        List<String> command = new java.util.ArrayList<>(List.of("git", "-C", home.toString()));
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(false).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            return process.waitFor(10, TimeUnit.SECONDS) && process.exitValue() == 0 ? output : "";
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }
}
