package org.safegate.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Package boundaries of docs/architecture.md that the compiler cannot enforce. */
@AnalyzeClasses(packages = "org.safegate", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule policyKnowsNothingOfCamel = noClasses()
            .that().resideInAPackage("org.safegate.policy..")
            .should().dependOnClassesThat().resideInAPackage("org.apache.camel..")
            .because("policy decisions must be testable and usable without the routes");

    @ArchTest
    static final ArchRule policyKnowsNothingOfTheCommandLine = noClasses()
            .that().resideInAPackage("org.safegate.policy..")
            .should().dependOnClassesThat().resideInAPackage("org.safegate.cli..");

    @ArchTest
    static final ArchRule noGlobalShiroSubject = noClasses()
            .should().dependOnClassesThat().haveFullyQualifiedName("org.apache.shiro.SecurityUtils")
            .because("there is no global subject: the gate is passed in where it is needed");

    @ArchTest
    static final ArchRule auditAndStoreKnowNothingOfTheCommandLine = noClasses()
            .that().resideInAnyPackage("org.safegate.audit..", "org.safegate.store..")
            .should().dependOnClassesThat().resideInAPackage("org.safegate.cli..")
            .because("the audit log is used by the routes and the admin API as much as by the commands");

    @ArchTest
    static final ArchRule storeKnowsNothingOfTheAuditLog = noClasses()
            .that().resideInAPackage("org.safegate.store..")
            .should().dependOnClassesThat().resideInAPackage("org.safegate.audit..");

    @ArchTest
    static final ArchRule noCyclesBetweenPackages = slices().matching("org.safegate.(*)..")
            .should().beFreeOfCycles()
            .because("each package can then be understood, tested and changed from the ones below it");
}
