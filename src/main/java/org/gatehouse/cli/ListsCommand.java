package org.gatehouse.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.gatehouse.screening.ListFile;
import org.gatehouse.screening.ListFileException;
import org.gatehouse.screening.ListVersion;
import org.gatehouse.screening.server.ScreeningService;
import org.gatehouse.trade.FieldProblem;
import org.gatehouse.trade.InvalidInputException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code gatehouse lists import|show}: restricted-party list versions on the server's database. */
@Command(
        name = "lists",
        mixinStandardHelpOptions = true,
        description = "Restricted-party lists on the server's database: import new versions, show them.",
        subcommands = {ListsCommand.Import.class, ListsCommand.Show.class})
final class ListsCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(
            name = "import",
            mixinStandardHelpOptions = true,
            description = {
                "Import list files as new versions: OFAC sdn.csv (with alt.csv, add.csv), Consolidated Screening List"
                        + " CSV, BIS Denied Persons List; the format is recognized.",
                "A file whose SHA-256 is its list's active version already changes nothing. A malformed file is"
                        + " refused whole (FILE:LINE: reason) and the active versions stay as they are.",
                "New versions are active at once; open cases are screened again and the counts printed.",
                "Exit status: 0 imported or unchanged; 1 a file cannot be read or used."
            })
    static final class Import implements Callable<Integer> {

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Mixin
        DatabaseOptions database;

        @Parameters(arity = "1..*", paramLabel = "FILE", description = "The list files.")
        List<Path> files;

        @Option(
                names = "--source",
                paramLabel = "NAME",
                description = "Source name of the list (default: SDN, CSL or DPL by format).")
        String source;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            List<ListFile> read = new ArrayList<>();
            try {
                for (Path file : files) {
                    read.add(ListFile.read(file));
                }
            } catch (ListFileException e) {
                err.println(e.getMessage());
                err.flush();
                return PolicyArgument.EXIT_UNUSABLE_INPUT;
            } catch (IOException e) {
                err.println("cannot read a list file: " + e.getMessage());
                err.flush();
                return PolicyArgument.EXIT_UNUSABLE_INPUT;
            }
            try (AdminSession session = AdminSession.open(Commands.application(spec), database)) {
                ScreeningService.Imported imported;
                try {
                    imported = session.service(ScreeningService.class).importLists(session.operator(), read, source);
                } catch (InvalidInputException e) {
                    for (FieldProblem problem : e.problems()) {
                        err.println(problem.field() + ": " + problem.message());
                    }
                    err.flush();
                    return PolicyArgument.EXIT_UNUSABLE_INPUT;
                }
                for (ScreeningService.ImportedList list : imported.lists()) {
                    ListVersion v = list.version();
                    out.printf(
                            Locale.ROOT,
                            "%s: %s version %d (%d entries, sha256 %s)%n",
                            v.source(),
                            list.unchanged() ? "unchanged, active" : "imported",
                            v.id(),
                            v.entryCount(),
                            v.sha256());
                }
                if (imported.rescreen() != null) {
                    out.printf(
                            Locale.ROOT,
                            "Re-screened %d open case%s: %d new hit%s.%n",
                            imported.rescreen().rescreened(),
                            imported.rescreen().rescreened() == 1 ? "" : "s",
                            imported.rescreen().newHits(),
                            imported.rescreen().newHits() == 1 ? "" : "s");
                } else if (imported.lists().stream().anyMatch(l -> !l.unchanged())) {
                    out.println("Re-screening has not finished yet; `gatehouse lists show` gives its counts.");
                }
                out.flush();
            }
            return 0;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Show the list versions, the latest first.")
    static final class Show implements Callable<Integer> {

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Mixin
        DatabaseOptions database;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try (AdminSession session = AdminSession.open(Commands.application(spec), database)) {
                List<ListVersion> versions =
                        session.service(ScreeningService.class).versions(session.operator());
                out.printf(
                        Locale.ROOT,
                        "%-8s %-12s %-9s %-24s %-16s %-14s %s%n",
                        "VERSION",
                        "SOURCE",
                        "ENTRIES",
                        "IMPORTED",
                        "BY",
                        "SHA256",
                        "RE-SCREENED / NEW HITS");
                for (ListVersion v : versions) {
                    out.printf(
                            Locale.ROOT,
                            "%-8d %-12s %-9d %-24s %-16s %-14s %s%n",
                            v.id(),
                            v.source(),
                            v.entryCount(),
                            v.importedAt(),
                            v.importedBy(),
                            v.sha256().substring(0, 12),
                            v.rescreen() == null
                                    ? "-"
                                    : v.rescreen().rescreened() + " / "
                                            + v.rescreen().newHits());
                }
                out.flush();
            }
            return 0;
        }
    }
}
