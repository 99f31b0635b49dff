package io.segstream.contracts;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import com.tngtech.archunit.lang.ArchRule;
import io.segstream.architecture.LibraryRules;
import io.segstream.architecture.SegstreamRules;

/**
 * The contracts against the rules every shared library keeps, and against leaning on no other Segstream code
 * (docs/development.md).
 */
@AnalyzeClasses(packages = "io.segstream.contracts", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    @ArchTest
    static final ArchTests libraryRules = ArchTests.in(LibraryRules.class);

    @ArchTest
    static final ArchRule contractsStandAlone = SegstreamRules.CONTRACTS_STAND_ALONE;
}
