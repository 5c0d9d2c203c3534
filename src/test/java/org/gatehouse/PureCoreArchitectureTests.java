package org.gatehouse;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The shared kernel, the catalogue, the policy engine, the offline analysis and the screening core stay pure: no
 * Spring, no JDBC, no servlet, no HTTP client. Their HTTP adapters live apart, in {@code web/} sub-packages; screening's
 * server side (its services in {@code server/} and SQL adapters in {@code jdbc/}) too.
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
                        "org.gatehouse.trade..",
                        "org.gatehouse.catalog..",
                        "org.gatehouse.policy..",
                        "org.gatehouse.analysis..",
                        "org.gatehouse.screening..")
                .and()
                .resideOutsideOfPackages(
                        "..web..", "org.gatehouse.screening.server..", "org.gatehouse.screening.jdbc..")
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
