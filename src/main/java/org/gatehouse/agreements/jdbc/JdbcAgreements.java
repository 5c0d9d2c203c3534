package org.gatehouse.agreements.jdbc;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import org.gatehouse.agreements.Agreement;
import org.gatehouse.agreements.AgreementId;
import org.gatehouse.agreements.AgreementStatus;
import org.gatehouse.agreements.AgreementTerms;
import org.gatehouse.agreements.Agreements;
import org.gatehouse.agreements.Allocation;
import org.gatehouse.agreements.CommitmentStatus;
import org.gatehouse.agreements.InvestmentCommitment;
import org.gatehouse.agreements.Realization;
import org.gatehouse.agreements.SecurityCommitment;
import org.gatehouse.agreements.Tranche;
import org.gatehouse.trade.ApplicationId;
import org.gatehouse.trade.CountryCode;
import org.gatehouse.trade.Paging;
import org.gatehouse.trade.Usd;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/**
 * Agreements in PostgreSQL (V061): one row each, commitments and tranches as JSON arrays; the draws on allocations in
 * {@code agreement_draw}, the drawn total kept on the agreement's row by guarded updates.
 */
@Repository
class JdbcAgreements implements Agreements {

    private static final String COLUMNS = """
            a.id, a.country, a.title, a.signatories::text AS signatories, a.status, a.version, a.signed_on,
            a.in_force_on, a.terminated_on, a.termination_reason, a.pledged_usd, a.matching_ratio,
            a.home_investment_usd, a.commitments::text AS commitments, a.tranches::text AS tranches,
            a.allocation_gb300e, a.allocation_tpp, a.reference_tpp, a.created_by, a.created_at, a.changed_by,
            a.changed_at""";

    private static final String LIST = "SELECT " + COLUMNS + """
             FROM agreement a
            WHERE (CAST(:country AS text) IS NULL OR a.country = :country)
              AND (CAST(:status AS text) IS NULL OR a.status = :status)
            ORDER BY a.country, a.changed_at DESC, a.id
            LIMIT :limit OFFSET :offset""";

    /**
     * The draw: the drawn total rises only while it stays within the allocation. The UPDATE locks the row; a racing
     * draw waits, then re-checks its condition against the total this one committed (READ COMMITTED re-evaluation).
     */
    private static final String DRAW = """
            UPDATE agreement SET allocation_drawn_tpp = allocation_drawn_tpp + :tpp
            WHERE id = :id AND allocation_tpp IS NOT NULL AND allocation_drawn_tpp + :tpp <= allocation_tpp
            RETURNING allocation_drawn_tpp""";

    /** Gives back what the draw still holds, up to the amount asked; the draw's row is locked first. */
    private static final String GIVE_BACK = """
            WITH held AS (
                SELECT application_id, agreement_id, least(:tpp, tpp - returned_tpp) AS back
                FROM agreement_draw WHERE application_id = :application AND returned_tpp < tpp FOR UPDATE)
            UPDATE agreement_draw d SET returned_tpp = d.returned_tpp + held.back, returned_at = :at
            FROM held WHERE d.application_id = held.application_id
            RETURNING held.agreement_id, held.back""";

