package io.segstream.localstack.bench;

import java.util.List;
import java.util.Map;

/**
 * The results section of docs/benchmarks.md. The file keeps its hand-written introduction; everything after the
 * marker line is replaced by each run, so the file always shows exactly one run's figures.
 */
final class BenchReport {
    static final String MARKER = "<!-- Everything below this line is written by ./segstream bench and replaced by its next run. -->";

    private BenchReport() {
    }

    /** The command as typed in a shell: an argument with spaces or quotes is single-quoted. */
    static String commandLine(String[] args) {
        StringBuilder line = new StringBuilder("./segstream bench");
        for (String arg : args) {
            line.append(' ').append(arg.matches("[A-Za-z0-9_./=:,+-]+") ? arg : "'" + arg.replace("'", "'\\''") + "'");
        }
        return line.toString();
    }

    /** The results section: note, command line, machine, then every figure in a table. */
    static String results(String note, String commandLine, Map<String, String> machine, List<Figures.Figure> figures) {
        StringBuilder md = new StringBuilder("## Results\n\n");
        if (note != null && !note.isBlank()) {
            md.append("**").append(escape(note)).append("**\n\n");
        }
        md.append("Command: `").append(commandLine.replace("`", "'")).append("`\n\n");
        md.append("| machine | |\n| --- | --- |\n");
        machine.forEach((name, value) -> md.append("| ").append(escape(name)).append(" | ").append(escape(value))
                .append(" |\n"));
        md.append("\n| step | figure | value |\n| --- | --- | --- |\n");
        for (Figures.Figure figure : figures) {
            md.append("| ").append(escape(figure.step())).append(" | ").append(escape(figure.name())).append(" | ")
                    .append(escape(figure.value())).append(" |\n");
        }
        return md.toString();
    }

    /** The document with its results section replaced (or added after the text when it has none yet). */
    static String replaceResults(String document, String results) {
        int at = document.indexOf(MARKER);
        String intro = at >= 0 ? document.substring(0, at) : document.isBlank() ? "" : document.stripTrailing() + "\n\n";
        return intro + MARKER + "\n\n" + results;
    }

    /** A pipe would end a table cell and a line break the row. */
    private static String escape(String text) {
        return text.replace("|", "\\|").replace("\r", " ").replace("\n", " ");
    }
}
