package org.gatehouse.identity.jdbc;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.gatehouse.identity.DisplayName;
import org.gatehouse.identity.Role;
import org.gatehouse.identity.User;
import org.gatehouse.identity.UserId;
import org.gatehouse.identity.Username;
import org.gatehouse.identity.Users;
import org.gatehouse.identity.Users.WithPassword;
import org.gatehouse.trade.OrganizationId;
import org.gatehouse.trade.Paging;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code app_user} and {@code user_role} tables. No authorization here: the services decide. */
@Repository
class JdbcUsers implements Users {

    /** A user with the roles aggregated into one array, so one query reads a whole user. */
    private static final String SELECT = """
            SELECT u.id, u.username, u.display_name, u.organization_id, u.enabled, u.created_at, u.version,
                   u.password_hash,
                   ARRAY(SELECT r.role FROM user_role r WHERE r.user_id = u.id ORDER BY r.role) AS roles
            FROM app_user u
            """;

    private final JdbcClient jdbc;

    JdbcUsers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean insert(User user, String passwordHash) {
        int inserted = jdbc.sql("""
                INSERT INTO app_user (id, username, display_name, organization_id, password_hash, enabled, created_at, version)
                VALUES (:id, :username, :displayName, :organizationId, :passwordHash, :enabled, :createdAt, 0)
                ON CONFLICT (username) DO NOTHING
                """)
                .param("id", user.id().value())
                .param("username", user.username().value())
                .param("displayName", user.displayName().value())
                .param("organizationId", user.organizationId().value())
                .param("passwordHash", passwordHash)
                .param("enabled", user.enabled())
                .param("createdAt", Times.at(user.createdAt()))
                .update();
        if (inserted == 0) {
            return false;
        }
        insertRoles(user.id(), user.roles());
        return true;
    }

    @Override
    public Optional<User> find(UserId id) {
        return findWithPassword(id).map(WithPassword::user);
    }

    @Override
    public Optional<WithPassword> findWithPassword(UserId id) {
        return jdbc.sql(SELECT + " WHERE u.id = :id")
                .param("id", id.value())
                .query(JdbcUsers::mapWithPassword)
                .optional();
    }

    @Override
    public Optional<WithPassword> findWithPassword(Username username) {
        return jdbc.sql(SELECT + " WHERE u.username = :username")
                .param("username", username.value())
                .query(JdbcUsers::mapWithPassword)
                .optional();
    }

    /** Users by username; only those of {@code organization} when it is not null. */
    @Override
    public List<User> list(OrganizationId organization, Paging paging) {
        return jdbc.sql(SELECT + """
                 WHERE (CAST(:organizationId AS uuid) IS NULL OR u.organization_id = :organizationId)
                ORDER BY u.username LIMIT :limit OFFSET :offset
                """)
                .param("organizationId", organization == null ? null : organization.value())
                .param("limit", paging.limit())
                .param("offset", paging.offset())
                .query((rs, row) -> mapWithPassword(rs, row).user())
                .list();
    }

    /**
     * Sets enabled, if the row still has {@code expectedVersion}; false when another change came first.
     */
    @Override
    public boolean updateEnabled(UserId id, boolean enabled, long expectedVersion) {
        return jdbc.sql(
                                "UPDATE app_user SET enabled = :enabled, version = version + 1 WHERE id = :id AND version = :version")
                        .param("enabled", enabled)
                        .param("id", id.value())
                        .param("version", expectedVersion)
                        .update()
                == 1;
    }

    /** Replaces the roles, if the row still has {@code expectedVersion}; false when another change came first. */
    @Override
    public boolean updateRoles(UserId id, Set<Role> roles, long expectedVersion) {
        boolean bumped = jdbc.sql("UPDATE app_user SET version = version + 1 WHERE id = :id AND version = :version")
                        .param("id", id.value())
                        .param("version", expectedVersion)
                        .update()
                == 1;
        if (!bumped) {
            return false;
        }
        jdbc.sql("DELETE FROM user_role WHERE user_id = :id")
                .param("id", id.value())
                .update();
        insertRoles(id, roles);
        return true;
    }

    /** Replaces the password hash, if the row still has {@code expectedVersion}. */
    @Override
    public boolean updatePasswordHash(UserId id, String passwordHash, long expectedVersion) {
        return jdbc.sql(
                                "UPDATE app_user SET password_hash = :hash, version = version + 1 WHERE id = :id AND version = :version")
                        .param("hash", passwordHash)
                        .param("id", id.value())
                        .param("version", expectedVersion)
                        .update()
                == 1;
    }

    private void insertRoles(UserId id, Set<Role> roles) {
        jdbc.sql("INSERT INTO user_role (user_id, role) SELECT :id, unnest(CAST(:roles AS text[]))")
                .param("id", id.value())
                .param("roles", roles.stream().map(Role::name).toArray(String[]::new))
                .update();
    }

    private static WithPassword mapWithPassword(ResultSet rs, int row) throws SQLException {
        Array roles = rs.getArray("roles");
        Set<Role> roleSet = EnumSet.noneOf(Role.class);
        Arrays.stream((String[]) roles.getArray()).map(Role::valueOf).forEach(roleSet::add);
        User user = new User(
                new UserId(rs.getObject("id", UUID.class)),
                new Username(rs.getString("username")),
                new DisplayName(rs.getString("display_name")),
                new OrganizationId(rs.getObject("organization_id", UUID.class)),
                roleSet,
                rs.getBoolean("enabled"),
                Times.instant(rs, "created_at"),
                rs.getLong("version"));
        return new WithPassword(user, rs.getString("password_hash"));
    }
}
