package io.segstream.localstack.replay;

import io.segstream.contracts.purchase.PurchaseSubmitted;
import io.segstream.localstack.LocalCredentials;
import io.segstream.localstack.replay.ReplayClient.ReplayFailedException;
import io.segstream.localstack.replay.ReplayTally.ItemOutcome;
import io.segstream.runtime.security.Role;

import java.io.IOException;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code ./segstream replay}: reads a real purchase history (CDNOW or UCI Online Retail), sends it to a running
 * purchase-ingestion in batches with the original event times, shows progress on stderr and prints a summary of what
 * the service accepted, found duplicate or rejected (by code). Event ids come from the file's rows, so a second run
 * (or a run after an interruption) records nothing twice. Exit code 0 when every event got an answer (rejections
 * included), 1 when the replay had to stop, 2 for a wrong command line.
 */
public final class ReplayCommand {
    /** Attempts per batch while the service is unavailable, about a minute with the default wait. */
    static final int MAX_ATTEMPTS = 30;
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

    private ReplayCommand() {
    }

    public static int run(String[] args) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();
        Path home = Path.of(System.getProperty("segstream.home", ".")).toAbsolutePath().normalize();
        // Posting purchases is all a replay does: INGEST, signed with the checkout's key like the stack's services.
        Supplier<String> authorization = LocalCredentials.ofCheckout(home).bearer("segstream-replay", Role.INGEST);
        return run(args, System.out, System.err, options -> new ReplayClient(http, options.url(), MAX_ATTEMPTS,
                duration -> Thread.sleep(duration.toMillis()), authorization));
    }

    /** Creates the HTTP client for the options (a test points it at a stub and waits without sleeping). */
    interface ReplayClientFactory {
        ReplayClient create(ReplayOptions options);
    }

    static int run(String[] args, PrintStream out, PrintStream err, ReplayClientFactory clients) {
        if (java.util.Arrays.stream(args).anyMatch(arg -> arg.equals("--help") || arg.equals("-h"))) {
            out.print(ReplayOptions.USAGE);
            return 0;
        }
        ReplayOptions options;
        try {
            options = ReplayOptions.parse(args);
        } catch (ReplayOptions.UsageException e) {
            err.println("segstream replay: " + e.getMessage());
            err.print(ReplayOptions.USAGE);
            return 2;
        }
        Progress progress = new Progress(err, System::nanoTime);
        long started = System.nanoTime();
        HistoryEvents history;
        try (HistoryFile file = HistoryFile.open(options.file())) {
            history = switch (options.format()) {
                case CDNOW -> new CdnowReader().read(file, options.until(), progress);
                case ONLINE_RETAIL -> new OnlineRetailReader().read(file, options.until(), progress);
            };
        } catch (IOException e) {
            progress.done();
            err.println("segstream replay: cannot read " + options.file() + ": " + e.getMessage());
            return 1;
        }
        ReplayTally tally = new ReplayTally();
        ReplayClient client = clients.create(options);
        List<PurchaseSubmitted> events = history.events();
        progress.startSending();
        progress.sending(history.rowsRead(), 0, events.size());
        try {
            for (int from = 0; from < events.size(); from += options.batchSize()) {
                List<PurchaseSubmitted> batch = events.subList(from, Math.min(events.size(), from + options.batchSize()));
                for (ItemOutcome outcome : client.send(batch)) {
                    tally.add(outcome);
                }
                progress.sending(history.rowsRead(), tally.sent(), events.size());
            }
        } catch (ReplayFailedException e) {
            progress.done();
            printSummary(out, options, history, tally, System.nanoTime() - started);
            err.println("segstream replay: " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            progress.done();
            err.println("segstream replay: interrupted; run it again to resume");
            return 1;
        }
        progress.done();
        printSummary(out, options, history, tally, System.nanoTime() - started);
        return 0;
    }

    static void printSummary(PrintStream out, ReplayOptions options, HistoryEvents history, ReplayTally tally,
                             long elapsedNanos) {
        out.printf(Locale.ROOT, "Replay of %s (%s) into %s%s, %.1f s%n", options.file().getFileName(),
                options.format().option(), options.url(),
                options.until() == null ? "" : " until " + options.until(), elapsedNanos / 1e9);
        line(out, "rows read", history.rowsRead());
        line(out, "  after --until, not sent", history.rowsAfterUntil());
        line(out, "  without customer, not sent", history.anonymousRows());
        line(out, "  unreadable, not sent", history.unreadableRows());
        line(out, "events", history.events().size());
        line(out, "  purchases", history.purchases());
        line(out, "  refunds", history.refunds());
        if (history.refunds() > 0) {
            line(out, "    linked to an earlier order", history.refundsLinked());
            line(out, "    larger than any earlier order", history.refundsOverdrawn());
            line(out, "    no earlier order of the customer", history.refundsUnlinked());
        }
        line(out, "answered", tally.sent());
        line(out, "  accepted", tally.accepted());
        line(out, "  duplicate", tally.duplicates());
        line(out, "  rejected", tally.rejected());
        for (Map.Entry<String, Long> code : tally.rejectedByCode().entrySet().stream()
                .sorted(Map.Entry.comparingByKey()).toList()) {
            line(out, "    " + code.getKey(), code.getValue());
        }
    }

    private static void line(PrintStream out, String label, long count) {
        out.printf(Locale.ROOT, "  %-36s %,12d%n", label, count);
    }
}
