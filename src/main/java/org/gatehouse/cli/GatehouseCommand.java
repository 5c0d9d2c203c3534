package org.gatehouse.cli;

import java.util.Arrays;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The root {@code gatehouse} command: lists the subcommands and prints help when given none. */
@Command(
        name = "gatehouse",
        mixinStandardHelpOptions = true,
        versionProvider = VersionCommand.Provider.class,
        description = "Licensing platform for exports of AI accelerators.",
        subcommands = {
            VersionCommand.class,
            AssessCommand.class,
            CompareCommand.class,
            CatalogCommand.class,
            PolicyCommand.class,
            GenerateCommand.class,
        })
public final class GatehouseCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The configured command line, shared by {@code main} and the tests. */
    public static CommandLine commandLine() {
        return new CommandLine(new GatehouseCommand()).setCaseInsensitiveEnumValuesAllowed(true);
    }

    /** Whether the command started a server that outlives {@code main} (so the JVM must not exit). */
    public static boolean keepsRunning(String[] args) {
        return Arrays.asList(args).contains("serve") && !Arrays.asList(args).contains("--help");
    }
}
