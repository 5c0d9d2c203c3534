package org.gatehouse.screening.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gatehouse.screening.ListFile;
import org.gatehouse.screening.ListVersion;
import org.gatehouse.screening.ListVersions;
import org.gatehouse.screening.ScreeningList;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** List versions in PostgreSQL (V050): {@code screening_list_version} and its files whole in {@code screening_list_file}. */
@Repository
class JdbcListVersions implements ListVersions {

    /** The advisory lock that makes imports serial (a fixed 64-bit number: "screening import"). */
    private static final long IMPORT_LOCK = 0x5343_5245_454e_494eL;

    private static final String COLUMNS =
            "v.id, v.source, v.sha256, v.entry_count, v.label, v.imported_at, v.imported_by, v.rescreened_at,"
                    + " v.rescreened, v.new_hits";

    private final JdbcClient jdbc;

    JdbcListVersions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void lockImports() {
        jdbc.sql("SELECT pg_advisory_xact_lock(:lock)")
                .param("lock", IMPORT_LOCK)
                .query()
                .singleRow();
    }

    @Override
    public List<ListVersion> active() {
        return withFiles(jdbc.sql("SELECT " + COLUMNS + """
                         FROM screening_list_version v
                        WHERE v.id = (SELECT max(l.id) FROM screening_list_version l WHERE l.source = v.source)
                        ORDER BY v.id
                        """)
                .query(JdbcListVersions::version)
                .list());
    }

    @Override
    public long latestId() {
        return jdbc.sql("SELECT coalesce(max(id), 0) FROM screening_list_version")
                .query(Long.class)
                .single();
    }

    @Override
    public List<ListVersion> all(int max) {
        return withFiles(jdbc.sql("SELECT " + COLUMNS + " FROM screening_list_version v ORDER BY v.id DESC LIMIT :max")
                .param("max", max)
                .query(JdbcListVersions::version)
                .list());
    }

    @Override
    public Optional<ListVersion> find(long id) {
        return withFiles(jdbc.sql("SELECT " + COLUMNS + " FROM screening_list_version v WHERE v.id = :id")
                        .param("id", id)
                        .query(JdbcListVersions::version)
                        .list())
                .stream()
                .findFirst();
    }

    @Override
    public long insert(ScreeningList list, List<ListFile> files, String label, Instant at, String by) {
        long id = jdbc.sql("""
                        INSERT INTO screening_list_version (source, sha256, entry_count, label, imported_at, imported_by)
                        VALUES (:source, :sha256, :entries, :label, :at, :by) RETURNING id
                        """)
                .param("source", list.source())
                .param("sha256", list.sha256())
                .param("entries", list.entryCount())
                .param("label", label)
                .param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
                .param("by", by)
                .query(Long.class)
                .single();
        for (int i = 0; i < files.size(); i++) {
            ScreeningList.SourceFile described = list.files().get(i);
            jdbc.sql("""
                            INSERT INTO screening_list_file (version_id, position, name, sha256, bytes, content)
                            VALUES (:id, :position, :name, :sha256, :bytes, :content)
                            """)
                    .param("id", id)
                    .param("position", i)
                    .param("name", described.name())
                    .param("sha256", described.sha256())
                    .param("bytes", described.bytes())
                    .param("content", files.get(i).bytes())
                    .update();
        }
        return id;
    }

    @Override
    public List<ListFile> files(long versionId) {
        return jdbc.sql("SELECT name, content FROM screening_list_file WHERE version_id = :id ORDER BY position")
                .param("id", versionId)
                .query((rs, row) -> new ListFile(rs.getString(1), rs.getBytes(2)))
                .list();
    }

    @Override
    public void rescreened(long id, ListVersion.Rescreen rescreen) {
        jdbc.sql("""
                        UPDATE screening_list_version SET rescreened_at = :at, rescreened = :rescreened, new_hits = :hits
                        WHERE id = :id
                        """)
                .param("id", id)
                .param("at", OffsetDateTime.ofInstant(rescreen.at(), ZoneOffset.UTC))
                .param("rescreened", rescreen.rescreened())
                .param("hits", rescreen.newHits())
                .update();
    }

    @Override
    public List<ListVersion> notRescreened() {
        return withFiles(jdbc.sql("SELECT " + COLUMNS
                        + " FROM screening_list_version v WHERE v.rescreened_at IS NULL ORDER BY v.id")
                .query(JdbcListVersions::version)
                .list());
    }

    /** The versions with the descriptions of their files (not their content). */
    private List<ListVersion> withFiles(List<ListVersion> versions) {
        if (versions.isEmpty()) {
            return versions;
        }
        Map<Long, List<ScreeningList.SourceFile>> files = new HashMap<>();
        jdbc.sql("""
                        SELECT version_id, name, sha256, bytes FROM screening_list_file
                        WHERE version_id IN (:ids) ORDER BY version_id, position
                        """)
                .param("ids", versions.stream().map(ListVersion::id).toList())
                .query((ResultSet rs) -> {
                    files.computeIfAbsent(rs.getLong(1), v -> new ArrayList<>())
                            .add(new ScreeningList.SourceFile(rs.getString(2), rs.getString(3), rs.getLong(4)));
                });
        List<ListVersion> described = new ArrayList<>(versions.size());
        for (ListVersion v : versions) {
            described.add(new ListVersion(
                    v.id(),
                    v.source(),
                    v.sha256(),
                    v.entryCount(),
                    v.label(),
                    v.importedAt(),
                    v.importedBy(),
                    files.getOrDefault(v.id(), List.of()),
                    v.rescreen()));
        }
        return described;
    }

    private static ListVersion version(ResultSet rs, int row) throws SQLException {
        OffsetDateTime rescreenedAt = rs.getObject("rescreened_at", OffsetDateTime.class);
        return new ListVersion(
                rs.getLong("id"),
                rs.getString("source"),
                rs.getString("sha256"),
                rs.getInt("entry_count"),
                rs.getString("label"),
                rs.getObject("imported_at", OffsetDateTime.class).toInstant(),
                rs.getString("imported_by"),
                List.of(),
                rescreenedAt == null
                        ? null
                        : new ListVersion.Rescreen(
                                rescreenedAt.toInstant(), rs.getInt("rescreened"), rs.getInt("new_hits")));
    }
}
