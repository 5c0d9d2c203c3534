package org.gatehouse.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The deal file and how its rows are run, shared by {@code assess} and {@code compare}. */
final class DealFileOptions {

    @Parameters(
            index = "0",
            paramLabel = "FILE",
            description = "Deal file: CSV with a header, or JSON Lines; - for standard input.")
    String file;

    @Option(
            names = "--holdings",
            paramLabel = "FILE",
            description = "CSV end_user_parent,destination,gb300e of what companies already hold.")
    Path holdings;

    @Option(names = "--independent", description = "Assess each row alone instead of accumulating in file order.")
    boolean independent;
}
