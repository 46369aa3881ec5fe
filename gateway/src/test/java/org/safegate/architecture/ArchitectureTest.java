package org.safegate.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
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

    /**
     * Inside inspect: reading record files and normalising text know nothing of the request rules or
     * of the inspector that uses them, and the rules know nothing of the inspector, so each can be
     * tested and changed on its own. Only the root package ({@code RequestInspector},
     * {@code AnswerFilter}) brings the three together.
     */
    @ArchTest
    static final ArchRule inspectReadingAndNormalisingKnowNothingOfTheRules = noClasses()
            .that().resideInAnyPackage("org.safegate.inspect.read..", "org.safegate.inspect.normal..")
            .should().dependOnClassesThat().resideInAnyPackage("org.safegate.inspect", "org.safegate.inspect.rules..");

    @ArchTest
    static final ArchRule inspectReadingKnowsNothingOfNormalising = noClasses()
            .that().resideInAPackage("org.safegate.inspect.read..")
            .should().dependOnClassesThat().resideInAPackage("org.safegate.inspect.normal..");

    @ArchTest
    static final ArchRule inspectNormalisingKnowsNothingOfReading = noClasses()
            .that().resideInAPackage("org.safegate.inspect.normal..")
            .should().dependOnClassesThat().resideInAPackage("org.safegate.inspect.read..");

    @ArchTest
    static final ArchRule inspectRulesKnowNothingOfTheInspector = noClasses()
            .that().resideInAPackage("org.safegate.inspect.rules..")
            .should().dependOnClassesThat().resideInAPackage("org.safegate.inspect");

    @ArchTest
    static final ArchRule noCyclesInsideInspect = slices().matching("org.safegate.inspect.(*)..")
            .should().beFreeOfCycles();

    /**
     * The layers of docs/architecture.md, each using only the ones below it: the commands, the
     * composition root, the routes (Camel), the admin API (HTTP only), the operator services, the
     * transfer stages, the domain (policy, keys, crypto, inspection, store, audit) and the base.
     */
    @ArchTest
    static final ArchRule layers = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("Commands").definedBy("org.safegate.cli..", "org.safegate.demo..")
            .layer("Composition").definedBy("org.safegate.app..")
            .layer("Routes").definedBy("org.safegate.route..")
            .layer("Admin").definedBy("org.safegate.admin..")
            .layer("Operator").definedBy("org.safegate.operator..")
            .layer("Transfer").definedBy("org.safegate.transfer..", "org.safegate.sftp..")
            .layer("Domain").definedBy("org.safegate.policy..", "org.safegate.keys..", "org.safegate.crypto..",
                    "org.safegate.inspect..", "org.safegate.store..", "org.safegate.audit..", "org.safegate.recall..")
            .layer("Base").definedBy("org.safegate", "org.safegate.config..", "org.safegate.files..")
            .whereLayer("Commands").mayNotBeAccessedByAnyLayer()
            .whereLayer("Composition").mayOnlyBeAccessedByLayers("Commands")
            .whereLayer("Routes").mayOnlyBeAccessedByLayers("Composition")
            .whereLayer("Admin").mayOnlyBeAccessedByLayers("Routes", "Composition", "Commands")
            .whereLayer("Operator").mayOnlyBeAccessedByLayers("Admin", "Routes", "Composition", "Commands")
            .whereLayer("Transfer").mayOnlyBeAccessedByLayers("Operator", "Admin", "Routes", "Composition", "Commands")
            .whereLayer("Domain").mayOnlyBeAccessedByLayers("Transfer", "Operator", "Admin", "Routes", "Composition",
                    "Commands")
            .because("each layer can then be understood and tested with the ones below it only");

    @ArchTest
    static final ArchRule operatorServicesKnowNothingOfHttp = noClasses()
            .that().resideInAPackage("org.safegate.operator..")
            .should().dependOnClassesThat().resideInAPackage("org.safegate.admin..")
            .because("the command line runs the same services, and speaks in error codes, not HTTP statuses");

    @ArchTest
    static final ArchRule onlyTheHttpLayerSpeaksInApiProblems = noClasses()
            .that().resideOutsideOfPackage("org.safegate.admin..")
            .should().dependOnClassesThat().haveFullyQualifiedName("org.safegate.admin.ApiProblem")
            .because("services throw SafegateException with an ErrorCode; admin/ErrorStatuses maps it to HTTP");
}
