package io.segstream.churn.config;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ChurnPropertiesTest {

    @Test
    void defaultsUseTheSystemClockAndUtcDays() {
        ChurnProperties props = bind(Map.of("segstream.churn.purchase-day-zone", "UTC"));

        assertThat(props.asOf()).isNull();
        assertThat(props.purchaseDayZone()).isEqualTo(ZoneId.of("UTC"));
        assertThat(props.activity().historyHorizon()).isEqualTo(Duration.ofDays(400));
        assertThat(props.activity().maxPurchaseDays()).isEqualTo(3660);
    }

    @Test
    void modelRuleAndAlertDefaultsBindAndCanBeOverridden() {
        ChurnProperties defaults = bind(Map.of());
        assertThat(defaults.model().timeUnit()).isEqualTo(io.segstream.churn.domain.model.ModelTimeUnit.WEEKS);
        assertThat(defaults.model().minCustomers()).isEqualTo(50);
        assertThat(defaults.rules().overdueFactor()).isEqualTo(2.0);
        assertThat(defaults.rules().highValueTiers()).containsExactly("HIGH");
        assertThat(defaults.alerts().clock()).isEqualTo(io.segstream.churn.domain.alerts.AlertClock.Mode.WALL_CLOCK);
        assertThat(defaults.alerts().cooldown()).isEqualTo(Duration.ofDays(30));
        assertThat(defaults.activity().maxFeedback()).isEqualTo(100);

        ChurnProperties custom = bind(Map.of("segstream.churn.alerts.clock", "EVENT_TIME",
                "segstream.churn.rules.high-value-tiers", "HIGH,VIP", "segstream.churn.alerts.raise-level", "HIGH"));
        assertThat(custom.alerts().clock()).isEqualTo(io.segstream.churn.domain.alerts.AlertClock.Mode.EVENT_TIME);
        assertThat(custom.rules().highValueTiers()).containsExactlyInAnyOrder("HIGH", "VIP");
        assertThat(custom.alerts().raiseLevel()).isEqualTo(io.segstream.contracts.churn.AlertLevel.HIGH);
    }

    @Test
    void aFixedAsOfAndAnotherZoneCanBeConfigured() {
        ChurnProperties props = bind(Map.of("segstream.churn.as-of", "1997-09-30T00:00:00Z",
                "segstream.churn.purchase-day-zone", "Asia/Shanghai"));

        assertThat(props.asOf()).isEqualTo(Instant.parse("1997-09-30T00:00:00Z"));
        assertThat(props.purchaseDayZone()).isEqualTo(ZoneId.of("Asia/Shanghai"));
    }

    private static ChurnProperties bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("segstream.churn", ChurnProperties.class);
    }
}
