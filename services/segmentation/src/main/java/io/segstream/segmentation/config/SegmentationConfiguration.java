package io.segstream.segmentation.config;

import io.segstream.segmentation.domain.ChangePublisher;
import io.segstream.segmentation.domain.Dimension;
import io.segstream.segmentation.domain.LifecycleStage;
import io.segstream.segmentation.domain.ProfilePolicy;
import io.segstream.segmentation.domain.ProfileStore;
import io.segstream.segmentation.domain.SegmentCatalogue;
import io.segstream.segmentation.domain.Segmentation;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;

/** Wires the segmentation domain to its adapters and settings. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SegmentationProperties.class)
class SegmentationConfiguration {

    @Bean
    ProfilePolicy profilePolicy(SegmentationProperties props) {
        SegmentationProperties.Profile profile = props.profile();
        return new ProfilePolicy(props.purchaseDayZone(), profile.maxPurchases(), profile.historyHorizon(),
                profile.maxCategoriesPerPurchase());
    }

    /** The built-in dimensions; the versioned definition catalogue of issue 5 replaces this bean. */
    @Bean
    SegmentCatalogue segmentCatalogue(SegmentationProperties props) {
        SegmentationProperties.Lifecycle lifecycle = props.lifecycle();
        List<Dimension> dimensions = List.of(new LifecycleStage(
                Math.toIntExact(lifecycle.atRiskAfter().toDays()), Math.toIntExact(lifecycle.churnedAfter().toDays())));
        return () -> dimensions;
    }

    @Bean
    Segmentation segmentation(ProfileStore store, ChangePublisher publisher, SegmentCatalogue catalogue,
                              ProfilePolicy policy) {
        return new Segmentation(store, publisher, catalogue, policy);
    }
}
