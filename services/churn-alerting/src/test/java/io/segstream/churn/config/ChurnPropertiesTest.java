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
