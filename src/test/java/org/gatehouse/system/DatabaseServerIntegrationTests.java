package org.gatehouse.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The three ways to reach a database: start the embedded one, attach to it, or use a server by URL; and the embedded
 * one refuses strangers.
 */
class DatabaseServerIntegrationTests {

    @TempDir
    Path data;

    @Test
    void aSecondProcessOnTheSameDataDirectoryAttachesToTheRunningServer() throws SQLException {
        try (DatabaseServer owner = DatabaseServer.open(DatabaseSettings.embedded(data))) {
            write(owner.ownerDataSource(), "CREATE TABLE marker (v int); INSERT INTO marker VALUES (42)");

            try (DatabaseServer attached = DatabaseServer.open(DatabaseSettings.embedded(data))) {
                assertThat(attached.description()).contains("run by process");
                assertThat(attached.jdbcUrl()).isEqualTo(owner.jdbcUrl());
                assertThat(read(attached.ownerDataSource(), "SELECT v FROM marker"))
                        .isEqualTo(42);
            }

            assertThat(read(owner.ownerDataSource(), "SELECT v FROM marker"))
                    .as("closing the attached one stops nothing")
                    .isEqualTo(42);
        }
    }

    @Test
    void anExternalServerIsUsedByUrlAndNeverStopped() throws SQLException {
        try (DatabaseServer server = DatabaseServer.open(DatabaseSettings.temporary())) {
            try (DatabaseServer external = DatabaseServer.open(
                    DatabaseSettings.external(server.jdbcUrl(), server.user(), server.password()))) {
                assertThat(external.description()).startsWith("external PostgreSQL jdbc:postgresql://localhost:");
                assertThat(read(external.dataSource(), "SELECT 7")).isEqualTo(7);
                assertThat(external.ownerUser())
                        .as("without an owner, migrations run as the given user")
                        .isEqualTo(server.user());
            }
            assertThat(read(server.dataSource(), "SELECT 8")).isEqualTo(8);
        }
    }

    @Test
    void dataSurvivesARestartOfTheEmbeddedServer() throws SQLException {
        try (DatabaseServer first = DatabaseServer.open(DatabaseSettings.embedded(data))) {
            write(first.ownerDataSource(), "CREATE TABLE kept (v int); INSERT INTO kept VALUES (5)");
        }
        try (DatabaseServer second = DatabaseServer.open(DatabaseSettings.embedded(data))) {
            assertThat(read(second.ownerDataSource(), "SELECT v FROM kept")).isEqualTo(5);
        }
    }

    @Test
    void theEmbeddedServerRefusesConnectionsWithoutTheRightPassword() throws Exception {
        try (DatabaseServer server = DatabaseServer.open(DatabaseSettings.embedded(data))) {
            for (String role : new String[] {"postgres", DatabaseServer.OWNER_ROLE, DatabaseServer.APP_ROLE}) {
                assertThatThrownBy(() -> DriverManager.getConnection(server.jdbcUrl(), role, null)
                                .close())
                        .as("%s without a password", role)
                        .hasMessageContaining("password");
                assertThatThrownBy(() -> DriverManager.getConnection(server.jdbcUrl(), role, "guess")
                                .close())
                        .as("%s with a wrong password", role)
                        .hasMessageContaining("password authentication failed");
            }
            Path credentials = data.resolve(DatabaseCredentials.FILE_NAME);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(credentials)))
                    .isEqualTo("rw-------");
            assertThat(Files.readString(data.resolve("postgres/pg_hba.conf"))).doesNotContain("trust");
        }
    }

    @Test
    void theApplicationsRoleOwnsNothingAndIsNoSuperuser() throws SQLException {
        try (DatabaseServer server = DatabaseServer.open(DatabaseSettings.embedded(data))) {
            assertThat(server.user()).isEqualTo(DatabaseServer.APP_ROLE);
            assertThatThrownBy(() -> write(server.dataSource(), "CREATE TABLE mine (v int)"))
                    .hasMessageContaining("permission denied for schema public");
            assertThat(read(
                            server.dataSource(),
                            "SELECT count(*) FROM pg_roles WHERE rolname = current_user"
                                    + " AND (rolsuper OR rolcreaterole OR rolcreatedb OR rolbypassrls)"))
                    .isZero();
        }
    }

    @Test
    void aClusterThatTrustedEveryLocalConnectionIsGivenPasswordsAtItsNextStart() throws Exception {
        try (DatabaseServer first = DatabaseServer.open(DatabaseSettings.embedded(data))) {
            write(first.ownerDataSource(), "CREATE TABLE kept (v int); INSERT INTO kept VALUES (9)");
        }
        // As a cluster created by an earlier version: every local connection trusted, no passwords anywhere.
        Files.writeString(data.resolve("postgres/pg_hba.conf"), "host all all 127.0.0.1/32 trust\n");
        Files.delete(data.resolve(DatabaseCredentials.FILE_NAME));

        try (DatabaseServer second = DatabaseServer.open(DatabaseSettings.embedded(data))) {
            assertThat(read(second.ownerDataSource(), "SELECT v FROM kept")).isEqualTo(9);
            assertThatThrownBy(() -> DriverManager.getConnection(second.jdbcUrl(), "postgres", null)
                            .close())
                    .hasMessageContaining("password");
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
