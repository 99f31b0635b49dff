package io.segstream.localstack.replay;

import io.segstream.contracts.purchase.PurchaseSubmitted;
import io.segstream.localstack.LocalCredentials;
import io.segstream.localstack.SegstreamCommandLine;
import io.segstream.localstack.replay.ReplayClient.ReplayFailedException;
import io.segstream.localstack.replay.ReplayTally.ItemOutcome;
import io.segstream.runtime.security.Role;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

import java.io.IOException;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

/**
 * {@code ./segstream replay}: reads a real purchase history (CDNOW or UCI Online Retail), sends it to a running
 * purchase-ingestion in batches with the original event times, shows progress on stderr and prints a summary of what
 * the service accepted, found duplicate or rejected (by code). Event ids come from the file's rows, so a second run
 * (or a run after an interruption) records nothing twice. Exit code 0 when every event got an answer (rejections
 * included), 1 when the replay had to stop, 2 for a wrong command line.
 */
@Command(name = "replay", sortOptions = false,
        description = {"Replay a real purchase history into a running purchase-ingestion.",
                "CDNOW master or sample, or the UCI Online Retail CSV (plain or .gz), sent with",
                "the original event times, with progress and a summary by result code."},
        footerHeading = "%n",
        footer = {"Event ids are derived from the file's rows, so running it again records nothing",
                "new and an interrupted replay can simply be run again. Batches carry an INGEST",
                "token signed with this checkout's key, .segstream/local-signing.key, the key",
                "./segstream run gives the services."})
public final class ReplayCommand implements Callable<Integer> {
    /** Attempts per batch while the service is unavailable, about a minute with the default wait. */
    static final int MAX_ATTEMPTS = 30;
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

    @Spec
    private CommandSpec spec;

    @Option(names = "--format", required = true, paramLabel = "cdnow|online-retail",
            converter = FormatConverter.class,
            description = "cdnow (CDNOW master or sample) or online-retail (UCI Online Retail CSV, plain or .gz).")
    ReplayFormat format;
    @Option(names = "--until", paramLabel = "YYYY-MM-DD", converter = DayConverter.class,
            description = "Replay only what happened on or before this day (default: the whole file).")
    LocalDate until;
    @Option(names = "--url", paramLabel = "URL", defaultValue = ReplayOptions.DEFAULT_URL,
            converter = UrlConverter.class,
            description = "purchase-ingestion's base URL (default: ${DEFAULT-VALUE}).")
    URI url;
    @Option(names = "--batch-size", paramLabel = "N", defaultValue = "" + ReplayOptions.DEFAULT_BATCH_SIZE,
            description = "Events per batch request, 1 to " + ReplayOptions.MAX_BATCH_SIZE
                    + " (default: ${DEFAULT-VALUE}).")
    int batchSize;
    @Parameters(paramLabel = "FILE", arity = "1", description = "The history file.")
    Path file;

    private final PrintStream out;
    private final PrintStream err;
    private final ReplayClientFactory clients;

    ReplayCommand(PrintStream out, PrintStream err, ReplayClientFactory clients) {
        this.out = out;
        this.err = err;
        this.clients = clients;
    }

    /** The command as {@code ./segstream replay} runs it: batches signed with the checkout's key. */
    public static ReplayCommand forCheckout(Path home, PrintStream out, PrintStream err) {
        // Posting purchases is all a replay does: INGEST, signed with the checkout's key like the stack's services.
        Supplier<String> authorization = LocalCredentials.ofCheckout(home).bearer("segstream-replay", Role.INGEST);
        return new ReplayCommand(out, err, options -> new ReplayClient(
                HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build(), options.url(), MAX_ATTEMPTS,
                duration -> Thread.sleep(duration.toMillis()), authorization));
    }

    /** Runs a replay on its own (the bench's replay step), printing to stdout and stderr. */
    public static int run(String[] args) {
        Path home = Path.of(System.getProperty("segstream.home", ".")).toAbsolutePath().normalize();
        return SegstreamCommandLine.execute(forCheckout(home, System.out, System.err), System.out, System.err, args);
    }

    /** Creates the HTTP client for the options (a test points it at a stub and waits without sleeping). */
    interface ReplayClientFactory {
        ReplayClient create(ReplayOptions options);
    }

    static int run(String[] args, PrintStream out, PrintStream err, ReplayClientFactory clients) {
        return SegstreamCommandLine.execute(new ReplayCommand(out, err, clients), out, err, args);
    }

    /** The options of a command line, checked; a wrong one throws picocli's ParameterException. */
    static ReplayOptions parse(String... args) {
        return SegstreamCommandLine.parse(new ReplayCommand(System.out, System.err, null), args).options();
    }

    ReplayOptions options() {
        SegstreamCommandLine.within(spec, "--batch-size", batchSize, 1, ReplayOptions.MAX_BATCH_SIZE);
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new ParameterException(spec.commandLine(), "cannot read " + file);
        }
        return new ReplayOptions(format, until, url, batchSize, file);
    }

    @Override
    public Integer call() {
        ReplayOptions options = options();
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

    static final class FormatConverter implements ITypeConverter<ReplayFormat> {
        @Override
        public ReplayFormat convert(String value) {
            try {
                return ReplayFormat.fromOption(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    static final class DayConverter implements ITypeConverter<LocalDate> {
        @Override
        public LocalDate convert(String value) {
            try {
                return LocalDate.parse(value);
            } catch (DateTimeParseException e) {
                throw new TypeConversionException("--until must be a date such as 1997-09-30, not '" + value + "'");
            }
        }
    }

    static final class UrlConverter implements ITypeConverter<URI> {
        @Override
        public URI convert(String value) {
            try {
                URI uri = URI.create(value.endsWith("/") ? value.substring(0, value.length() - 1) : value);
                if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                    return uri;
                }
            } catch (IllegalArgumentException e) {
                // reported below
            }
            throw new TypeConversionException("--url must be an http(s) URL such as " + ReplayOptions.DEFAULT_URL);
        }
    }
}
