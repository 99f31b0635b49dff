package io.segstream.benchmarks;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.segstream.architecture.SegstreamRules;

/**
 * The benchmarks may measure a service's domain (and its expression engine), never its adapters
 * (docs/development.md).
 */
@AnalyzeClasses(packages = "io.segstream.benchmarks", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    @ArchTest
    static final ArchRule adaptersStayInsideTheirService = SegstreamRules.ADAPTERS_STAY_INSIDE_THEIR_SERVICE;

    @ArchTest
    static final ArchRule noCyclesBetweenPackages = SegstreamRules.NO_CYCLES_BETWEEN_PACKAGES;
}
