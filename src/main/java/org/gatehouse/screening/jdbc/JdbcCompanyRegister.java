package org.gatehouse.screening.jdbc;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.gatehouse.screening.CompanyRegister;
import org.gatehouse.screening.RegisterMatch;
import org.gatehouse.screening.RegisteredCompany;
import org.gatehouse.trade.ApplicationId;
import org.gatehouse.trade.CompanyName;
import org.gatehouse.trade.CountryCode;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The register of companies in PostgreSQL (V050): {@code register_company}, its names by canonical key
 * ({@code register_name}, whose primary key makes one key name one company), identifiers, owners, possible matches and
 * separated pairs; {@code register_state} counts the changes.
 */
@Repository
class JdbcCompanyRegister implements CompanyRegister {

    private static final String COMPANY = """
            SELECT id, name, key, country, version, created_at, created_by, updated_at, updated_by
            FROM register_company""";

    private static final String MATCH = """
            SELECT m.id, m.application_id, m.name, m.key, m.roles, m.company_id, c.name AS company_name, m.score,
                m.explanation, m.state, m.found_at, m.reason, m.decided_by, m.decided_at
            FROM register_match m JOIN register_company c ON c.id = m.company_id""";

    private final JdbcClient jdbc;

    JdbcCompanyRegister(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean insert(RegisteredCompany company) {
        bumpGeneration();
        if (taken(company)) {
            return false;
        }
        jdbc.sql("""
                        INSERT INTO register_company (id, name, key, country, version, created_at, created_by,
                            updated_at, updated_by)
                        VALUES (:id, :name, :key, :country, :version, :at, :by, :at, :by)
                        """)
                .param("id", company.id())
                .param("name", company.name().display())
                .param("key", company.name().key())
                .param(
                        "country",
                        company.country() == null ? null : company.country().value())
                .param("version", company.version())
                .param("at", utc(company.createdAt()))
                .param("by", company.createdBy())
                .update();
        writeDetails(company);
        return true;
    }

    @Override
    public boolean save(RegisteredCompany company, long expectedVersion) {
        bumpGeneration();
        int updated = jdbc.sql("""
                        UPDATE register_company SET name = :name, key = :key, country = :country, version = :version,
                            updated_at = :at, updated_by = :by
                        WHERE id = :id AND version = :expected
                        """)
                .param("id", company.id())
                .param("name", company.name().display())
                .param("key", company.name().key())
                .param(
                        "country",
                        company.country() == null ? null : company.country().value())
                .param("version", company.version())
                .param("expected", expectedVersion)
                .param("at", utc(company.updatedAt()))
                .param("by", company.updatedBy())
                .update();
        if (updated == 0) {
            return false;
        }
        for (String table : List.of("register_name", "register_identifier", "register_owner")) {
            jdbc.sql(DELETE_DETAILS.get(table)).param("id", company.id()).update();
        }
        if (taken(company)) {
            return false; // the caller's transaction rolls back: nothing is written
        }
        writeDetails(company);
        return true;
    }

    private static final Map<String, String> DELETE_DETAILS = Map.of(
            "register_name", "DELETE FROM register_name WHERE company_id = :id",
            "register_identifier", "DELETE FROM register_identifier WHERE company_id = :id",
            "register_owner", "DELETE FROM register_owner WHERE company_id = :id");

    /** Whether a name or identifier of {@code company} belongs to another company already. */
    private boolean taken(RegisteredCompany company) {
        List<String> keys = new ArrayList<>();
        keys.add(company.name().key());
        company.aliases().forEach(a -> keys.add(a.key()));
        boolean name = jdbc.sql("SELECT count(*) FROM register_name WHERE key IN (:keys) AND company_id <> :id")
                        .param("keys", keys)
                        .param("id", company.id())
                        .query(Long.class)
                        .single()
                > 0;
        if (name) {
            return true;
        }
        for (RegisteredCompany.Identifier identifier : company.identifiers()) {
            if (companyOfIdentifier(identifier.scheme(), identifier.value())
                    .filter(other -> !other.equals(company.id()))
                    .isPresent()) {
                return true;
            }
        }
        return false;
    }

    private void writeDetails(RegisteredCompany company) {
        insertName(company.id(), company.name(), false);
        for (CompanyName alias : company.aliases()) {
            insertName(company.id(), alias, true);
        }
        for (RegisteredCompany.Identifier identifier : company.identifiers()) {
            jdbc.sql("INSERT INTO register_identifier (scheme, value, company_id) VALUES (:scheme, :value, :id)")
                    .param("scheme", identifier.scheme())
                    .param("value", identifier.value())
                    .param("id", company.id())
                    .update();
        }
        for (RegisteredCompany.Owner owner : company.owners()) {
            jdbc.sql("INSERT INTO register_owner (company_id, owner_id, percent) VALUES (:id, :owner, :percent)")
                    .param("id", company.id())
                    .param("owner", owner.company())
                    .param("percent", owner.percent())
                    .update();
        }
    }

    private void insertName(UUID company, CompanyName name, boolean alias) {
        jdbc.sql("INSERT INTO register_name (key, company_id, name, alias) VALUES (:key, :id, :name, :alias)")
                .param("key", name.key())
                .param("id", company)
                .param("name", name.display())
                .param("alias", alias)
                .update();
    }

    /** Counts the change; the row lock makes register changes serial until the transaction ends. */
    private void bumpGeneration() {
        jdbc.sql("UPDATE register_state SET generation = generation + 1").update();
    }

    @Override
    public Optional<RegisteredCompany> find(UUID id) {
        return jdbc.sql(COMPANY + " WHERE id = :id")
                .param("id", id)
                .query(this::company)
                .optional();
    }

    @Override
    public List<RegisteredCompany> list(String keyPrefix, int limit, int offset) {
        return jdbc.sql(COMPANY + """
                         WHERE CAST(:prefix AS text) IS NULL OR starts_with(key, :prefix)
                        ORDER BY key LIMIT :limit OFFSET :offset""")
                .param("prefix", keyPrefix)
                .param("limit", limit)
                .param("offset", offset)
                .query(this::company)
                .list();
    }

    @Override
    public Optional<UUID> companyOfKey(String key) {
        return jdbc.sql("SELECT company_id FROM register_name WHERE key = :key")
                .param("key", key)
                .query(UUID.class)
                .optional();
    }

    @Override
    public Map<String, UUID> companiesOfKeys(List<String> keys) {
        if (keys.isEmpty()) {
            return Map.of();
        }
        Map<String, UUID> companies = new java.util.HashMap<>();
        jdbc.sql("SELECT key, company_id FROM register_name WHERE key IN (:keys)")
                .param("keys", keys)
                .query((ResultSet rs) -> {
                    companies.put(rs.getString(1), rs.getObject(2, UUID.class));
                });
        return companies;
    }

    @Override
    public Optional<UUID> companyOfIdentifier(String scheme, String value) {
        return jdbc.sql("SELECT company_id FROM register_identifier WHERE scheme = :scheme AND value = :value")
                .param("scheme", scheme)
                .param("value", value)
                .query(UUID.class)
                .optional();
    }

    @Override
    public List<UUID> existing(List<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT id FROM register_company WHERE id IN (:ids)")
                .param("ids", ids)
                .query(UUID.class)
                .list();
    }

    @Override
    public long generation() {
        return jdbc.sql("SELECT generation FROM register_state")
                .query(Long.class)
                .single();
    }

    @Override
    public List<NameOf> names(int max) {
        return jdbc.sql("SELECT company_id, name, alias FROM register_name ORDER BY company_id, alias, key LIMIT :max")
                .param("max", max)
                .query((rs, row) -> new NameOf(rs.getObject(1, UUID.class), rs.getString(2), rs.getBoolean(3)))
                .list();
    }

    @Override
    public List<OwnerLink> ownersAbove(UUID company, int depthMax, int linksMax) {
        return jdbc.sql("""
                        WITH RECURSIVE above(company_id, owner_id, percent, depth) AS (
                            SELECT company_id, owner_id, percent, 1 FROM register_owner WHERE company_id = :id
                            UNION
                            SELECT o.company_id, o.owner_id, o.percent, a.depth + 1
                            FROM register_owner o JOIN above a ON o.company_id = a.owner_id
                            WHERE a.depth < :depthMax)
                        SELECT DISTINCT a.company_id, a.owner_id, a.percent, c.name,
                            ARRAY(SELECT n.name FROM register_name n WHERE n.company_id = a.owner_id AND n.alias
                                  ORDER BY n.key) AS aliases
                        FROM above a JOIN register_company c ON c.id = a.owner_id
                        LIMIT :linksMax
                        """)
                .param("id", company)
                .param("depthMax", depthMax)
                .param("linksMax", linksMax)
                .query((rs, row) -> new OwnerLink(
                        rs.getObject(1, UUID.class),
                        rs.getObject(2, UUID.class),
                        rs.getString(4),
                        texts(rs.getArray(5)),
                        rs.getBigDecimal(3)))
                .list();
    }

    @Override
    public boolean separated(String key, UUID company) {
        return jdbc.sql("SELECT count(*) FROM register_separated WHERE key = :key AND company_id = :id")
                        .param("key", key)
                        .param("id", company)
                        .query(Long.class)
                        .single()
                > 0;
    }

    @Override
    public void markSeparated(String key, UUID company) {
        jdbc.sql("INSERT INTO register_separated (key, company_id) VALUES (:key, :id) ON CONFLICT DO NOTHING")
                .param("key", key)
                .param("id", company)
                .update();
    }

    @Override
    public Optional<Long> insertMatch(RegisterMatch match) {
        return jdbc.sql("""
                        INSERT INTO register_match (application_id, name, key, roles, company_id, score, explanation,
                            state, found_at)
                        VALUES (:application, :name, :key, CAST(:roles AS text[]), :company, :score, :explanation,
                            'PENDING', :at)
                        ON CONFLICT (application_id, key, company_id) DO NOTHING
                        RETURNING id
                        """)
                .param("application", match.applicationId().value())
                .param("name", match.name())
                .param("key", match.key())
                .param("roles", "{" + String.join(",", match.roles()) + "}")
                .param("company", match.company())
                .param("score", BigDecimal.valueOf(match.score()).setScale(6, java.math.RoundingMode.HALF_EVEN))
                .param("explanation", match.explanation())
                .param("at", utc(match.foundAt()))
                .query(Long.class)
                .optional();
    }

    @Override
    public Optional<RegisterMatch> findMatchForUpdate(long id) {
        return jdbc.sql(MATCH + " WHERE m.id = :id FOR UPDATE OF m")
                .param("id", id)
                .query(JdbcCompanyRegister::match)
                .optional();
    }

    @Override
    public boolean decideMatch(long id, RegisterMatch.State state, String reason, String by, Instant at) {
        return jdbc.sql("""
                        UPDATE register_match SET state = :state, reason = :reason, decided_by = :by, decided_at = :at
                        WHERE id = :id AND state = 'PENDING'
                        """)
                        .param("id", id)
                        .param("state", state.name())
                        .param("reason", reason)
                        .param("by", by)
                        .param("at", utc(at))
                        .update()
                == 1;
    }

    @Override
    public List<RegisterMatch> matchesOf(ApplicationId applicationId) {
        return jdbc.sql(MATCH + " WHERE m.application_id = :id ORDER BY m.id")
                .param("id", applicationId.value())
                .query(JdbcCompanyRegister::match)
                .list();
    }

    @Override
    public List<RegisterMatch> pendingMatches(long afterId, int max) {
        return jdbc.sql(MATCH + " WHERE m.state = 'PENDING' AND m.id > :after ORDER BY m.id LIMIT :max")
                .param("after", afterId)
                .param("max", max)
                .query(JdbcCompanyRegister::match)
                .list();
    }

    private RegisteredCompany company(ResultSet rs, int row) throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        List<CompanyName> aliases = jdbc.sql(
                        "SELECT name, key FROM register_name WHERE company_id = :id AND alias" + " ORDER BY key")
                .param("id", id)
                .query((r, n) -> new CompanyName(r.getString(1), r.getString(2)))
                .list();
        List<RegisteredCompany.Identifier> identifiers = jdbc.sql(
                        "SELECT scheme, value FROM register_identifier WHERE company_id = :id ORDER BY scheme, value")
                .param("id", id)
                .query((r, n) -> new RegisteredCompany.Identifier(r.getString(1), r.getString(2)))
                .list();
        List<RegisteredCompany.Owner> owners = jdbc.sql("""
                        SELECT o.owner_id, o.percent, c.name, c.key FROM register_owner o
                        JOIN register_company c ON c.id = o.owner_id
                        WHERE o.company_id = :id ORDER BY o.percent DESC, c.key
                        """)
                .param("id", id)
                .query((r, n) -> new RegisteredCompany.Owner(
                        r.getObject(1, UUID.class),
                        r.getBigDecimal(2),
                        new CompanyName(r.getString(3), r.getString(4))))
                .list();
        String country = rs.getString("country");
        return new RegisteredCompany(
                id,
                new CompanyName(rs.getString("name"), rs.getString("key")),
                country == null ? null : CountryCode.of(country),
                aliases,
                identifiers,
                owners,
                rs.getLong("version"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getString("created_by"),
                rs.getObject("updated_at", OffsetDateTime.class).toInstant(),
                rs.getString("updated_by"));
    }

    private static RegisterMatch match(ResultSet rs, int row) throws SQLException {
        OffsetDateTime decidedAt = rs.getObject("decided_at", OffsetDateTime.class);
        return new RegisterMatch(
                rs.getLong("id"),
                new ApplicationId(rs.getObject("application_id", UUID.class)),
                rs.getString("name"),
                rs.getString("key"),
                texts(rs.getArray("roles")),
                rs.getObject("company_id", UUID.class),
                rs.getString("company_name"),
                rs.getBigDecimal("score").doubleValue(),
                rs.getString("explanation"),
                RegisterMatch.State.valueOf(rs.getString("state")),
                rs.getObject("found_at", OffsetDateTime.class).toInstant(),
                rs.getString("reason"),
                rs.getString("decided_by"),
                decidedAt == null ? null : decidedAt.toInstant());
    }

    private static List<String> texts(Array array) throws SQLException {
        if (array == null) {
            return List.of();
        }
        return Arrays.asList((String[]) array.getArray());
    }

    private static OffsetDateTime utc(Instant at) {
        return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    }
}
