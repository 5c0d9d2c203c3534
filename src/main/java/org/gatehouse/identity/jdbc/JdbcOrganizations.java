package org.gatehouse.identity.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.gatehouse.identity.Agency;
import org.gatehouse.identity.Organization;
import org.gatehouse.identity.OrganizationKind;
import org.gatehouse.identity.OrganizationName;
import org.gatehouse.identity.Organizations;
import org.gatehouse.trade.CanonicalName;
import org.gatehouse.trade.OrganizationId;
import org.gatehouse.trade.Paging;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code organization} table. No authorization here: the services decide who may call what. */
@Repository
class JdbcOrganizations implements Organizations {

    private static final String COLUMNS = "id, name, kind, agency, created_at, version";

    private final JdbcClient jdbc;

    JdbcOrganizations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts {@code organization}; false if its name's canonical key is taken, and nothing was written. */
    @Override
    public boolean insert(Organization organization) {
        return jdbc.sql("""
                INSERT INTO organization (id, name, name_key, kind, agency, created_at, version)
                VALUES (:id, :name, :nameKey, :kind, :agency, :createdAt, 0)
                ON CONFLICT (name_key) DO NOTHING
                """)
                        .param("id", organization.id().value())
                        .param("name", organization.name().value())
                        .param("nameKey", organization.name().key())
                        .param("kind", organization.kind().name())
                        .param(
                                "agency",
                                organization.agency() == null
                                        ? null
                                        : organization.agency().name())
                        .param("createdAt", Times.at(organization.createdAt()))
                        .update()
                == 1;
    }

    @Override
    public Optional<Organization> find(OrganizationId id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM organization WHERE id = :id")
                .param("id", id.value())
                .query(JdbcOrganizations::map)
                .optional();
    }

    @Override
    public Optional<Organization> findByName(String name) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM organization WHERE name_key = :key")
                .param("key", CanonicalName.key(name))
                .query(JdbcOrganizations::map)
                .optional();
    }

    /** By name, case-insensitively, then id (names are unique, the id only makes the order total). */
    @Override
    public List<Organization> list(Paging paging) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM organization ORDER BY lower(name), id LIMIT :limit OFFSET :offset")
                .param("limit", paging.limit())
                .param("offset", paging.offset())
                .query(JdbcOrganizations::map)
                .list();
    }

    static Organization map(ResultSet rs, int row) throws SQLException {
        String agency = rs.getString("agency");
        return new Organization(
                new OrganizationId(rs.getObject("id", UUID.class)),
                new OrganizationName(rs.getString("name")),
                OrganizationKind.valueOf(rs.getString("kind")),
                agency == null ? null : Agency.valueOf(agency),
                Times.instant(rs, "created_at"),
                rs.getLong("version"));
    }
}
