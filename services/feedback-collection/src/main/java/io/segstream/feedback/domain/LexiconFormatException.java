package io.segstream.feedback.domain;

/** A lexicon file that cannot be read; the message names the file and line. */
public class LexiconFormatException extends RuntimeException {
    public LexiconFormatException(String message) {
        super(message);
    }
}
