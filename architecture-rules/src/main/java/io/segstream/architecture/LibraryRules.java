package io.segstream.architecture;

import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The rules shared-model, embedded-infra and service-runtime check themselves against:
 * {@code @ArchTest static final ArchTests rules = ArchTests.in(LibraryRules.class);} in their ArchitectureTest.
 */
public final class LibraryRules {
    @ArchTest
    public static final ArchRule librariesDoNotLinkServices = SegstreamRules.LIBRARIES_DO_NOT_LINK_SERVICES;

    @ArchTest
    public static final ArchRule noCyclesBetweenPackages = SegstreamRules.NO_CYCLES_BETWEEN_PACKAGES;

    private LibraryRules() {
    }
}
