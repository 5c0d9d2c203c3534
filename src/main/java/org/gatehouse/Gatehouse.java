package org.gatehouse;

import org.gatehouse.cli.GatehouseCommand;
import picocli.CommandLine;

/**
 * Entry point of the {@code gatehouse} command: dispatches to the CLI; only {@code serve} starts Spring.
 */
public final class Gatehouse {

    private Gatehouse() {}

    public static void main(String[] args) {
        int status = GatehouseCommand.commandLine().execute(args);
        if (status != 0 || !GatehouseCommand.keepsRunning(args)) {
            System.exit(status);
        }
    }
}
