package io.segstream.feedback.domain;

/** What a lexicon entry does when the text scanner meets it. */
public enum LexiconRole {
    /** A word or phrase that names a topic and/or carries a polarity (weight). */
    TERM,
    /** Turns the meaning of the next weighted term around (not, never, 不, 没). */
    NEGATOR,
    /** Multiplies the weight of the next weighted term (very, too, 很, 太); below 1 it softens (a bit, 有点). */
    INTENSIFIER,
    /** What follows weighs more than what came before (but, 但是, 不过). */
    CONTRAST,
    /** One character written another way (traditional 貴 for simplified 贵): replaced before matching. */
    VARIANT
}
