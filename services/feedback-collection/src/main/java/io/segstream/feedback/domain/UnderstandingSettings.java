package io.segstream.feedback.domain;

/**
 * The knobs of text understanding; defaults and their reasons are in application.yml and the service README.
 *
 * @param negationWindow         how many unknown words (or Chinese characters) a negator reaches over to the next
 *                               weighted term; a clause break (, . ! ? 。 ...) or a contrast ends it earlier
 * @param negatedPositiveWeight  polarity of a negated positive term ("not good", 不好) is minus this
 * @param negatedNegativeWeight  polarity of a negated negative term ("not bad", 不贵) is plus this: weaker than
 *                               the plain positive, since "not expensive" praises less than "cheap"
 * @param contrastEmphasis       weights after a contrast (but, 但是) are multiplied by this
 * @param sentimentThreshold     a text whose summed polarity reaches +this is positive, -this negative
 * @param fuzzyMinTermLength     only words and lexicon terms at least this long are matched with one typo
 * @param fuzzyMinWeight         besides terms that name a topic, only opinion terms at least this strong are
 */
public record UnderstandingSettings(int negationWindow, double negatedPositiveWeight, double negatedNegativeWeight,
                                    double contrastEmphasis, double sentimentThreshold, int fuzzyMinTermLength,
                                    double fuzzyMinWeight) {
    public UnderstandingSettings {
        if (negationWindow < 0 || negatedPositiveWeight < 0 || negatedNegativeWeight < 0 || contrastEmphasis <= 0
                || sentimentThreshold <= 0 || fuzzyMinTermLength < 2 || fuzzyMinWeight < 0) {
            throw new IllegalArgumentException("text understanding settings out of range");
        }
    }
}
