package org.gatehouse.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Set;
import org.gatehouse.trade.NotFoundException;
import org.gatehouse.trade.OrganizationId;
import org.junit.jupiter.api.Test;
import org.springframework.security.access.AccessDeniedException;

class CurrentUserTests {

    private static final Organization EXPORTER = anOrganization(OrganizationKind.EXPORTER, null);
    private static final Organization OTHER_EXPORTER = anOrganization(OrganizationKind.EXPORTER, null);
    private static final Organization AUTHORITY = anOrganization(OrganizationKind.AUTHORITY, null);

    @Test
    void aUserSeesItsOwnOrganizationsRecordsOnly() {
        CurrentUser applicant = aUser(EXPORTER, Role.APPLICANT);

        assertThat(applicant.canSee(EXPORTER.id())).isTrue();
        assertThat(applicant.canSee(OTHER_EXPORTER.id())).isFalse();
        assertThatThrownBy(() -> applicant.requireVisible(OTHER_EXPORTER.id(), "application", "A-1"))
                .isInstanceOf(NotFoundException.class)
                .hasMessage("application A-1 not found");
    }

    @Test
    void officersAndAuditorsSeeEveryOrganization() {
        assertThat(aUser(AUTHORITY, Role.OFFICER).canSee(OTHER_EXPORTER.id())).isTrue();
        assertThat(aUser(AUTHORITY, Role.AUDITOR).canSee(OTHER_EXPORTER.id())).isTrue();
        assertThat(aUser(AUTHORITY, Role.ADMIN).canSee(OTHER_EXPORTER.id()))
                .as("admins manage accounts, not cases")
                .isFalse();
    }

    @Test
    void auditorsChangeNothingAndRolesAreRequiredByName() {
        CurrentUser auditor = aUser(AUTHORITY, Role.AUDITOR);

        assertThatThrownBy(auditor::requireWriter)
                .isInstanceOf(AccessDeniedException.class)
                .hasMessage("auditors have read-only access");
        assertThatThrownBy(() -> auditor.require(Role.ADMIN, Role.OFFICER))
                .isInstanceOf(AccessDeniedException.class)
                .hasMessage("requires the role ADMIN or OFFICER");
        aUser(AUTHORITY, Role.OFFICER).requireWriter();
    }

    @Test
    void aSystemActorIsAnAdminWithoutOrganization() {
        CurrentUser cli = CurrentUser.system("cli:alice");

        assertThat(cli.actor()).isEqualTo("cli:alice");
        assertThat(cli.isSystem()).isTrue();
        assertThat(cli.has(Role.ADMIN)).isTrue();
        assertThat(cli.belongsTo(EXPORTER.id())).isFalse();
    }

    @Test
    void aUserIsBuiltOnlyWithItsOwnOrganization() {
        User user = new User(
                UserId.random(),
                new Username("erin"),
                new DisplayName("Erin"),
                EXPORTER.id(),
                Set.of(Role.APPLICANT),
                true,
                Instant.EPOCH,
                0);

        CurrentUser caller = CurrentUser.of(user, EXPORTER);

        assertThat(caller.organizationKind()).isEqualTo(OrganizationKind.EXPORTER);
        assertThat(caller.actor()).isEqualTo("erin");
        assertThatThrownBy(() -> CurrentUser.of(user, OTHER_EXPORTER)).isInstanceOf(IllegalArgumentException.class);
    }

    private static CurrentUser aUser(Organization organization, Role role) {
        return new CurrentUser(
                UserId.random(),
                "someone",
                organization.id(),
                organization.kind(),
                organization.agency(),
                Set.of(role));
    }

    private static Organization anOrganization(OrganizationKind kind, Agency agency) {
        return new Organization(
                OrganizationId.random(), new OrganizationName(kind + " Org"), kind, agency, Instant.EPOCH, 0);
    }
}
