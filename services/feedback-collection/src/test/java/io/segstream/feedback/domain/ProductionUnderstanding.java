package io.segstream.feedback.domain;

import io.segstream.feedback.config.FeedbackProperties;
import io.segstream.feedback.config.LexiconLoader;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Text understanding exactly as the service runs it: the built-in lexicons and the settings of application.yml
 * (bound without starting Spring), so tests measure what production does.
 */
final class ProductionUnderstanding {
    private static final FeedbackProperties PROPERTIES = bind();
    private static final Lexicon LEXICON = LexiconLoader.load(PROPERTIES.lexicon());

    private ProductionUnderstanding() {
    }

    static FeedbackProperties properties() {
        return PROPERTIES;
    }

    static Lexicon lexicon() {
        return LEXICON;
    }

    static TextUnderstanding text() {
        return new TextUnderstanding(LEXICON, PROPERTIES.understanding().settings());
    }

    private static FeedbackProperties bind() {
        try {
            var sources = new YamlPropertySourceLoader().load("application.yml",
                    new ClassPathResource("application.yml"));
            StandardEnvironment env = new StandardEnvironment();
            sources.forEach(env.getPropertySources()::addLast);
            return Binder.get(env).bindOrCreate("segstream.feedback", FeedbackProperties.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
