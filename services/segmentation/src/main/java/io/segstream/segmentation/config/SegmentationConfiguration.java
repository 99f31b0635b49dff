package io.segstream.segmentation.config;

import io.segstream.segmentation.domain.ChangePublisher;
import io.segstream.segmentation.domain.DefaultCatalogue;
import io.segstream.segmentation.domain.DefinitionCatalogue;
import io.segstream.segmentation.domain.DefinitionCompiler;
import io.segstream.segmentation.domain.DefinitionStore;
import io.segstream.segmentation.domain.EvaluationClock;
import io.segstream.segmentation.domain.ProfileQueries;
import io.segstream.segmentation.domain.Redefinitions;
import io.segstream.segmentation.expressions.CelDefinitionCompiler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationRunner;

import java.time.Clock;
import io.segstream.segmentation.domain.ProfilePolicy;
import io.segstream.segmentation.domain.ProfileStore;
import io.segstream.segmentation.domain.SegmentCatalogue;
import io.segstream.segmentation.domain.Segmentation;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;


/** Wires the segmentation domain to its adapters and settings. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SegmentationProperties.class)
class SegmentationConfiguration {
    private static final Logger log = LoggerFactory.getLogger(SegmentationConfiguration.class);

    @Bean
    ProfilePolicy profilePolicy(SegmentationProperties props) {
        SegmentationProperties.Profile profile = props.profile();
        return new ProfilePolicy(props.purchaseDayZone(), profile.maxPurchases(), profile.historyHorizon(),
                profile.maxCategoriesPerPurchase(), profile.maxFeedback(),
                Math.toIntExact(profile.recentFeedbackWindow().toDays()));
    }

    @Bean
    CelDefinitionCompiler definitionCompiler(SegmentationProperties props) {
        SegmentationProperties.Definitions limits = props.definitions();
        return new CelDefinitionCompiler(new CelDefinitionCompiler.Limits(limits.maxExpressionLength(),
                limits.maxClasses(), limits.maxNodes(), limits.maxIterations()));
    }

    /**
     * The versioned definitions in MongoDB; an empty store is seeded with the default catalogue, whose lifecycle
     * thresholds come from {@code segstream.segmentation.lifecycle} (afterwards the stored definitions rule).
     */
    @Bean
    DefinitionCatalogue segmentCatalogue(DefinitionStore store, DefinitionCompiler compiler,
                                         SegmentationProperties props) {
        SegmentationProperties.Lifecycle lifecycle = props.lifecycle();
        return new DefinitionCatalogue(store, compiler, DefaultCatalogue.definitions(
                Math.toIntExact(lifecycle.atRiskAfter().toDays()), Math.toIntExact(lifecycle.churnedAfter().toDays())));
    }

    /**
     * Loads (and on first start seeds) the catalogue once the context is up. If MongoDB is not reachable yet, the
     * first event or request loads it instead.
     */
    @Bean
    ApplicationRunner catalogueLoader(DefinitionCatalogue catalogue) {
        return arguments -> {
            try {
                catalogue.reload();
            } catch (RuntimeException e) {
                log.warn("could not load the segment catalogue at start ({}); it loads on first use",
                        e.getClass().getSimpleName());
            }
        };
    }

    @Bean
    EvaluationClock evaluationClock(Clock clock, SegmentationProperties props) {
        return new EvaluationClock(clock, props.clock().followEventTime());
    }

    @Bean
    Redefinitions redefinitions(DefinitionCatalogue catalogue, ProfileQueries queries, Segmentation segmentation,
                                ProfilePolicy policy, SegmentationProperties props) {
        return new Redefinitions(catalogue, queries, segmentation, policy, props.redefinition().pageSize(),
                props.redefinition().sampleSize(), props.redefinition().parallelPages());
    }

    @Bean
    Segmentation segmentation(ProfileStore store, ChangePublisher publisher, SegmentCatalogue catalogue,
                              ProfilePolicy policy) {
        return new Segmentation(store, publisher, catalogue, policy);
    }
}
