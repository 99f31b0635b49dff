package io.segstream.churn;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import io.segstream.architecture.ServiceRules;

/** This service's production classes against the rules every service keeps (docs/development.md). */
@AnalyzeClasses(packages = "io.segstream.churn", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    @ArchTest
    static final ArchTests serviceRules = ArchTests.in(ServiceRules.class);
}
