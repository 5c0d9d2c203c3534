package org.gatehouse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gatehouse.GatehouseApplication;
import org.gatehouse.Http;
import org.gatehouse.IntegrationTest;
import org.gatehouse.system.DatabaseServer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import picocli.CommandLine;

/**
 * The administration commands against the test server's database, as an operator would run them
 * next to a running {@code serve}: what they create works over HTTP at once, and is audited.
 */
@IntegrationTest
class IdentityCliIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    DatabaseServer database;

    @Autowired
    JdbcClient jdbc;

    private StringWriter out;
    private StringWriter err;

    @Test
    void anOperatorCreatesAnOrganizationAUserAndATokenThenRevokesAndDisables() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String actor = AdminSession.actor(System.getProperty("user.name"));
        long head = auditHead();

        assertThat(run(null, "org", "add", "--name", "Harbor Compute " + suffix, "--kind", "buyer"))
                .as(err.toString())
                .isZero();
        assertThat(out.toString()).startsWith("Created organization Harbor Compute " + suffix + " (BUYER)");

        assertThat(run(
                        "a password from stdin\n",
                        "user",
                        "add",
                        "Lee-" + suffix,
                        "--org",
                        "harbor compute " + suffix,
                        "--role",
                        "BUYER",
                        "--display-name",
                        "Lee Chan",
                        "--password-stdin"))
                .as(err.toString())
                .isZero();
        assertThat(out.toString()).contains("Created user lee-" + suffix).doesNotContain("a password from stdin");

        assertThat(run(null, "user", "list", "--org", "Harbor Compute " + suffix))
                .isZero();
        assertThat(out.toString()).contains("lee-" + suffix).contains("BUYER").contains("Lee Chan");

        assertThat(run(null, "token", "create", "lee-" + suffix, "--name", "nightly sync", "--expires-in-days", "30"))
                .isZero();
        Matcher secret = Pattern.compile("Token \\(shown once\\): (gh_\\S{43})").matcher(out.toString());
        assertThat(secret.find()).as(out.toString()).isTrue();
        String tokenId = out.toString().split(" ")[2];
        Http http = new Http(port);
        assertThat(http.get("/api/v1/me", secret.group(1))
                        .json()
                        .get("user")
                        .get("username")
                        .asString())
                .isEqualTo("lee-" + suffix);

        assertThat(run(null, "token", "revoke", tokenId)).isZero();
        assertThat(http.get("/api/v1/me", secret.group(1)).status()).isEqualTo(401);

        assertThat(run(null, "user", "disable", "lee-" + suffix)).isZero();
        assertThat(out.toString()).startsWith("Disabled user lee-" + suffix);

        List<String> events = jdbc.sql("SELECT actor || ' ' || action FROM audit_event WHERE seq > ? ORDER BY seq")
                .param(head)
                .query(String.class)
                .list();
        assertThat(events)
                .containsExactly(
                        actor + " organization.created",
                        actor + " user.created",
                        actor + " token.created",
                        actor + " token.revoked",
                        actor + " user.disabled");
    }

    @Test
    void aGeneratedPasswordIsPrintedOnceAndBadInputIsRefusedNamingTheOption() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);

        assertThat(run(
                        null,
                        "user",
                        "add",
                        "gen-" + suffix,
                        "--org",
                        "Bureau of Compute Export Licensing",
                        "--role",
                        "OFFICER",
                        "--display-name",
                        "Generated Password"))
                .isZero();
        assertThat(out.toString()).containsPattern("Password \\(shown once\\): [A-Za-z0-9]{20}");

        assertThat(run(
                        null,
                        "user",
                        "add",
                        "x",
                        "--org",
                        "Bureau of Compute Export Licensing",
                        "--role",
                        "OFFICER",
                        "--display-name",
                        "Too Short"))
                .isEqualTo(2);
        assertThat(err.toString()).contains("USERNAME: must be 3..64 characters");

        assertThat(run(
                        null,
                        "user",
                        "add",
                        "wrong-" + suffix,
                        "--org",
                        "Bureau of Compute Export Licensing",
                        "--role",
                        "APPLICANT",
                        "--display-name",
                        "Wrong Role"))
                .isEqualTo(1);
        assertThat(err.toString()).contains("roles: APPLICANT is not allowed in an organization of kind AUTHORITY");

        assertThat(run(
                        "short\n",
                        "user",
                        "add",
                        "short-" + suffix,
                        "--org",
                        "Bureau of Compute Export Licensing",
                        "--role",
                        "OFFICER",
                        "--display-name",
                        "Short",
                        "--password-stdin"))
                .isEqualTo(2);
        assertThat(err.toString()).contains("--password-stdin: must be at least 12 characters");

        assertThat(run(null, "user", "add", "--help")).isZero();
        assertThat(out.toString()).doesNotContain("--password ").contains("--password-stdin");
    }

    private int run(String stdin, String... args) {
        out = new StringWriter();
        err = new StringWriter();
        CommandLine commandLine = GatehouseCommand.commandLine(GatehouseApplication.class);
        commandLine.setOut(new PrintWriter(out));
        commandLine.setErr(new PrintWriter(err));
        if (stdin != null) {
            UserCommand.Add add = commandLine
                    .getSubcommands()
                    .get("user")
                    .getSubcommands()
                    .get("add")
                    .getCommand();
            add.stdin = new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8));
        }
        java.util.List<String> withDatabase = new java.util.ArrayList<>(java.util.List.of(args));
        withDatabase.addAll(java.util.List.of(
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
}
