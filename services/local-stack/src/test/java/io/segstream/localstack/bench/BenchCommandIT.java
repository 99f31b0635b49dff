package io.segstream.localstack.bench;

import io.segstream.localstack.LocalStack;
import io.segstream.localstack.TestStacks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A bench run at the smallest sizes against the whole stack (the services' executable jars, as ./segstream runs
 * them), without the replays: segmentation alone is measured, the seeded customers are made through segmentation
 * (its re-evaluation counts them) and both sweep passes are measured over every customer. Most of its time goes to
 * starting the stack.
 */
class BenchCommandIT {
    private static final int SEEDED = 2_000;
    private static final Duration READY = Duration.ofMinutes(8);
    private static final Pattern REEVALUATED = Pattern.compile(
            "value-tier redefined, ([\\d,]+) profiles re-evaluated \\(([\\d,]+) of them seeded");

    @Test
    void aSmallRunSeedsReevaluatesAndSweepsTheSeededCustomers(@TempDir Path dir) {
        Path home = Path.of(System.getProperty("segstream.home", "../..")).toAbsolutePath().normalize();
        BenchOptions options = BenchOptions.parse(new String[] {"--quick", "--no-replay", "--events", "500",
                "--fixed-events", "200", "--customers", "100", "--db-documents", "500", "--profiles",
                String.valueOf(SEEDED), "--partitions", "3", "--service-heap", "256m",
                "--data-dir", dir.resolve("data").toString(), "--output", dir.resolve("bench.md").toString()}, home);
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);
        Figures figures = new Figures(out);
        try (LocalStack stack = TestStacks.withOwnKey(options.stack(), dir)) {
            stack.start();
            stack.awaitReady(READY);
            BenchCommand.measure(options, stack, figures, out, System.err);
        }
        String all = printed.toString(StandardCharsets.UTF_8);

        assertThat(value(figures, SegmentationBench.SATURATED, "applied by segmentation")).startsWith("500 by ");
        assertThat(value(figures, SegmentationBench.FIXED, "latency")).contains("p99");
        assertThat(value(figures, SegmentationBench.LIGHT, "recorded purchases sent")).startsWith("20 in");
        assertThat(value(figures, ProfileSeed.STEP, "customers made through segmentation")).doesNotStartWith(
                "not measured").contains("events/s");
        Matcher reevaluated = REEVALUATED.matcher(all);
        assertThat(reevaluated.find()).as(all).isTrue();
        assertThat(number(reevaluated.group(2))).isEqualTo(SEEDED);
        assertThat(number(reevaluated.group(1))).as("the seeded customers and the pipeline's")
                .isGreaterThanOrEqualTo(SEEDED);
        List<Figures.Figure> sweeps = figures.all().stream().filter(f -> f.step().equals(SweepBench.STEP)
                && f.name().startsWith("sweep of")).toList();
        assertThat(sweeps).hasSize(2).allSatisfy(sweep -> {
            assertThat(number(sweep.name().replaceAll("sweep of ([\\d,]+) .*", "$1")))
                    .as("every customer who bought, the seeded ones included").isGreaterThanOrEqualTo(SEEDED);
            assertThat(sweep.value()).doesNotStartWith("not measured").contains("customers/s", "changes published");
        });
        assertThat(sweeps.get(1).value()).as("months of silence move customers")
                .doesNotContain(" 0 changes published");
        assertThat(figures.all()).filteredOn(f -> f.name().startsWith("events while"))
                .hasSize(3).allSatisfy(f -> assertThat(f.value()).contains("p99"));
        assertThat(value(figures, Footprint.STEP, "segmentation")).contains("MB heap");
        assertThat(value(figures, SegmentationBench.SATURATED, "churn-alerting during"))
                .as("churn-alerting stood aside and skipped the segmentation steps' records")
                .matches("paused \\(SIGSTOP\\); [1-9][\\d,]* records of its topics skipped when resumed");
    }

    private static String value(Figures figures, String step, String nameContains) {
        return figures.all().stream().filter(f -> f.step().equals(step) && f.name().contains(nameContains))
                .map(Figures.Figure::value).findFirst().orElseThrow(() -> new AssertionError(
                        "no figure " + step + " / " + nameContains + " in " + figures.all()));
    }

    private static long number(String figure) {
        return Long.parseLong(figure.replace(",", ""));
    }
}
