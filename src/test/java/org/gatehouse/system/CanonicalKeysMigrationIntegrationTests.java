package org.gatehouse.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * Migration V012 re-keys what was stored with lower-cased keys: two spellings of one company become one company in
 * the ledger (its buckets merged), and organizations get their canonical name key.
 */
class CanonicalKeysMigrationIntegrationTests {

    @Test
    void rowsStoredBeforeTheCanonicalKeyAreReKeyedAndTheirBucketsMerged() throws SQLException {
        try (DatabaseServer server = DatabaseServer.open(DatabaseSettings.temporary())) {
            flyway(server, "011").migrate();
            try (Connection connection = server.ownerDataSource().getConnection();
                    Statement statement = connection.createStatement()) {
                statement.execute("""
                        INSERT INTO organization (id, name, kind, created_at, version) VALUES
                            ('00000000-0000-0000-0000-000000000001', 'Acme Chips, Inc.', 'EXPORTER', now(), 0);
                        INSERT INTO ledger_position (application_id, parent_key, parent_name, end_user_key, destination,
                                assessed_on, outcome, reserved_tpp) VALUES
                            ('00000000-0000-0000-0000-00000000000a', 'secevade fund', 'SecEvade Fund', 'cloud one',
                                'AE', '2026-11-01', 'LICENSE_REQUIRED', 54000000),
                            ('00000000-0000-0000-0000-00000000000b', E'secevade\\u200b fund', E'SecEvade\\u200b Fund',
                                'cloud  one', 'AE', '2026-11-02', 'LICENSE_REQUIRED', 12000000);
                        INSERT INTO ledger_company_country (parent_key, destination, parent_name, reserved_tpp) VALUES
                            ('secevade fund', 'AE', 'SecEvade Fund', 54000000),
                            (E'secevade\\u200b fund', 'AE', E'SecEvade\\u200b Fund', 12000000);
                        """);
            }

            flyway(server, "latest").migrate();

            try (Connection connection = server.ownerDataSource().getConnection();
                    Statement statement = connection.createStatement()) {
                assertThat(rows(statement, "SELECT parent_key, reserved_tpp FROM ledger_company_country"))
                        .containsExactly(Map.of("parent_key", "secevade fund", "reserved_tpp", 66_000_000L));
                assertThat(rows(statement, "SELECT DISTINCT parent_key, end_user_key FROM ledger_position"))
                        .containsExactly(Map.of("parent_key", "secevade fund", "end_user_key", "cloud one"));
                assertThat(rows(statement, "SELECT name, name_key FROM organization"))
                        .containsExactly(Map.of("name", "Acme Chips, Inc.", "name_key", "acme chips inc"));
            }
        }
    }

    private static Flyway flyway(DatabaseServer server, String target) {
        return Flyway.configure()
                .dataSource(server.ownerDataSource())
                .locations("classpath:db/migration")
                .placeholders(Map.of("app_role", DatabaseConfiguration.identifier(server.user())))
                .javaMigrations(new V012__CanonicalCompanyKeys())
                .target(target)
                .load();
    }

    private static List<Map<String, Object>> rows(Statement statement, String sql) throws SQLException {
        List<Map<String, Object>> rows = new ArrayList<>();
        try (ResultSet rs = statement.executeQuery(sql)) {
            while (rs.next()) {
                Map<String, Object> row = new java.util.LinkedHashMap<>();
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    row.put(rs.getMetaData().getColumnName(i), rs.getObject(i));
                }
                rows.add(row);
            }
        }
        return rows;
    }
}
