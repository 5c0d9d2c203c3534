package org.gatehouse.licensing;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.gatehouse.Http;
import org.gatehouse.Reactions;
import org.gatehouse.audit.AuditVerifier;
import org.gatehouse.identity.CurrentUser;
import org.gatehouse.identity.DisplayName;
import org.gatehouse.identity.NewOrganization;
import org.gatehouse.identity.NewUser;
import org.gatehouse.identity.Organization;
import org.gatehouse.identity.OrganizationKind;
import org.gatehouse.identity.OrganizationName;
import org.gatehouse.identity.OrganizationService;
import org.gatehouse.identity.Password;
import org.gatehouse.identity.Role;
import org.gatehouse.identity.TokenName;
import org.gatehouse.identity.TokenService;
import org.gatehouse.identity.User;
import org.gatehouse.identity.UserService;
import org.gatehouse.identity.Username;
import org.gatehouse.ledger.LedgerInvariants;
import org.gatehouse.trade.ApplicationId;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** What every licensing scenario checks at its end, and the counts a refused request must leave as they were. */
final class LicensingChecks {

    private LicensingChecks() {}

    /** Rows of everything licensing and the ledger write, and the audit chain's length. */
    record Counts(
            long licences,
            long versions,
            long shipments,
            long exemptions,
            long notifications,
            long movements,
            long auditEvents) {}

    static Counts counts(JdbcClient jdbc) {
        Reactions.await(jdbc);
        return jdbc.sql("""
                        SELECT (SELECT count(*) FROM licence), (SELECT count(*) FROM licence_version),
                            (SELECT count(*) FROM shipment), (SELECT count(*) FROM exemption),
                            (SELECT count(*) FROM exemption_notification), (SELECT count(*) FROM ledger_movement),
                            (SELECT last_seq FROM audit_chain_head)""")
                .query((rs, row) -> new Counts(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getLong(3),
                        rs.getLong(4),
                        rs.getLong(5),
                        rs.getLong(6),
                        rs.getLong(7)))
                .single();
    }

    /** The ledger's buckets equal the sum of their movements and the audit chain verifies, end to end. */
    static void ledgerAndAuditHold(JdbcClient jdbc, DataSource dataSource) {
        assertThat(LedgerInvariants.violations(jdbc))
                .as("buckets equal the sum of their movements")
                .isEmpty();
        try {
            AuditVerifier.Result result = new AuditVerifier().verify(dataSource);
            assertThat(result.failure()).as("the audit chain verifies").isEmpty();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What an application holds: reserved, authorized, shipped. */
    static List<Long> holding(JdbcClient jdbc, ApplicationId id) {
        return jdbc.sql("""
                        SELECT reserved_tpp, authorized_tpp, shipped_tpp FROM ledger_position
                        WHERE application_id = :id""")
                .param("id", id.value())
                .query((rs, row) -> List.of(rs.getLong(1), rs.getLong(2), rs.getLong(3)))
                .single();
    }

    /** The movements of an application as kind, TPP and cause, oldest first. */
    static List<String> movements(JdbcClient jdbc, ApplicationId id) {
        return jdbc.sql("""
                        SELECT kind || ' ' || tpp || ' ' || cause FROM ledger_movement
                        WHERE application_id = :id ORDER BY id""").param("id", id.value()).query(String.class).list();
    }

    /** The audit actions recorded for one record, oldest first. */
    static List<String> auditActions(JdbcClient jdbc, String entityType, String entityId) {
        return jdbc.sql("SELECT action FROM audit_event WHERE entity_type = :type AND entity_id = :id ORDER BY seq")
                .param("type", entityType)
                .param("id", entityId)
                .query(String.class)
                .list();
    }

    /** An exporter organization of its own with one applicant, as a caller and with an API token. */
    record Exporter(CurrentUser caller, String token) {}

    static Exporter anotherExporter(ApplicationContext context) {
        CurrentUser system = CurrentUser.system("test");
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        Organization organization = context.getBean(OrganizationService.class)
                .create(
                        system,
                        new NewOrganization(
                                new OrganizationName("Other Exporter " + suffix), OrganizationKind.EXPORTER, null));
        UserService users = context.getBean(UserService.class);
        User user = users.create(
                system,
                new NewUser(
                        new Username("other-" + suffix),
                        new DisplayName("Other Exporter"),
                        organization.id(),
                        java.util.Set.of(Role.APPLICANT),
                        new Password("another exporter's password")));
        String token = context.getBean(TokenService.class)
                .create(system, user.id(), new TokenName("tests"), null)
                .secret()
                .value();
        return new Exporter(users.withOrganization(user).orElseThrow(), token);
    }

    static void assertProblem(Http.Response response, int status, String type, String detail) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.header("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(response.json().get("type").asString()).isEqualTo("https://gatehouse.dev/problems/" + type);
        assertThat(response.json().get("detail").asString()).contains(detail);
    }
}
