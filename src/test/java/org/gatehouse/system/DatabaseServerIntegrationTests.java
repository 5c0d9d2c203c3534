package org.gatehouse.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The three ways to reach a database: start the embedded one, attach to it, or use a server by URL. */
class DatabaseServerIntegrationTests {

    @TempDir
    Path data;

    @Test
    void aSecondProcessOnTheSameDataDirectoryAttachesToTheRunningServer() throws SQLException {
        try (DatabaseServer owner = DatabaseServer.open(DatabaseSettings.embedded(data))) {
            write(owner.dataSource(), "CREATE TABLE marker (v int); INSERT INTO marker VALUES (42)");

            try (DatabaseServer attached = DatabaseServer.open(DatabaseSettings.embedded(data))) {
                assertThat(attached.description()).contains("run by process");
                assertThat(attached.jdbcUrl()).isEqualTo(owner.jdbcUrl());
                assertThat(read(attached.dataSource(), "SELECT v FROM marker")).isEqualTo(42);
            }

            assertThat(read(owner.dataSource(), "SELECT v FROM marker"))
                    .as("closing the attached one stops nothing")
                    .isEqualTo(42);
        }
    }

    @Test
    void anExternalServerIsUsedByUrlAndNeverStopped() throws SQLException {
        try (DatabaseServer server = DatabaseServer.open(DatabaseSettings.temporary())) {
            try (DatabaseServer external =
                    DatabaseServer.open(DatabaseSettings.external(server.jdbcUrl(), server.user(), null))) {
                assertThat(external.description()).startsWith("external PostgreSQL jdbc:postgresql://localhost:");
                assertThat(read(external.dataSource(), "SELECT 7")).isEqualTo(7);
            }
            assertThat(read(server.dataSource(), "SELECT 8")).isEqualTo(8);
        }
    }

    @Test
    void dataSurvivesARestartOfTheEmbeddedServer() throws SQLException {
        try (DatabaseServer first = DatabaseServer.open(DatabaseSettings.embedded(data))) {
            write(first.dataSource(), "CREATE TABLE kept (v int); INSERT INTO kept VALUES (5)");
        }
        try (DatabaseServer second = DatabaseServer.open(DatabaseSettings.embedded(data))) {
            assertThat(read(second.dataSource(), "SELECT v FROM kept")).isEqualTo(5);
        }
    }

    @Test
    void onlyPostgresqlUrlsAreAccepted() {
        assertThatThrownBy(() -> DatabaseSettings.external("jdbc:h2:mem:x", "sa", null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must start with jdbc:postgresql:");
    }

    private static void write(DataSource dataSource, String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static int read(DataSource dataSource, String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
