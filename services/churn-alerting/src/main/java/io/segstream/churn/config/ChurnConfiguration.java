package io.segstream.churn.config;

import io.segstream.churn.domain.ActivityPolicy;
import io.segstream.churn.domain.ActivityStore;
import io.segstream.churn.domain.ActivityTracking;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the churn-alerting domain to its adapters and settings. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ChurnProperties.class)
class ChurnConfiguration {

    @Bean
    ActivityPolicy activityPolicy(ChurnProperties props) {
        ChurnProperties.Activity activity = props.activity();
        return new ActivityPolicy(props.purchaseDayZone(), activity.maxPurchases(), activity.historyHorizon(),
                activity.maxPurchaseDays(), activity.rememberedSegmentChanges());
    }

    @Bean
    ActivityTracking activityTracking(ActivityStore store, ActivityPolicy policy) {
        return new ActivityTracking(store, policy);
    }
}
