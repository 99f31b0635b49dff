package io.segstream.runtime;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import io.segstream.architecture.LibraryRules;

/** This library's production classes against the rules every shared library keeps (docs/development.md). */
@AnalyzeClasses(packages = "io.segstream.runtime", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    @ArchTest
    static final ArchTests libraryRules = ArchTests.in(LibraryRules.class);
}
