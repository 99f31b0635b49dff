package io.segstream.churn.web;

import io.segstream.churn.audit.ChurnAudit;
import io.segstream.churn.config.ChurnProperties;
import io.segstream.churn.domain.ActivityPolicy;
import io.segstream.churn.domain.ChurnModelStore;
import io.segstream.churn.domain.ModelFit;
import io.segstream.churn.domain.ModelFitting;
import io.segstream.churn.domain.Population;
import io.segstream.churn.domain.model.FitSettings;
import io.segstream.churn.domain.model.ModelTimeUnit;
import io.segstream.churn.domain.model.ScoringSettings;
import io.segstream.runtime.audit.AuditTrail;
import io.segstream.runtime.web.ProblemException;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ChurnModelControllerTest {
    private final Population nobody = new Population() {
        @Override
        public long size() {
            return 0;
        }

        @Override
        public void forEachPurchaseDays(Consumer<Collection<LocalDate>> customer) {
        }
    };
    private final ChurnModelStore empty = new ChurnModelStore() {
        @Override
        public void save(ModelFit fit) {
        }

        @Override
        public Optional<ModelFit> latest() {
            return Optional.empty();
        }
    };
    // Both tests fail before a fit, so nothing is audited: the trail has no database behind it.
    private final ChurnModelController controller = new ChurnModelController(new ModelFitting(nobody, empty,
            new ActivityPolicy(ZoneOffset.UTC, 10, Duration.ofDays(10), 10, 10, 10), ModelTimeUnit.WEEKS,
            ScoringSettings.defaults(), FitSettings.defaults()),
            new ChurnAudit(new AuditTrail(null, Clock.systemUTC())), Clock.systemUTC(),
            new Binder(new MapConfigurationPropertySource(Map.of())).bindOrCreate("segstream.churn",
                    ChurnProperties.class));

    @Test
    void beforeTheFirstFitTheModelIsA404WithItsCode() {
        assertThatThrownBy(controller::model).isInstanceOfSatisfying(ProblemException.class,
                e -> org.assertj.core.api.Assertions.assertThat(e.code()).isEqualTo("MODEL_NOT_FITTED"));
    }

    @Test
    void aPopulationWithoutPurchasesCannotBeFittedAndABadAsOfIsRefused() {
        assertThatThrownBy(() -> controller.fit(null, null)).isInstanceOfSatisfying(ProblemException.class,
                e -> org.assertj.core.api.Assertions.assertThat(e.code()).isEqualTo("NOT_ENOUGH_DATA"));
        assertThatThrownBy(() -> controller.fit("yesterday", null)).isInstanceOfSatisfying(ProblemException.class,
                e -> org.assertj.core.api.Assertions.assertThat(e.code()).isEqualTo("BAD_PARAMETER"));
    }
}
