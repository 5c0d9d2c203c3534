package org.gatehouse.oversight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.gatehouse.IntegrationTest;
import org.gatehouse.TestCallers;
import org.gatehouse.audit.AuditEvent;
import org.gatehouse.audit.AuditQueries;
import org.gatehouse.identity.CurrentUser;
import org.gatehouse.identity.Role;
import org.gatehouse.identity.UserService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/** {@link AuditTrail}: only auditors read the log and verify its chain; filters and keyset pages select as asked. */
@IntegrationTest
class AuditTrailIntegrationTests {

    private static final AuditQueries.Query EVERYTHING =
            new AuditQueries.Query(null, null, null, null, null, null, null);

    @Autowired
    AuditTrail trail;

    @Autowired
    UserService users;

    private CurrentUser demo(Role role) {
        return users.currentUser(TestCallers.user(users, role).id()).orElseThrow();
    }

    @Test
    void onlyAuditorsReadAndVerify() {
        for (Role role : List.of(Role.OFFICER, Role.APPLICANT, Role.ADMIN, Role.AGENCY, Role.BUYER, Role.INSPECTOR)) {
            CurrentUser caller = demo(role);
            assertThatThrownBy(() -> trail.events(caller, EVERYTHING, 10))
                    .as("%s reads", role)
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> trail.verify(caller))
                    .as("%s verifies", role)
                    .isInstanceOf(AccessDeniedException.class);
        }
        CurrentUser auditor = demo(Role.AUDITOR);
        assertThat(trail.events(auditor, EVERYTHING, 10)).isNotEmpty();
        var result = trail.verify(auditor);
        assertThat(result.ok()).as(result.toString()).isTrue();
        assertThat(result.eventCount()).isPositive();
    }

    @Test
    void filtersAndPagesSelectWhatTheySay() {
        CurrentUser auditor = demo(Role.AUDITOR);
        List<AuditEvent> newest = trail.events(auditor, EVERYTHING, 3);
        assertThat(newest).extracting(AuditEvent::seq).isSortedAccordingTo((a, b) -> Long.compare(b, a));
        List<AuditEvent> older = trail.events(
                auditor,
                new AuditQueries.Query(
                        null, null, null, null, null, null, newest.getLast().seq()),
                3);
        assertThat(older)
                .allSatisfy(e -> assertThat(e.seq()).isLessThan(newest.getLast().seq()));

        List<AuditEvent> users =
                trail.events(auditor, new AuditQueries.Query("user", null, null, "user.", null, null, null), 200);
        assertThat(users).isNotEmpty().allSatisfy(e -> {
            assertThat(e.entityType()).isEqualTo("user");
            assertThat(e.action()).startsWith("user.");
        });
        AuditEvent one = users.getFirst();
        assertThat(trail.events(
                        auditor,
                        new AuditQueries.Query(
                                one.entityType(),
                                one.entityId(),
                                one.actor(),
                                one.action(),
                                one.time(),
                                one.time().plusMillis(1),
                                null),
                        200))
                .extracting(AuditEvent::seq)
                .contains(one.seq());
        assertThat(trail.events(
                        auditor, new AuditQueries.Query(null, null, "nobody-at-all", null, null, null, null), 10))
                .isEmpty();
    }
}
