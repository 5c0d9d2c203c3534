package org.gatehouse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandLineTests {

    /** The last run's output; each test runs one command. */
    private CommandLineRunner last;

    private int run(String... args) {
        last = CommandLineRunner.run(args);
        return last.status();
    }

    @Test
    void helpListsTheCommands() {
        assertThat(run("--help")).isZero();

        assertThat(last.out())
                .contains("Usage: gatehouse")
                .contains("serve")
                .contains("audit")
                .contains("version")
                .contains("org")
                .contains("user")
                .contains("token");
    }

    @Test
    void versionNamesTheBuild() {
        assertThat(run("version")).isZero();

        assertThat(last.out()).matches("gatehouse \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?\\R");
    }

    @Test
    void serveHelpDocumentsTheDatabaseOptions() {
        assertThat(run("serve", "--help")).isZero();

        assertThat(last.out())
                .contains("--port")
                .contains("--data-dir")
                .contains("--db-url")
                .contains("--demo");
    }

    @Test
    void unknownOptionIsAUsageError() {
        assertThat(run("serve", "--prot", "8080")).isEqualTo(2);

        assertThat(last.err()).contains("Unknown options: '--prot', '8080'");
    }

    @Test
    void verifyOnADatabaseWithoutAuditLogFails(@TempDir Path data) {
        assertThat(run("audit", "verify", "--data-dir", data.toString())).isEqualTo(1);

        assertThat(last.out()).contains("FAILED at event 0: this database holds no audit log");
    }

    @Test
    void verifyWithANonPostgresUrlIsRefusedClearly() {
        assertThat(run("audit", "verify", "--db-url", "jdbc:mysql://localhost/x"))
                .isEqualTo(1);

        assertThat(last.err()).contains("database URL must start with jdbc:postgresql:");
    }
}
