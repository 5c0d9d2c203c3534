package org.gatehouse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class CommandLineTests {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine commandLine = GatehouseCommand.commandLine();
        commandLine.setOut(new PrintWriter(out));
        commandLine.setErr(new PrintWriter(err));
        return commandLine.execute(args);
    }

    @Test
    void helpListsTheCommands() {
        assertThat(run("--help")).isZero();

        assertThat(out.toString())
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

        assertThat(out.toString()).matches("gatehouse \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?\\R");
    }

    @Test
    void serveHelpDocumentsTheDatabaseOptions() {
        assertThat(run("serve", "--help")).isZero();

        assertThat(out.toString())
                .contains("--port")
                .contains("--data-dir")
                .contains("--db-url")
                .contains("--demo");
    }

    @Test
    void unknownOptionIsAUsageError() {
        assertThat(run("serve", "--prot", "8080")).isEqualTo(2);

        assertThat(err.toString()).contains("Unknown options: '--prot', '8080'");
    }

    @Test
    void verifyOnADatabaseWithoutAuditLogFails(@TempDir Path data) {
        assertThat(run("audit", "verify", "--data-dir", data.toString())).isEqualTo(1);

        assertThat(out.toString()).contains("FAILED at event 0: this database holds no audit log");
    }

    @Test
    void verifyWithANonPostgresUrlIsRefusedClearly() {
        assertThat(run("audit", "verify", "--db-url", "jdbc:mysql://localhost/x"))
                .isEqualTo(1);

        assertThat(err.toString()).contains("database URL must start with jdbc:postgresql:");
    }
}