    private static final String DRAW_COLUMNS =
            "agreement_id, application_id, tpp, returned_tpp, drawn_by, drawn_at, returned_at";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    JdbcAgreements(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** A security commitment as stored in the JSON array. */
    record CommitmentRow(int number, String text, String status, String note, String changedBy, String changedAt) {}

    /** A realization as stored. */
    record RealizationRow(
            String amountUsd, String realizedOn, String evidenceSha256, String recordedBy, String recordedAt) {}

    /** A tranche as stored. */
    record TrancheRow(int number, String dueOn, String amountUsd, List<RealizationRow> realizations) {}

    @Override
    public boolean insert(Agreement a) {
        // A second agreement of a country that is not terminated hits the partial unique index: nothing is inserted.
        return jdbc.sql("""
                INSERT INTO agreement (id, country, title, signatories, status, version, signed_on, in_force_on,
                    terminated_on, termination_reason, pledged_usd, matching_ratio, home_investment_usd, commitments,
                    tranches, allocation_gb300e, allocation_tpp, reference_tpp, created_by, created_at, changed_by,
                    changed_at)
                VALUES (:id, :country, :title, CAST(:signatories AS jsonb), :status, :version, :signedOn, :inForceOn,
                    :terminatedOn, :terminationReason, :pledged, :ratio, :home, CAST(:commitments AS jsonb),
                    CAST(:tranches AS jsonb), :gb300e, :allocationTpp, :referenceTpp, :createdBy, :createdAt,
                    :changedBy, :changedAt)
                ON CONFLICT DO NOTHING
                """)
                        .param("id", a.id().value())
                        .param("country", a.terms().country().value())
                        .param("title", a.terms().title())
                        .param("signatories", json.writeValueAsString(a.terms().signatories()))
                        .param("status", a.status().name())
                        .param("version", a.version())
                        .param("signedOn", a.signedOn())
                        .param("inForceOn", a.inForceOn())
                        .param("terminatedOn", a.terminatedOn())
                        .param("terminationReason", a.terminationReason())
                        .param("pledged", a.investment().pledged().amount())
                        .param("ratio", a.investment().matchingRatio())
                        .param(
                                "home",
                                a.investment().homeInvestment() == null
                                        ? null
                                        : a.investment().homeInvestment().amount())
                        .param("commitments", commitments(a.commitments()))
                        .param("tranches", tranches(a.tranches()))
                        .param(
                                "gb300e",
                                a.allocation() == null ? null : a.allocation().gb300e())
                        .param(
                                "allocationTpp",
                                a.allocation() == null ? null : a.allocation().tpp())
                        .param(
                                "referenceTpp",
                                a.allocation() == null ? null : a.allocation().referenceTpp())
                        .param("createdBy", a.createdBy())
                        .param("createdAt", utc(a.createdAt()))
                        .param("changedBy", a.changedBy())
                        .param("changedAt", utc(a.changedAt()))
                        .update()
                == 1;
    }

    @Override
    public Optional<Agreement> find(AgreementId id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM agreement a WHERE a.id = :id")
                .param("id", id.value())
                .query(this::row)
                .optional();
    }

    @Override
    public Optional<Agreement> findForUpdate(AgreementId id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM agreement a WHERE a.id = :id FOR UPDATE")
                .param("id", id.value())
                .query(this::row)
                .optional();
    }

    @Override
    public boolean save(Agreement a) {
        return jdbc.sql("""
                UPDATE agreement SET status = :status, version = :version, signed_on = :signedOn,
                    in_force_on = :inForceOn, terminated_on = :terminatedOn, termination_reason = :terminationReason,
                    commitments = CAST(:commitments AS jsonb), tranches = CAST(:tranches AS jsonb),
                    changed_by = :changedBy, changed_at = :changedAt
                WHERE id = :id AND version = :storedVersion
                """)
                        .param("id", a.id().value())
                        .param("storedVersion", a.storedVersion())
                        .param("status", a.status().name())
                        .param("version", a.version())
                        .param("signedOn", a.signedOn())
                        .param("inForceOn", a.inForceOn())
                        .param("terminatedOn", a.terminatedOn())
                        .param("terminationReason", a.terminationReason())
                        .param("commitments", commitments(a.commitments()))
                        .param("tranches", tranches(a.tranches()))
                        .param("changedBy", a.changedBy())
                        .param("changedAt", utc(a.changedAt()))
                        .update()
                == 1;
    }

    @Override
    public List<Agreement> forCountry(CountryCode country) {
        return jdbc.sql("SELECT " + COLUMNS + """
                         FROM agreement a WHERE a.country = :country
                        ORDER BY (a.status = 'TERMINATED'), a.changed_at DESC, a.id LIMIT :max""")
                .param("country", country.value())
                .param("max", CANDIDATES_MAX)
                .query(this::row)
                .list();
    }

    @Override
    public List<Agreement> list(CountryCode country, AgreementStatus status, Paging paging) {
        return jdbc.sql(LIST)
                .param("country", country == null ? null : country.value())
                .param("status", status == null ? null : status.name())
                .param("limit", paging.limit())
                .param("offset", paging.offset())
                .query(this::row)
                .list();
    }

    @Override
    public long drawnTpp(AgreementId id) {
        return jdbc.sql("SELECT allocation_drawn_tpp FROM agreement WHERE id = :id")
                .param("id", id.value())
                .query(Long.class)
                .optional()
                .orElse(0L);
    }

    @Override
    public OptionalLong draw(AgreementId id, ApplicationId application, long tpp, String by, Instant at) {
        Optional<Long> drawn = jdbc.sql(DRAW)
                .param("id", id.value())
                .param("tpp", tpp)
                .query(Long.class)
                .optional();
        if (drawn.isEmpty()) {
            return OptionalLong.empty();
        }
        jdbc.sql("""
                INSERT INTO agreement_draw (application_id, agreement_id, tpp, drawn_by, drawn_at)
                VALUES (:application, :agreement, :tpp, :by, :at)
                """)
                .param("application", application.value())
                .param("agreement", id.value())
                .param("tpp", tpp)
                .param("by", by)
                .param("at", utc(at))
                .update();
        return OptionalLong.of(drawn.get());
    }

    @Override
    public Optional<Draw> drawOf(ApplicationId application) {
        return jdbc.sql("SELECT " + DRAW_COLUMNS + " FROM agreement_draw WHERE application_id = :application")
                .param("application", application.value())
                .query(JdbcAgreements::draw)
                .optional();
    }

    @Override
    public List<Draw> draws(AgreementId id, Paging paging) {
        return jdbc.sql("SELECT " + DRAW_COLUMNS + """
                         FROM agreement_draw WHERE agreement_id = :id
                        ORDER BY drawn_at DESC, application_id LIMIT :limit OFFSET :offset""")
                .param("id", id.value())
                .param("limit", paging.limit())
                .param("offset", paging.offset())
                .query(JdbcAgreements::draw)
                .list();
    }

    @Override
    public long giveBack(ApplicationId application, long tpp, String by, Instant at) {
        if (tpp <= 0) {
            return 0;
        }
        record Back(UUID agreement, long tpp) {}
        Optional<Back> back = jdbc.sql(GIVE_BACK)
                .param("application", application.value())
                .param("tpp", tpp)
                .param("at", utc(at))
                .query((rs, n) -> new Back(rs.getObject(1, UUID.class), rs.getLong(2)))
                .optional();
        if (back.isEmpty() || back.get().tpp() == 0) {
            return 0;
        }
        jdbc.sql("UPDATE agreement SET allocation_drawn_tpp = allocation_drawn_tpp - :tpp WHERE id = :id")
                .param("id", back.get().agreement())
                .param("tpp", back.get().tpp())
                .update();
        return back.get().tpp();
    }

    private static Draw draw(ResultSet rs, int n) throws SQLException {
        OffsetDateTime returned = rs.getObject("returned_at", OffsetDateTime.class);
        return new Draw(
                new AgreementId(rs.getObject("agreement_id", UUID.class)),
                new ApplicationId(rs.getObject("application_id", UUID.class)),
                rs.getLong("tpp"),
                rs.getLong("returned_tpp"),
                rs.getString("drawn_by"),
                rs.getObject("drawn_at", OffsetDateTime.class).toInstant(),
                returned == null ? null : returned.toInstant());
    }

    private Agreement row(ResultSet rs, int n) throws SQLException {
        List<String> signatories = List.of(json.readValue(rs.getString("signatories"), String[].class));
        List<SecurityCommitment> commitments = new ArrayList<>();
        for (CommitmentRow c : json.readValue(rs.getString("commitments"), CommitmentRow[].class)) {
            commitments.add(new SecurityCommitment(
                    c.number(),
                    c.text(),
                    CommitmentStatus.valueOf(c.status()),
                    c.note(),
                    c.changedBy(),
                    Instant.parse(c.changedAt())));
        }
        List<Tranche> tranches = new ArrayList<>();
        for (TrancheRow t : json.readValue(rs.getString("tranches"), TrancheRow[].class)) {
            List<Realization> realizations = new ArrayList<>();
            for (RealizationRow r : t.realizations()) {
                realizations.add(new Realization(
                        Usd.of(r.amountUsd()),
                        LocalDate.parse(r.realizedOn()),
                        r.evidenceSha256(),
                        r.recordedBy(),
                        Instant.parse(r.recordedAt())));
            }
            tranches.add(new Tranche(t.number(), LocalDate.parse(t.dueOn()), Usd.of(t.amountUsd()), realizations));
        }
        BigDecimal home = rs.getBigDecimal("home_investment_usd");
        long gb300e = rs.getLong("allocation_gb300e");
        Allocation allocation =
                rs.wasNull() ? null : new Allocation(gb300e, rs.getLong("allocation_tpp"), rs.getLong("reference_tpp"));
        return Agreement.restore(
                new AgreementId(rs.getObject("id", UUID.class)),
                new AgreementTerms(CountryCode.of(rs.getString("country")), rs.getString("title"), signatories),
                new InvestmentCommitment(
                        new Usd(rs.getBigDecimal("pledged_usd")),
                        rs.getBigDecimal("matching_ratio"),
                        home == null ? null : new Usd(home)),
                allocation,
                rs.getString("created_by"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getLong("version"),
                AgreementStatus.valueOf(rs.getString("status")),
                rs.getObject("signed_on", LocalDate.class),
                rs.getObject("in_force_on", LocalDate.class),
                rs.getObject("terminated_on", LocalDate.class),
                rs.getString("termination_reason"),
                commitments,
                tranches,
                rs.getString("changed_by"),
                rs.getObject("changed_at", OffsetDateTime.class).toInstant());
    }

    private String commitments(List<SecurityCommitment> commitments) {
        return json.writeValueAsString(commitments.stream()
                .map(c -> new CommitmentRow(
                        c.number(),
                        c.text(),
                        c.status().name(),
                        c.note(),
                        c.changedBy(),
                        c.changedAt().toString()))
                .toList());
    }

    private String tranches(List<Tranche> tranches) {
        return json.writeValueAsString(tranches.stream()
                .map(t -> new TrancheRow(
                        t.number(),
                        t.dueOn().toString(),
                        t.amount().toString(),
                        t.realizations().stream()
                                .map(r -> new RealizationRow(
                                        r.amount().toString(),
                                        r.realizedOn().toString(),
                                        r.evidenceSha256(),
                                        r.recordedBy(),
                                        r.recordedAt().toString()))
                                .toList()))
                .toList());
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
