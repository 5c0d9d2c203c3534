package org.gatehouse;

import org.gatehouse.cli.GatehouseCommand;
import picocli.CommandLine;

/**
 * Entry point of the {@code gatehouse} command: dispatches to the CLI; only {@code serve} starts Spring.
 */
public final class Gatehouse {

    private Gatehouse() {}

    public static void main(String[] args) {
        // Offline commands log warnings only, to stderr, so stdout stays clean for their output;
        // `serve` replaces this with Spring Boot's logging configuration when it starts.
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "org/gatehouse/cli/logback-cli.xml");
        }
        CommandLine commandLine = GatehouseCommand.commandLine(GatehouseApplication.class);
        int status = commandLine.execute(args);
        if (status != 0 || !GatehouseCommand.startedServer(commandLine)) {
            System.exit(status);
        }
    }
}
