package io.segstream.localstack.replay;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * A history file opened for reading line by line or as CSV records, gzipped or not (recognised by its first bytes,
 * not its name), that knows how far through the file it is (for the progress line).
 */
final class HistoryFile implements AutoCloseable {
    private static final int GZIP_MAGIC_1 = 0x1f;
    private static final int GZIP_MAGIC_2 = 0x8b;

    private final long size;
    private final CountingStream counted;
    private final BufferedReader reader;

    private HistoryFile(long size, CountingStream counted, BufferedReader reader) {
        this.size = size;
        this.counted = counted;
        this.reader = reader;
    }

    static HistoryFile open(Path path) throws IOException {
        long size = Files.size(path);
        CountingStream counted = new CountingStream(Files.newInputStream(path));
        BufferedInputStream buffered = new BufferedInputStream(counted);
        buffered.mark(2);
        boolean gzipped = buffered.read() == GZIP_MAGIC_1 && buffered.read() == GZIP_MAGIC_2;
        buffered.reset();
        InputStream content = gzipped ? new GZIPInputStream(buffered) : buffered;
        // ISO-8859-1 maps every byte: the data sets are ASCII, and a stray byte must not stop the replay.
        return new HistoryFile(size, counted,
                new BufferedReader(new InputStreamReader(content, StandardCharsets.ISO_8859_1)));
    }

    /** The next line without its line ending, or null at the end. */
    String readLine() throws IOException {
        return reader.readLine();
    }

    /** The rest of the file as CSV records; closing this file closes them. */
    CSVParser records(CSVFormat format) throws IOException {
        return format.parse(reader);
    }

    /** Share of the file's bytes read so far, 0 to 1. */
    double fractionRead() {
        return size == 0 ? 1.0 : Math.min(1.0, (double) counted.count / size);
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }

    private static final class CountingStream extends FilterInputStream {
        private long count;

        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int off, int len) throws IOException {
            int n = super.read(buffer, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }
    }
}
