package org.gatehouse;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The catalogue, policy engine, offline analysis and screening core stay pure: no Spring, no JDBC, no servlet, no HTTP
 * client.
 */
class PureCoreArchitectureTests {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.gatehouse");

    @Test
    void theCoreImportsNoInfrastructure() {
        noClasses()
                .that()
                .resideInAnyPackage(
                        "org.gatehouse.catalog..",
                        "org.gatehouse.policy..",
                        "org.gatehouse.analysis..",
                        "org.gatehouse.screening..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.springframework..", "java.sql..", "javax.sql..", "jakarta.servlet..", "java.net.http..")
                .check(CLASSES);
    }

    @Test
    void theCatalogDependsOnNoOtherModule() {
        noClasses()
                .that()
                .resideInAPackage("org.gatehouse.catalog..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.gatehouse.policy..", "org.gatehouse.analysis..", "org.gatehouse.cli..")
                .check(CLASSES);
    }

    @Test
    void thePolicyEngineDoesNotDependOnTheToolsThatUseIt() {
        noClasses()
                .that()
                .resideInAPackage("org.gatehouse.policy..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.gatehouse.analysis..", "org.gatehouse.cli..")
                .check(CLASSES);
    }
}
