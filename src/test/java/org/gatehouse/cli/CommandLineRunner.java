package org.gatehouse.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** Runs {@code gatehouse} in-process and captures its output, status and errors. */
record CommandLineRunner(int status, String out, String err) {

    static CommandLineRunner run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = GatehouseCommand.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int status = cli.execute(args);
        return new CommandLineRunner(status, out.toString(), err.toString());
    }

    java.util.List<String> lines() {
        return out.lines().toList();
    }
}
