package org.gatehouse.identity.jdbc;

import java.util.EnumMap;
import java.util.Map;
import org.gatehouse.identity.AccountCounts;
import org.gatehouse.identity.OrganizationKind;
import org.gatehouse.identity.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Counts over {@code organization}, {@code app_user} and {@code user_role} (V002): three small aggregates. */
@Repository
class JdbcAccountCounts implements AccountCounts {

    private final JdbcClient jdbc;

    JdbcAccountCounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Counts counts() {
        Map<OrganizationKind, Long> organizations = new EnumMap<>(OrganizationKind.class);
        jdbc.sql("SELECT kind, count(*) FROM organization GROUP BY kind")
                .query((rs, row) -> organizations.put(OrganizationKind.valueOf(rs.getString(1)), rs.getLong(2)))
                .list();
        long[] users = jdbc.sql(
                        "SELECT count(*) FILTER (WHERE enabled), count(*) FILTER (WHERE NOT enabled) FROM app_user")
                .query((rs, row) -> new long[] {rs.getLong(1), rs.getLong(2)})
                .single();
        Map<Role, Long> roles = new EnumMap<>(Role.class);
        jdbc.sql("""
                SELECT r.role, count(*) FROM user_role r JOIN app_user u ON u.id = r.user_id
                WHERE u.enabled GROUP BY r.role""")
                .query((rs, row) -> roles.put(Role.valueOf(rs.getString(1)), rs.getLong(2)))
                .list();
        return new Counts(organizations, users[0], users[1], roles);
    }
}
