package io.segstream.localstack.replay;

import java.io.PrintStream;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * The progress line on stderr, rewritten in place at most every {@link #INTERVAL_NANOS}: rows read and share of the
 * file while reading; events sent, percent and rate while sending.
 */
final class Progress {
    static final long INTERVAL_NANOS = 500_000_000L;

    private final PrintStream err;
    private final LongSupplier nanoTime;
    private long lastPrinted = Long.MIN_VALUE;
    private long sendingStarted;
    private int lastLength;

    Progress(PrintStream err, LongSupplier nanoTime) {
        this.err = err;
        this.nanoTime = nanoTime;
    }

    void reading(long rows, double fractionOfFile) {
        if (due()) {
            print(String.format(Locale.ROOT, "replay: reading, %,d rows read (%d%% of the file)", rows,
                    Math.round(fractionOfFile * 100)));
        }
    }

    void startSending() {
        sendingStarted = nanoTime.getAsLong();
        lastPrinted = Long.MIN_VALUE;
    }

    void sending(long rowsRead, long sent, long total) {
        if (due() || sent == total) {
            double seconds = Math.max(1e-9, (nanoTime.getAsLong() - sendingStarted) / 1e9);
            long percent = total == 0 ? 100 : sent * 100 / total;
            print(String.format(Locale.ROOT, "replay: %,d rows read, %,d/%,d events sent (%d%%), %,.0f events/s",
                    rowsRead, sent, total, percent, sent / seconds));
        }
    }

    /** Ends the line so that what follows starts on a fresh one. */
    void done() {
        if (lastLength > 0) {
            err.println();
            lastLength = 0;
        }
    }

    private boolean due() {
        long now = nanoTime.getAsLong();
        if (lastPrinted == Long.MIN_VALUE || now - lastPrinted >= INTERVAL_NANOS) {
            lastPrinted = now;
            return true;
        }
        return false;
    }

    private void print(String line) {
        String padding = " ".repeat(Math.max(0, lastLength - line.length()));
        err.print("\r" + line + padding);
        err.flush();
        lastLength = line.length();
    }
}
