package org.gatehouse.screening.jdbc;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.gatehouse.screening.Disposition;
import org.gatehouse.screening.ScreeningHit;
import org.gatehouse.screening.ScreeningHits;
import org.gatehouse.trade.CountryCode;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Screening hits in PostgreSQL: {@code screening_hit} (V050). */
@Repository
class JdbcScreeningHits implements ScreeningHits {

    private static final String COLUMNS = """
            id, subject_kind, subject_id, party_role, party_name, party_key, party_country, kind, list_source,
            list_version_id, entry_id, matched_name, score, explanation, path, found_at, found_by, disposition, reason,
            dispositioned_by, dispositioned_at""";

    private final JdbcClient jdbc;

    JdbcScreeningHits(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Long> insertIfNew(ScreeningHit hit) {
        return jdbc.sql("""
                        INSERT INTO screening_hit (subject_kind, subject_id, party_role, party_name, party_key,
                            party_country, kind, list_source, list_version_id, entry_id, matched_name, score,
                            explanation, path, found_at, found_by)
                        VALUES (:subjectKind, :subject, :role, :name, :key, :country, :kind, :list, :version, :entry,
                            :matched, :score, :explanation, :path, :at, :foundBy)
                        ON CONFLICT (subject_kind, subject_id, party_key, kind, list_source, entry_id) DO NOTHING
                        RETURNING id
                        """)
                .param("subjectKind", hit.kindOfSubject().name())
                .param("subject", hit.subject())
                .param("role", hit.partyRole())
                .param("name", hit.partyName())
                .param("key", hit.partyKey())
                .param(
                        "country",
                        hit.partyCountry() == null ? null : hit.partyCountry().value())
                .param("kind", hit.kind().name())
                .param("list", hit.listSource())
                .param("version", hit.listVersionId())
                .param("entry", hit.entryId())
                .param("matched", hit.matchedName())
                .param("score", BigDecimal.valueOf(hit.score()).setScale(6, RoundingMode.HALF_EVEN))
                .param("explanation", hit.explanation())
                .param("path", hit.path())
                .param("at", OffsetDateTime.ofInstant(hit.foundAt(), ZoneOffset.UTC))
                .param("foundBy", hit.foundBy().name())
                .query(Long.class)
                .optional();
    }

    @Override
    public List<ScreeningHit> of(ScreeningHit.Subject kind, UUID subject) {
        return jdbc.sql("SELECT " + COLUMNS
                        + " FROM screening_hit WHERE subject_kind = :kind AND subject_id = :subject ORDER BY id")
                .param("kind", kind.name())
                .param("subject", subject)
                .query(JdbcScreeningHits::hit)
                .list();
    }

    @Override
    public Optional<ScreeningHit> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM screening_hit WHERE id = :id")
                .param("id", id)
                .query(JdbcScreeningHits::hit)
                .optional();
    }

    @Override
    public Optional<ScreeningHit> findForUpdate(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM screening_hit WHERE id = :id FOR UPDATE")
                .param("id", id)
                .query(JdbcScreeningHits::hit)
                .optional();
    }

    @Override
    public boolean disposition(long id, Disposition disposition, String reason, String by, Instant at) {
        return jdbc.sql("""
                        UPDATE screening_hit SET disposition = :disposition, reason = :reason, dispositioned_by = :by,
                            dispositioned_at = :at
                        WHERE id = :id AND disposition IS NULL
                        """)
                        .param("id", id)
                        .param("disposition", disposition.name())
                        .param("reason", reason)
                        .param("by", by)
                        .param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
                        .update()
                == 1;
    }

    @Override
    public List<ScreeningHit> pending(long afterId, int max) {
        return jdbc.sql("SELECT " + COLUMNS
                        + " FROM screening_hit WHERE disposition IS NULL AND id > :after ORDER BY id LIMIT :max")
                .param("after", afterId)
                .param("max", max)
                .query(JdbcScreeningHits::hit)
                .list();
    }

    private static ScreeningHit hit(ResultSet rs, int row) throws SQLException {
        String country = rs.getString("party_country");
        String disposition = rs.getString("disposition");
        OffsetDateTime dispositionedAt = rs.getObject("dispositioned_at", OffsetDateTime.class);
        return new ScreeningHit(
                rs.getLong("id"),
                ScreeningHit.Subject.valueOf(rs.getString("subject_kind")),
                rs.getObject("subject_id", UUID.class),
                rs.getString("party_role"),
                rs.getString("party_name"),
                rs.getString("party_key"),
                country == null ? null : CountryCode.of(country),
                ScreeningHit.Kind.valueOf(rs.getString("kind")),
                rs.getString("list_source"),
                rs.getLong("list_version_id"),
                rs.getString("entry_id"),
                rs.getString("matched_name"),
                rs.getBigDecimal("score").doubleValue(),
                rs.getString("explanation"),
                rs.getString("path"),
                rs.getObject("found_at", OffsetDateTime.class).toInstant(),
                ScreeningHit.FoundBy.valueOf(rs.getString("found_by")),
                disposition == null ? null : Disposition.valueOf(disposition),
                rs.getString("reason"),
                rs.getString("dispositioned_by"),
                dispositionedAt == null ? null : dispositionedAt.toInstant());
    }
}
