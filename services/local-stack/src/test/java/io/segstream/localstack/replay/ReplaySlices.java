package io.segstream.localstack.replay;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.file.Path;

/**
 * Slices of the real data sets in test resources (the full files are not committed):
 * <ul>
 *   <li>{@code cdnow_master_slice.txt}: the header and every row of customers 00001 to 00500 of CDNOW_master.txt,
 *   bytes unchanged (CRLF line ends);</li>
 *   <li>{@code cdnow_sample_slice.txt}: every row of CDNOW_sample.txt whose master id is at most 00500;</li>
 *   <li>{@code online_retail_slice.csv.gz}: the header and the first 6,349 rows of online_retail_combined.csv
 *   (the first 6,000 rows, extended to the end of the last invoice), gzipped.</li>
 * </ul>
 */
final class ReplaySlices {
    private ReplaySlices() {
    }

    static Path cdnowMaster() {
        return resource("/replay/cdnow_master_slice.txt");
    }

    static Path cdnowSample() {
        return resource("/replay/cdnow_sample_slice.txt");
    }

    static Path onlineRetail() {
        return resource("/replay/online_retail_slice.csv.gz");
    }

    static Progress quietProgress() {
        return new Progress(new PrintStream(new ByteArrayOutputStream()), System::nanoTime);
    }

    private static Path resource(String name) {
        try {
            return Path.of(ReplaySlices.class.getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
