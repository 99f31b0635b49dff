package io.segstream.architecture;

import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The rules each of the four services checks itself against:
 * {@code @ArchTest static final ArchTests rules = ArchTests.in(ServiceRules.class);} in its ArchitectureTest, so a
 * rule added here applies to every service at once.
 */
public final class ServiceRules {
    @ArchTest
    public static final ArchRule domainIsPlainJava = SegstreamRules.DOMAIN_IS_PLAIN_JAVA;

    @ArchTest
    public static final ArchRule servicesAreIndependent = SegstreamRules.SERVICES_ARE_INDEPENDENT;

    @ArchTest
    public static final ArchRule configStaysOutOfDomainStoreAndStream =
            SegstreamRules.CONFIG_STAYS_OUT_OF_DOMAIN_STORE_AND_STREAM;

    @ArchTest
    public static final ArchRule noCyclesBetweenPackages = SegstreamRules.NO_CYCLES_BETWEEN_PACKAGES;

    private ServiceRules() {
    }
}
