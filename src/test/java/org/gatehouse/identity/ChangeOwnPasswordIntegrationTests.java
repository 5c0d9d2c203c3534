package org.gatehouse.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import java.util.UUID;
import org.gatehouse.IntegrationTest;
import org.gatehouse.TestCallers;
import org.gatehouse.trade.FieldProblem;
import org.gatehouse.trade.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

/** {@link UserService#changeOwnPassword}: the current password first, then the change, audited in its transaction. */
@IntegrationTest
class ChangeOwnPasswordIntegrationTests {

    @Autowired
    UserService users;

    @Autowired
    JdbcClient jdbc;

    private CurrentUser aPerson(Role role) {
        User user = users.create(
                TestCallers.SYSTEM,
                new NewUser(
                        new Username("own-" + UUID.randomUUID().toString().substring(0, 8)),
                        new DisplayName("Owen Own"),
                        TestCallers.user(users, role).organizationId(),
                        Set.of(role),
                        new Password("the first password")));
        return users.currentUser(user.id()).orElseThrow();
    }

    @Test
    void theRightCurrentPasswordChangesItAndTheChangeIsAudited() {
        CurrentUser person = aPerson(Role.APPLICANT);
        long head = head();

        users.changeOwnPassword(person, new Password("the first password"), new Password("the second password"));

        assertThat(users.passwordMatches(person.userId(), new Password("the second password")))
                .isTrue();
        assertThat(users.passwordMatches(person.userId(), new Password("the first password")))
                .isFalse();
        assertThat(jdbc.sql(
                                "SELECT actor || ' ' || action || ' ' || entity_id || ' ' || payload FROM audit_event WHERE seq > ?")
                        .param(head)
                        .query(String.class)
                        .list())
                .containsExactly(person.actor() + " user.password_changed " + person.userId()
                        + " {\"self\":true,\"username\":\"" + person.actor() + "\"}");
    }

    @Test
    void aWrongCurrentPasswordChangesNothingAndIsNamed() {
        CurrentUser person = aPerson(Role.BUYER);
        long head = head();

        assertThatThrownBy(() -> users.changeOwnPassword(
                        person, new Password("not the password at all"), new Password("the second password")))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.problems())
                                .containsExactly(new FieldProblem("currentPassword", "is not your current password")));
        assertThatThrownBy(() -> users.changeOwnPassword(
                        person, new Password("the first password"), new Password("the first password")))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.problems())
                                .extracting(FieldProblem::field)
                                .containsExactly("newPassword"));

        assertThat(users.passwordMatches(person.userId(), new Password("the first password")))
                .isTrue();
        assertThat(head()).isEqualTo(head);
    }

    @Test
    void anAuditorChangesItsOwnPasswordButASystemActorHasNone() {
        CurrentUser auditor = aPerson(Role.AUDITOR);
        users.changeOwnPassword(auditor, new Password("the first password"), new Password("an auditor's own"));
        assertThat(users.passwordMatches(auditor.userId(), new Password("an auditor's own")))
                .isTrue();

        assertThatThrownBy(() -> users.changeOwnPassword(
                        TestCallers.SYSTEM, new Password("the first password"), new Password("the second password")))
                .isInstanceOf(AccessDeniedException.class);
    }

    private long head() {
        return jdbc.sql("SELECT last_seq FROM audit_chain_head")
                .query(Long.class)
                .single();
    }
}
