package org.gatehouse.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.gatehouse.IntegrationTest;
import org.gatehouse.TestCallers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** {@code serve --demo} (on in every integration test): one account per role, set up idempotently. */
@IntegrationTest
class DemoAccountsIntegrationTests {

    @Autowired
    DemoAccounts demo;

    @Autowired
    UserService users;

    @Autowired
    OrganizationService organizations;

    @Autowired
    JdbcClient jdbc;

    @Test
    void everyRoleHasADemoAccountInAnOrganizationOfTheRightKind() {
        for (DemoAccounts.DemoUser account : DemoAccounts.USERS) {
            User user = users.getByUsername(TestCallers.SYSTEM, new Username(account.username()));
            Organization organization = organizations.get(TestCallers.SYSTEM, user.organizationId());

            assertThat(user.roles()).containsExactly(account.role());
            assertThat(user.enabled()).isTrue();
            assertThat(organization.name().value())
                    .isEqualTo(account.organization().name());
            assertThat(organization.kind().allowedRoles()).contains(account.role());
            assertThat(users.passwordMatches(user.id(), new Password(IntegrationTest.DEMO_PASSWORD)))
                    .isTrue();
        }
        assertThat(DemoAccounts.USERS).extracting(DemoAccounts.DemoUser::role).containsAll(List.of(Role.values()));
        assertThat(organizations
                        .getByName(TestCallers.SYSTEM, "Department of Energy (review)")
                        .agency())
                .isEqualTo(Agency.ENERGY);
    }

    @Test
    void runningAgainChangesNothingButResetsAChangedPasswordToTheChosenOne() throws Exception {
        long users = count("app_user");
        long head = auditHead();

        demo.run(null);

        assertThat(count("app_user")).isEqualTo(users);
        assertThat(auditHead()).isEqualTo(head);

        User energy = this.users.getByUsername(TestCallers.SYSTEM, new Username("energy"));
        this.users.setPassword(TestCallers.SYSTEM, energy.id(), new Password("somebody changed this"));
        long changed = auditHead();

        demo.run(null);

        assertThat(this.users.passwordMatches(energy.id(), new Password(IntegrationTest.DEMO_PASSWORD)))
                .isTrue();
        assertThat(jdbc.sql("SELECT actor || ' ' || action || ' ' || entity_id FROM audit_event WHERE seq > ?")
                        .param(changed)
                        .query(String.class)
                        .list())
                .containsExactly("demo user.password_changed " + energy.id());
    }

    private long count(String table) {
        return jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
    }

    private long auditHead() {
        return jdbc.sql("SELECT last_seq FROM audit_chain_head")
                .query(Long.class)
                .single();
    }
}
