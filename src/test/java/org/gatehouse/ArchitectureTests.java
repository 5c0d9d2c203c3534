package org.gatehouse;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.Set;
import org.gatehouse.identity.CurrentUser;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RestController;

/**
 * The three rules of the architecture that a compiler does not check (docs/architecture.md): authorization is the
 * services', SQL lives in package-private adapters under {@code jdbc/}, and the shared kernel depends on no module
 * (only on Java and ICU, for the canonical form of names).
 */
class ArchitectureTests {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.gatehouse");

    /** The questions a caller is asked before it may read or change something. */
    private static final Set<String> AUTHORIZATION = Set.of(
            "require",
            "requireWriter",
            "requireVisible",
            "has",
            "hasAny",
            "seesAllOrganizations",
            "canSee",
            "belongsTo");

    @Test
    void controllersLeaveAuthorizationToTheServices() {
        noClasses()
                .that()
                .areAnnotatedWith(RestController.class)
                .or()
                .areAnnotatedWith(Controller.class)
                .should()
                .callMethodWhere(DescribedPredicate.describe(
                        "asks the caller for a role or an organization",
                        (JavaAccess<?> access) -> access.getTargetOwner().isEquivalentTo(CurrentUser.class)
                                && AUTHORIZATION.contains(access.getName())))
                .check(CLASSES);
    }

    @Test
    void sqlAdaptersAreHiddenInsideTheirModule() {
        classes().that().resideInAPackage("..jdbc..").should().notBePublic().check(CLASSES);
    }

    @Test
    void onlySqlAdaptersTalkToTheDatabase() {
        noClasses()
                .that()
                .resideOutsideOfPackages("..jdbc..", "org.gatehouse.system..")
                .should()
                .dependOnClassesThat()
                .areAssignableTo(JdbcClient.class)
                .check(CLASSES);
    }

    @Test
    void theSharedKernelDependsOnNoModule() {
        classes()
                .that()
                .resideInAPackage("org.gatehouse.trade..")
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage("org.gatehouse.trade..", "java..", "com.ibm.icu..")
                .check(CLASSES);
    }
}
