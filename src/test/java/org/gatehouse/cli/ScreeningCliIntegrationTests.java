package org.gatehouse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.gatehouse.GatehouseApplication;
import org.gatehouse.IntegrationTest;
import org.gatehouse.audit.AuditVerifier;
import org.gatehouse.screening.TestListFiles;
import org.gatehouse.system.DatabaseServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import picocli.CommandLine;

/**
 * {@code gatehouse lists import} and {@code gatehouse screen} on a server's database, as an operator runs them next to
 * a running server: an import is a new version the server screens against at once, and {@code screen} with the
 * database options screens against the server's active lists rather than the bundled snapshot.
 */
@IntegrationTest
class ScreeningCliIntegrationTests {

    @Autowired
    DatabaseServer database;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @TempDir
    Path folder;

    private StringWriter out;
    private StringWriter err;

    @Test
    void anImportedListIsScreenedAgainstOnTheServersDatabaseAndAnUnchangedOneChangesNothing() throws Exception {
        String word = letters();
        String name = "Brindlewood Photonics " + word;
        Path file = folder.resolve("csl.csv");
        Files.write(file, TestListFiles.csl(List.of(name)));

        assertThat(run("lists", "import", file.toString(), "--source", "CLI-" + word))
                .as(err.toString())
                .isZero();
        assertThat(out.toString())
                .startsWith("CLI-" + word + ": imported version ")
                .contains("1 entries");
        assertThat(out.toString()).containsPattern("Re-screened \\d+ open cases?: \\d+ new hits?\\.");
        long head = auditHead();

        assertThat(run("lists", "import", file.toString(), "--source", "CLI-" + word))
                .isZero();
        assertThat(out.toString()).startsWith("CLI-" + word + ": unchanged, active version ");
        assertThat(auditHead()).isEqualTo(head);

        assertThat(run("screen", name, "--format", "json")).as(err.toString()).isZero();
        assertThat(out.toString()).contains("\"list\":\"CLI-" + word + "\"").contains("\"score\":1.000");
        assertThat(CommandLineRunner.run("screen", name, "--format", "json").out())
                .as("offline, the bundled snapshot does not hold it")
                .contains("\"hits\":[]");

        assertThat(run("screen", "Banco Nacional de Cuba")).isZero();
        assertThat(out.toString()).contains("SDN").contains("306");

        assertThat(run("lists", "show")).isZero();
        assertThat(out.toString()).contains("CLI-" + word).contains("SDN");
        assertThat(new AuditVerifier().verify(dataSource).failure()).isEmpty();
    }

    @Test
    void aMalformedFileIsRefusedWithItsLineAndNothingIsImported() throws Exception {
        String word = letters();
        Path file = folder.resolve("broken.csv");
        String good = new String(TestListFiles.csl(List.of("Kelpie Forge " + word)), StandardCharsets.UTF_8);
        Files.writeString(file, good + "\"only\",\"two\"\n");
        long versions = jdbc.sql("SELECT count(*) FROM screening_list_version")
                .query(Long.class)
                .single();
        long head = auditHead();

        assertThat(run("lists", "import", file.toString(), "--source", "CLI-" + word))
                .isEqualTo(1);

        assertThat(err.toString()).startsWith("files: " + file + ":3:");
        assertThat(jdbc.sql("SELECT count(*) FROM screening_list_version")
                        .query(Long.class)
                        .single())
                .isEqualTo(versions);
        assertThat(auditHead()).isEqualTo(head);
    }

    private int run(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        CommandLine commandLine = GatehouseCommand.commandLine(GatehouseApplication.class);
        commandLine.setOut(new PrintWriter(out));
        commandLine.setErr(new PrintWriter(err));
        List<String> withDatabase = new ArrayList<>(List.of(args));
        withDatabase.addAll(List.of(
                "--db-url", database.jdbcUrl(),
                "--db-user", database.user(),
                "--db-password", database.password(),
                "--db-owner-user", database.ownerUser(),
                "--db-owner-password", database.ownerPassword()));
        return commandLine.execute(withDatabase.toArray(String[]::new));
    }

    private long auditHead() {
        return jdbc.sql("SELECT last_seq FROM audit_chain_head")
                .query(Long.class)
                .single();
    }

    private static String letters() {
        StringBuilder text = new StringBuilder();
        for (char c :
                UUID.randomUUID().toString().replace("-", "").substring(0, 8).toCharArray()) {
            text.append((char) ('a' + Character.digit(c, 16)));
        }
        return text.toString();
    }
}
