package io.segstream.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import io.segstream.benchmarks.fixture.IntakeBenchmark;
import io.segstream.benchmarks.fixture.LedgerBenchmark;
import io.segstream.contracts.fixture.OrderPlaced;
import io.segstream.contracts.fixture.OrderPlacedWithRuntimeHeaders;
import io.segstream.feedback.domain.FeedbackIntakeCallingPurchases;
import io.segstream.purchases.FixturePurchasesApplication;
import io.segstream.purchases.config.IntakeProperties;
import io.segstream.purchases.domain.Intake;
import io.segstream.purchases.domain.IntakeWritingToMongo;
import io.segstream.purchases.domain.Ledger;
import io.segstream.purchases.store.LedgerReadingItsConfiguration;
import io.segstream.purchases.store.MongoLedger;
import io.segstream.runtime.fixture.HeaderWriter;
import io.segstream.runtime.fixture.IntakeAwareRelay;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Each rule against a small set of fixture classes that keeps it and one that breaks it, so that no rule passes
 * merely because it checks nothing.
 */
class SegstreamRulesTest {
    /** The fixture's well-behaved service, contracts and runtime: every rule holds for them. */
    private static final JavaClasses WELL_BEHAVED = classes(OrderPlaced.class, HeaderWriter.class,
            FixturePurchasesApplication.class, IntakeProperties.class, Intake.class, Ledger.class, MongoLedger.class,
            IntakeBenchmark.class);

    @Test
    void everyRuleHoldsForClassesThatKeepTheArchitecture() {
        for (ArchRule rule : List.of(SegstreamRules.DOMAIN_IS_PLAIN_JAVA, SegstreamRules.SERVICES_ARE_INDEPENDENT,
                SegstreamRules.ADAPTERS_STAY_INSIDE_THEIR_SERVICE,
                SegstreamRules.CONFIG_STAYS_OUT_OF_DOMAIN_STORE_AND_STREAM, SegstreamRules.LIBRARIES_DO_NOT_LINK_SERVICES,
                SegstreamRules.CONTRACTS_STAND_ALONE, SegstreamRules.NO_CYCLES_BETWEEN_PACKAGES)) {
            assertThatCode(() -> rule.check(WELL_BEHAVED)).as(rule.getDescription()).doesNotThrowAnyException();
        }
    }

    @Test
    void aDomainClassLinkingItsStoreInsteadOfAPortBreaksTheDomainRule() {
        assertViolation(SegstreamRules.DOMAIN_IS_PLAIN_JAVA, classes(Intake.class, IntakeWritingToMongo.class),
                "IntakeWritingToMongo", "MongoLedger");
    }

    @Test
    void aServiceLinkingAnotherServicesClassBreaksTheIndependenceRule() {
        assertViolation(SegstreamRules.SERVICES_ARE_INDEPENDENT,
                classes(Intake.class, FeedbackIntakeCallingPurchases.class),
                "FeedbackIntakeCallingPurchases", "io.segstream.purchases.domain.Intake");
    }

    @Test
    void aBenchmarkLinkingAServicesStoreBreaksTheAdaptersRule() {
        assertViolation(SegstreamRules.ADAPTERS_STAY_INSIDE_THEIR_SERVICE,
                classes(IntakeBenchmark.class, LedgerBenchmark.class), "LedgerBenchmark", "MongoLedger");
    }

    @Test
    void aStoreReadingTheServicesConfigurationBreaksTheConfigRule() {
        assertViolation(SegstreamRules.CONFIG_STAYS_OUT_OF_DOMAIN_STORE_AND_STREAM,
                classes(MongoLedger.class, LedgerReadingItsConfiguration.class),
                "LedgerReadingItsConfiguration", "IntakeProperties");
    }

    @Test
    void aRuntimeClassLinkingAServiceBreaksTheLibrariesRule() {
        assertViolation(SegstreamRules.LIBRARIES_DO_NOT_LINK_SERVICES,
                classes(HeaderWriter.class, IntakeAwareRelay.class), "IntakeAwareRelay", "Intake");
    }

    @Test
    void aContractLinkingTheRuntimeBreaksTheContractsRule() {
        assertViolation(SegstreamRules.CONTRACTS_STAND_ALONE,
                classes(OrderPlaced.class, OrderPlacedWithRuntimeHeaders.class),
                "OrderPlacedWithRuntimeHeaders", "HeaderWriter");
    }

    @Test
    void twoPackagesLinkingEachOtherBreakTheCycleRule() {
        assertViolation(SegstreamRules.NO_CYCLES_BETWEEN_PACKAGES,
                classes(Ledger.class, MongoLedger.class, IntakeWritingToMongo.class),
                "purchases.domain", "purchases.store");
    }

    @Test
    void aRuleThatFindsNoClassToCheckFails() {
        assertThatThrownBy(() -> SegstreamRules.DOMAIN_IS_PLAIN_JAVA.check(classes(HeaderWriter.class)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("failed to check any classes");
    }

    private static void assertViolation(ArchRule rule, JavaClasses classes, String... named) {
        assertThatThrownBy(() -> rule.check(classes))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining(rule.getDescription())
                .hasMessageContainingAll(named);
    }

    private static JavaClasses classes(Class<?>... types) {
        return new ClassFileImporter().importClasses(types);
    }
}
