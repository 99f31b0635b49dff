package io.segstream.feedback.config;

import io.segstream.feedback.domain.IntakeLimits;
import io.segstream.feedback.domain.UnderstandingSettings;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Settings of feedback-collection under {@code segstream.feedback}; application.yml documents each default.
 *
 * @param publishText whether feedback.recorded.v1 carries the free text; false (the default) publishes
 *                    {@code text: null}: the text stays in this service. True only for a consumer with a lawful need
 */
@ConfigurationProperties("segstream.feedback")
public record FeedbackProperties(@DefaultValue Intake intake, @DefaultValue Understanding understanding,
                                 @DefaultValue Lexicons lexicon, @DefaultValue Query query,
                                 @DefaultValue Store store, @DefaultValue("false") boolean publishText) {

    /**
     * @param maxFutureSkew how far occurredAt may lie ahead of the service clock
     * @param maxAge        how far back occurredAt may lie
     * @param maxBatchItems most items in one POST /api/v1/feedback/batch
     */
    public record Intake(@DefaultValue("5m") Duration maxFutureSkew, @DefaultValue("730d") Duration maxAge,
                         @DefaultValue("1000") int maxBatchItems) {
        public IntakeLimits limits() {
            return new IntakeLimits(maxFutureSkew, maxAge);
        }
    }

    /** See {@link UnderstandingSettings} for what each knob does. */
    public record Understanding(@DefaultValue("3") int negationWindow,
                                @DefaultValue("0.75") double negatedPositiveWeight,
                                @DefaultValue("0.5") double negatedNegativeWeight,
                                @DefaultValue("1.5") double contrastEmphasis,
                                @DefaultValue("0.5") double sentimentThreshold,
                                @DefaultValue("6") int fuzzyMinTermLength,
                                @DefaultValue("1.5") double fuzzyMinWeight) {
        public UnderstandingSettings settings() {
            return new UnderstandingSettings(negationWindow, negatedPositiveWeight, negatedNegativeWeight,
                    contrastEmphasis, sentimentThreshold, fuzzyMinTermLength, fuzzyMinWeight);
        }
    }

    /**
     * @param builtIn        lexicon files on the classpath, read in this order
     * @param extraDirectory a directory whose *.tsv files are read after the built-in ones (in name order); their
     *                       entries add to or replace built-in ones. Unset: none
     */
    public record Lexicons(@DefaultValue({"lexicon/en.tsv", "lexicon/zh.tsv", "lexicon/emoji.tsv"}) List<String> builtIn,
                           Path extraDirectory) {
    }

    /**
     * @param defaultPageSize page size of GET /api/v1/customers/{id}/feedback when none is asked for
     * @param maxPageSize     largest page size that may be asked for
     */
    public record Query(@DefaultValue("20") int defaultPageSize, @DefaultValue("100") int maxPageSize) {
        public Query {
            if (defaultPageSize < 1 || maxPageSize < defaultPageSize) {
                throw new IllegalArgumentException("default-page-size must be positive and at most max-page-size");
            }
        }
    }

    /**
     * @param mongoTimeout how long a MongoDB call waits for a server before the service reports it unavailable
     * @param retryAfter   Retry-After of a 503 answered while MongoDB is not available
     */
    public record Store(@DefaultValue("5s") Duration mongoTimeout, @DefaultValue("5s") Duration retryAfter) {
    }
}
