package org.gatehouse.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.gatehouse.analysis.DealGenerator;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code gatehouse generate deals}: a synthetic deal file for benchmarks and demonstrations. */
@Command(
        name = "generate",
        description = "Generate test data.",
        mixinStandardHelpOptions = true,
        subcommands = GenerateCommand.Deals.class)
final class GenerateCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code generate deals --rows N --seed S [--output FILE]}. */
    @Command(
            name = "deals",
            description = "Write a realistic synthetic deal file (CSV); the same seed gives the same file.",
            mixinStandardHelpOptions = true)
    static final class Deals implements Callable<Integer> {
        @Option(names = "--rows", defaultValue = "1000", description = "Number of deals (default: ${DEFAULT-VALUE}).")
        long rows;

        @Option(names = "--seed", defaultValue = "42", description = "Random seed (default: ${DEFAULT-VALUE}).")
        long seed;

        @Option(names = "--output", paramLabel = "FILE", description = "Write to FILE instead of standard output.")
        Path output;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            if (rows < 0 || rows > DealGenerator.ROWS_MAX) {
                throw new CommandLine.ParameterException(
                        spec.commandLine(), "--rows: must be 0.." + DealGenerator.ROWS_MAX);
            }
            if (output == null) {
                Writer out = spec.commandLine().getOut();
                DealGenerator.write(out, rows, seed);
                out.flush();
            } else {
                try (Writer out = new BufferedWriter(
                        new OutputStreamWriter(Files.newOutputStream(output), StandardCharsets.UTF_8), 1 << 16)) {
                    DealGenerator.write(out, rows, seed);
                }
            }
            return 0;
        }
    }
}
