package io.segstream.feedback.config;

import io.segstream.feedback.domain.Lexicon;
import io.segstream.feedback.domain.LexiconEntry;
import io.segstream.feedback.domain.LexiconFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Reads the built-in lexicon files from the classpath and a business's extra files from a directory. */
public final class LexiconLoader {
    private static final Logger log = LoggerFactory.getLogger(LexiconLoader.class);
    private static final String EXTENSION = ".tsv";

    private LexiconLoader() {
    }

    public static Lexicon load(FeedbackProperties.Lexicons settings) {
        List<LexiconEntry> entries = new ArrayList<>();
        for (String resource : settings.builtIn()) {
            entries.addAll(readResource(resource));
        }
        int builtIn = entries.size();
        if (settings.extraDirectory() != null) {
            entries.addAll(readDirectory(settings.extraDirectory()));
        }
        Lexicon lexicon = Lexicon.of(entries);
        log.info("lexicon loaded: {} built-in and {} extra entries, {} matchable terms", builtIn,
                entries.size() - builtIn, lexicon.size());
        return lexicon;
    }

    static List<LexiconEntry> readResource(String resource) {
        InputStream in = LexiconLoader.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("lexicon " + resource + " is not on the classpath");
        }
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return LexiconFormat.read(resource, reader);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read lexicon " + resource, e);
        }
    }

    static List<LexiconEntry> readDirectory(Path directory) {
        if (!Files.isDirectory(directory)) {
            throw new IllegalStateException("extra lexicon directory " + directory + " does not exist");
        }
        List<LexiconEntry> entries = new ArrayList<>();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.filter(p -> p.getFileName().toString().endsWith(EXTENSION)).sorted().toList()) {
                try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    entries.addAll(LexiconFormat.read(file.getFileName().toString(), reader));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read extra lexicons in " + directory, e);
        }
        return entries;
    }
}
