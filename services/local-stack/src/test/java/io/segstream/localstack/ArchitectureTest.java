package io.segstream.localstack;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.segstream.architecture.SegstreamRules;

/**
 * local-stack runs, seeds and measures the services through their public contracts (topics, HTTP, documented
 * collections), never by linking their classes (docs/development.md).
 */
@AnalyzeClasses(packages = "io.segstream.localstack", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    @ArchTest
    static final ArchRule linksNoService = SegstreamRules.SERVICES_ARE_INDEPENDENT;

    @ArchTest
    static final ArchRule noCyclesBetweenPackages = SegstreamRules.NO_CYCLES_BETWEEN_PACKAGES;
}
