package io.segstream.localstack.bench;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class BenchReportTest {
    private static final String INTRO = "# Benchmarks\n\nWhat each figure means.\n\n";

    @Test
    void replacesOnlyTheResultsSection() {
        String old = INTRO + BenchReport.MARKER + "\n\n## Results\n\n| old | figures |\n";
        String updated = BenchReport.replaceResults(old, "## Results\n\nnew figures\n");
        assertThat(updated).isEqualTo(INTRO + BenchReport.MARKER + "\n\n## Results\n\nnew figures\n");
        assertThat(BenchReport.replaceResults(updated, "## Results\n\nnew figures\n")).as("idempotent")
                .isEqualTo(updated);
    }

    @Test
    void aDocumentWithoutResultsKeepsItsTextAndGetsTheMarker() {
        String updated = BenchReport.replaceResults("# Benchmarks\n\nintro\n\n\n", "## Results\n");
        assertThat(updated).isEqualTo("# Benchmarks\n\nintro\n\n" + BenchReport.MARKER + "\n\n## Results\n");
        assertThat(BenchReport.replaceResults("", "## Results\n")).isEqualTo(BenchReport.MARKER + "\n\n## Results\n");
    }

    @Test
    void resultsHaveTheNoteCommandMachineAndEveryFigure() {
        Map<String, String> machine = new LinkedHashMap<>();
        machine.put("CPU", "Some CPU @ 2.0GHz");
        machine.put("cores available to the JVM", "2");
        String results = BenchReport.results("Quick run on a loaded machine", "./segstream bench --quick", machine,
                List.of(new Figures.Figure("raw broker", "produce", "80,000 msg/s, 32.0 MB/s"),
                        new Figures.Figure("re-evaluation", "time-based sweep", "not measured: a | b")));
        assertThat(results).isEqualTo("""
                ## Results

                **Quick run on a loaded machine**

                Command: `./segstream bench --quick`

                | machine | |
                | --- | --- |
                | CPU | Some CPU @ 2.0GHz |
                | cores available to the JVM | 2 |

                | step | figure | value |
                | --- | --- | --- |
                | raw broker | produce | 80,000 msg/s, 32.0 MB/s |
                | re-evaluation | time-based sweep | not measured: a \\| b |
                """);
    }

    @Test
    void theCommandLineIsQuotedAsAShellNeedsIt() {
        assertThat(BenchReport.commandLine(new String[] {"--quick", "--note", "a loaded machine", "--rate=500"}))
                .isEqualTo("./segstream bench --quick --note 'a loaded machine' --rate=500");
        assertThat(BenchReport.commandLine(new String[] {"--note", "it's"}))
                .isEqualTo("./segstream bench --note 'it'\\''s'");
        assertThat(BenchReport.commandLine(new String[0])).isEqualTo("./segstream bench");
    }

    @Test
    void withoutANoteThereIsNoNoteLine() {
        assertThat(BenchReport.results(null, "./segstream bench", Map.of(), List.of()))
                .startsWith("## Results\n\nCommand: `./segstream bench`\n\n");
    }
}
