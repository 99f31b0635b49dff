package io.segstream.localstack.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Every figure of a run, in the order measured; each is printed the moment it is known. */
final class Figures {
    /** One measured figure (or "not measured: why") of one step. */
    record Figure(String step, String name, String value) {
    }

    private final List<Figure> figures = new ArrayList<>();
    private final PrintStream out;

    Figures(PrintStream out) {
        this.out = out;
    }

    void add(String step, String name, String value) {
        figures.add(new Figure(step, name, value));
        out.printf(Locale.ROOT, "  %-21s %-60s %s%n", step, name, value);
        out.flush();
    }

    void notMeasured(String step, String name, String reason) {
        add(step, name, "not measured: " + reason);
    }

    List<Figure> all() {
        return List.copyOf(figures);
    }

    static String perSecond(double perSecond, String unit) {
        return String.format(Locale.ROOT, "%,.0f %s/s", perSecond, unit);
    }

    static String megabytesPerSecond(double bytesPerSecond) {
        return String.format(Locale.ROOT, "%.1f MB/s", bytesPerSecond / 1_000_000.0);
    }

    static String seconds(double seconds) {
        return String.format(Locale.ROOT, "%.1f s", seconds);
    }

    static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%,d MB", Math.round(bytes / 1_048_576.0));
    }
}
