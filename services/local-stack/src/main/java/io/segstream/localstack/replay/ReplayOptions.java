package io.segstream.localstack.replay;

import java.net.URI;
import java.nio.file.Path;
import java.time.LocalDate;

/**
 * What {@code ./segstream replay} was asked to do ({@link ReplayCommand} reads it from the command line).
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
}
