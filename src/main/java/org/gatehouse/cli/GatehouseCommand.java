package org.gatehouse.cli;

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
            ServeCommand.class,
            AssessCommand.class,
            CompareCommand.class,
            ScreenCommand.class,
            ListsCommand.class,
            CatalogCommand.class,
            PolicyCommand.class,
            GenerateCommand.class,
            AuditCommand.class,
            OrgCommand.class,
            UserCommand.class,
            TokenCommand.class,
        })
public final class GatehouseCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final Class<?> application;

    private GatehouseCommand(Class<?> application) {
        this.application = application;
    }

    /** The Spring application class that {@code serve} starts. */
    Class<?> application() {
        if (application == null) {
            throw new IllegalStateException("this command line was built without the server application");
        }
        return application;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The command line without a server application: enough for every offline command (tests). */
    public static CommandLine commandLine() {
        return commandLine(null);
    }

    /**
     * The configured command line, shared by {@code main} and the tests.
     *
     * @param application the Spring application class that {@code serve} starts (passed in so the
     *     CLI module does not depend on the root package that depends on it)
     */
    public static CommandLine commandLine(Class<?> application) {
        CommandLine commandLine =
                new CommandLine(new GatehouseCommand(application)).setCaseInsensitiveEnumValuesAllowed(true);
        // Failures of a command are reported as one line naming the problem, not a stack trace.
        commandLine.setExecutionExceptionHandler((exception, failed, parseResult) -> {
            failed.getErr().println("gatehouse: " + describe(exception));
            failed.getErr().flush();
            return 1;
        });
        return commandLine;
    }

    /** Whether the executed command started a server that outlives {@code main} (so the JVM must not exit). */
    public static boolean startedServer(CommandLine executed) {
        CommandLine.ParseResult parsed = executed.getParseResult();
        return parsed != null
                && parsed.subcommand() != null
                && parsed.subcommand().commandSpec().userObject() instanceof ServeCommand
                && !parsed.subcommand().isUsageHelpRequested()
                && !parsed.subcommand().isVersionHelpRequested();
    }

    private static String describe(Throwable exception) {
        StringBuilder message = new StringBuilder(String.valueOf(exception.getMessage()));
        for (Throwable cause = exception.getCause(); cause != null && cause != exception; cause = cause.getCause()) {
            if (cause.getMessage() != null && !message.toString().contains(cause.getMessage())) {
                message.append(": ").append(cause.getMessage());
            }
        }
        return message.toString();
    }
}
