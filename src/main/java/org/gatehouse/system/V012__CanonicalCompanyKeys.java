package org.gatehouse.system;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.gatehouse.trade.CanonicalName;

/**
 * Migration V012, in Java because the canonical form of a name is ICU's, not SQL's: every stored company key becomes
 * the {@link CanonicalName} of the name, so that rows written before it (when keys were only lower-cased) count
 * with new ones. Applications and ledger positions are re-keyed; the per-company buckets are rebuilt from the
 * positions (two spellings that are now one company merge); organizations get a canonical {@code name_key} that is
 * unique, replacing the case-insensitive name index. Flyway reads the version from the class's name.
 */
final class V012__CanonicalCompanyKeys extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        rekey(connection, "SELECT id, company FROM application", "UPDATE application SET company_key = ? WHERE id = ?");
        rekey(
                connection,
                "SELECT application_id, parent_name FROM ledger_position",
                "UPDATE ledger_position SET parent_key = ? WHERE application_id = ?");
        rekey(
                connection,
                "SELECT application_id, end_user_key FROM ledger_position",
                "UPDATE ledger_position SET end_user_key = ? WHERE application_id = ?");
        try (Statement statement = connection.createStatement()) {
            statement.execute("DELETE FROM ledger_company_country");
            statement.execute("""
                    INSERT INTO ledger_company_country
                        (parent_key, destination, parent_name, reserved_tpp, authorized_tpp, shipped_tpp)
                    SELECT parent_key, destination, min(parent_name), sum(reserved_tpp), sum(authorized_tpp),
                           sum(shipped_tpp)
                    FROM ledger_position GROUP BY parent_key, destination""");
            statement.execute("ALTER TABLE organization ADD COLUMN name_key text");
        }
        Map<String, String> owners = new HashMap<>();
        try (Statement select = connection.createStatement();
                ResultSet rs = select.executeQuery("SELECT id, name FROM organization ORDER BY created_at, id");
                PreparedStatement update =
                        connection.prepareStatement("UPDATE organization SET name_key = ? WHERE id = ?")) {
            while (rs.next()) {
                String name = rs.getString(2);
                String key = CanonicalName.key(name);
                String earlier = owners.putIfAbsent(key, name);
                if (earlier != null) {
                    throw new SQLException("organizations '" + earlier + "' and '" + name + "' are one name once case,"
                            + " spacing, punctuation and look-alike letters are ignored: rename one, then start again");
                }
                update.setString(1, key);
                update.setObject(2, rs.getObject(1));
                update.addBatch();
            }
            update.executeBatch();
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("ALTER TABLE organization ALTER COLUMN name_key SET NOT NULL");
            statement.execute("DROP INDEX organization_name_unique");
            statement.execute("CREATE UNIQUE INDEX organization_name_key_unique ON organization (name_key)");
        }
    }

    /** Sets the key column of every row to the canonical key of its name column, in batches. */
    private static void rekey(Connection connection, String select, String update) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(select);
                PreparedStatement write = connection.prepareStatement(update)) {
            int batch = 0;
            while (rs.next()) {
                write.setString(1, CanonicalName.key(rs.getString(2)));
                write.setObject(2, rs.getObject(1));
                write.addBatch();
                if (++batch % 1_000 == 0) {
                    write.executeBatch();
                }
            }
            write.executeBatch();
        }
    }
}
