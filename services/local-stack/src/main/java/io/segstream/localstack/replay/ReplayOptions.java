package io.segstream.localstack.replay;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * {@code replay --format cdnow|online-retail [--until YYYY-MM-DD] [--url URL] [--batch-size N] FILE}.
 *
 * @param until     last day replayed (inclusive), or null for the whole file
 * @param url       base URL of purchase-ingestion
 * @param batchSize events per POST /api/v1/purchases/batch
 */
record ReplayOptions(ReplayFormat format, LocalDate until, URI url, int batchSize, Path file) {
    static final String DEFAULT_URL = "http://localhost:8081";
    static final int DEFAULT_BATCH_SIZE = 1000;
    /** The service's limit per batch (segstream.purchases.max-batch-size). */
    static final int MAX_BATCH_SIZE = 1000;

    static final String USAGE = """
            Usage: ./segstream replay --format cdnow|online-retail [--until YYYY-MM-DD] [--url URL]
                                      [--batch-size N] FILE

            Replays a real purchase history into a running purchase-ingestion, keeping the original event times.
              --format       cdnow (CDNOW master or sample) or online-retail (UCI Online Retail CSV, plain or .gz)
              --until        replay only what happened on or before this day
              --url          purchase-ingestion's base URL (%s)
              --batch-size   events per batch request, 1 to %d (%d)
            Event ids are derived from the file's rows, so running it again records nothing new and an interrupted
            replay can simply be run again. Batches carry an INGEST token signed with this checkout's
            .segstream/local-signing.key, the key ./segstream run gives the services.
            """.formatted(DEFAULT_URL, MAX_BATCH_SIZE, DEFAULT_BATCH_SIZE);

    static ReplayOptions parse(String[] args) {
        ReplayFormat format = null;
        LocalDate until = null;
        URI url = URI.create(DEFAULT_URL);
        int batchSize = DEFAULT_BATCH_SIZE;
        Path file = null;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--format" -> format = ReplayFormat.fromOption(value(args, ++i, arg));
                case "--until" -> until = date(value(args, ++i, arg));
                case "--url" -> url = url(value(args, ++i, arg));
                case "--batch-size" -> batchSize = batchSize(value(args, ++i, arg));
                default -> {
                    if (arg.startsWith("--")) {
                        throw new UsageException("unknown option " + arg);
                    }
                    if (file != null) {
                        throw new UsageException("only one FILE may be given");
                    }
                    file = Path.of(arg);
                }
            }
        }
        if (format == null) {
            throw new UsageException("--format is required");
        }
        if (file == null) {
            throw new UsageException("FILE is required");
        }
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new UsageException("cannot read " + file);
        }
        return new ReplayOptions(format, until, url, batchSize, file);
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new UsageException(option + " needs a value");
        }
        return args[i];
    }

    private static LocalDate date(String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new UsageException("--until must be a date such as 1997-09-30, not '" + text + "'");
        }
    }

    private static URI url(String text) {
        try {
            URI uri = URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
            if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
                throw new IllegalArgumentException("not http(s)");
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw new UsageException("--url must be an http(s) URL such as " + DEFAULT_URL);
        }
    }

    private static int batchSize(String text) {
        try {
            int size = Integer.parseInt(text);
            if (size >= 1 && size <= MAX_BATCH_SIZE) {
                return size;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException("--batch-size must be a number from 1 to " + MAX_BATCH_SIZE);
    }

    /** A command line that cannot be run; the message says why. */
    static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message, null, false, false);
        }
    }
}
