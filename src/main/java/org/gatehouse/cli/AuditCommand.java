package org.gatehouse.cli;

import java.io.PrintWriter;
import java.sql.SQLException;
import java.util.concurrent.Callable;
import org.gatehouse.audit.AuditVerifier;
import org.gatehouse.system.DatabaseServer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code gatehouse audit …}: commands for auditors. */
@Command(
        name = "audit",
        mixinStandardHelpOptions = true,
        description = "Work with the audit log.",
        subcommands = AuditCommand.Verify.class)
final class AuditCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code gatehouse audit verify}: recomputes the hash chain; exit 0 only when every event verifies. */
    @Command(
            name = "verify",
            mixinStandardHelpOptions = true,
            description = "Recompute the audit hash chain and report the first event that does not verify.",
            exitCodeListHeading = "%nExit status:%n",
            exitCodeList = {"0:the whole chain verifies", "1:an event does not verify, or the database cannot be read"})
    static final class Verify implements Callable<Integer> {

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Mixin
        DatabaseOptions database;

        @Override
        public Integer call() throws SQLException {
            PrintWriter out = spec.commandLine().getOut();
            try (DatabaseServer server = DatabaseServer.open(database.settings())) {
                long started = System.nanoTime();
                AuditVerifier.Result result = new AuditVerifier().verify(server.dataSource());
                long millis = (System.nanoTime() - started) / 1_000_000;
                out.printf("Database: %s%n", server.description());
                out.printf("Events:   %,d%n", result.eventCount());
                out.printf("Head:     %s%n", result.headHash());
                if (result.ok()) {
                    out.printf("OK: every event verifies (%,d ms)%n", millis);
                    return 0;
                }
                AuditVerifier.Failure failure = result.failure().orElseThrow();
                out.printf("FAILED at event %d: %s%n", failure.seq(), failure.reason());
                return 1;
            } finally {
                out.flush();
            }
        }
    }
}
