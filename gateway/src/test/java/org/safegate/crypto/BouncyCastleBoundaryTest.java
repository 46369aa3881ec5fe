package org.safegate.crypto;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Bouncy Castle stays inside the crypto and keys packages; everything else sees JDK types only. */
class BouncyCastleBoundaryTest {
    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.safegate");

    @Test
    void onlyCryptoAndKeysUseBouncyCastle() {
        noClasses().that().resideOutsideOfPackages("org.safegate.crypto..", "org.safegate.keys..")
                .should().dependOnClassesThat().resideInAPackage("org.bouncycastle..")
                .check(classes);
    }

    @Test
    void keysDoesNotDependOnCrypto() {
        noClasses().that().resideInAPackage("org.safegate.keys..")
                .should().dependOnClassesThat().resideInAPackage("org.safegate.crypto..")
                .check(classes);
    }
}
