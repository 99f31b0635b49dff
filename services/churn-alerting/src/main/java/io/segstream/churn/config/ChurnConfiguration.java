package io.segstream.churn.config;

import io.segstream.churn.domain.ActivityPolicy;
import io.segstream.churn.domain.ActivityStore;
import io.segstream.churn.domain.ActivityTracking;
import io.segstream.churn.domain.ChurnModelStore;
import io.segstream.churn.domain.alerts.AlertClock;
import io.segstream.churn.domain.alerts.AlertPolicy;
import io.segstream.churn.domain.alerts.AlertPublisher;
import io.segstream.churn.domain.alerts.AlertStore;
import io.segstream.churn.domain.alerts.Alerting;
import java.time.Clock;
import io.segstream.churn.domain.rules.AlertGrading;
import io.segstream.churn.domain.rules.EarlyWarningRules;
import io.segstream.churn.domain.rules.RuleSettings;
import io.segstream.churn.domain.ModelFitting;
import io.segstream.churn.domain.Population;
import io.segstream.churn.domain.model.FitSettings;
import io.segstream.churn.domain.model.ScoringSettings;
import io.segstream.churn.domain.scoring.ChurnScoring;
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
                activity.maxPurchaseDays(), activity.rememberedSegmentChanges(), activity.maxFeedback());
    }

    @Bean
    ActivityTracking activityTracking(ActivityStore store, ActivityPolicy policy) {
        return new ActivityTracking(store, policy);
    }

    @Bean
    ModelFitting modelFitting(Population population, ChurnModelStore store, ActivityPolicy policy,
                              ChurnProperties props) {
        ChurnProperties.Model model = props.model();
        ScoringSettings defaults = ScoringSettings.defaults();
        ScoringSettings scoring = new ScoringSettings(model.shortHorizon(), model.longHorizon(), model.riskHorizon(),
                defaults.crossingResolution(), defaults.crossingSearchLimit());
        return new ModelFitting(population, store, policy, model.timeUnit(), scoring, FitSettings.defaults());
    }

    @Bean
    RuleSettings ruleSettings(ChurnProperties props) {
        ChurnProperties.Rules r = props.rules();
        return new RuleSettings(r.overdueFactor(), r.overdueMinPurchaseDays(), r.frequencyWindow(),
                r.frequencyMinPrevious(), r.frequencyDropRatio(), r.lowProbabilityAlive(), r.highModelRisk(),
                r.highValueTiers(), r.lowValueTiers(), r.quietAfter(), r.refundWindow(), r.refundMinCount(),
                r.refundMinShare(), r.feedbackWindow(), r.detractorMaxNps(), r.detractorMaxCsat(),
                r.negativeReviewMaxScore(), r.openComplaintWindow(), r.repeatedComplaintWindow(),
                r.repeatedComplaintCount());
    }

    @Bean
    ChurnScoring churnScoring(ModelFitting fitting, RuleSettings rules, ActivityPolicy policy) {
        return new ChurnScoring(fitting, new EarlyWarningRules(rules, policy),
                new AlertGrading(rules.highValueTiers(), rules.lowValueTiers()), policy);
    }

    @Bean
    AlertClock alertClock(ChurnProperties props, Clock clock) {
        return new AlertClock(props.alerts().clock(), clock, props.asOf());
    }

    @Bean
    Alerting alerting(ActivityStore activities, AlertStore store, AlertPublisher publisher, ChurnScoring scoring,
                      ActivityPolicy policy, ChurnProperties props) {
        ChurnProperties.Alerts alerts = props.alerts();
        return new Alerting(activities, store, publisher, scoring, policy, new AlertPolicy(alerts.raiseLevel(),
                alerts.cooldown(), alerts.maxCheckInterval(), props.rules().highModelRisk()));
    }
}
