package org.gatehouse.cli;

import java.util.function.Supplier;
import picocli.CommandLine;

/** Small helpers shared by the commands. */
final class Commands {

    private Commands() {}

    /** The Spring application class, held by the root command (see {@link GatehouseCommand#application()}). */
    static Class<?> application(CommandLine.Model.CommandSpec spec) {
        CommandLine root = spec.commandLine();
        while (root.getParent() != null) {
            root = root.getParent();
        }
        return ((GatehouseCommand) root.getCommand()).application();
    }

    /** The value built from an option, or a usage error naming the option when the value is refused. */
    static <T> T option(CommandLine.Model.CommandSpec spec, String option, Supplier<T> parse) {
        try {
            return parse.get();
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), option + ": " + e.getMessage());
        }
    }
}
