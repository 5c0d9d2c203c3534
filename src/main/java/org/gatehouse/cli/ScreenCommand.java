package org.gatehouse.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.gatehouse.catalog.CsvRecords;
import org.gatehouse.policy.Json;
import org.gatehouse.screening.BundledLists;
import org.gatehouse.screening.Hit;
import org.gatehouse.screening.HitsJson;
import org.gatehouse.screening.ListFile;
import org.gatehouse.screening.ListFileException;
import org.gatehouse.screening.ListLoader;
import org.gatehouse.screening.Screener;
import org.gatehouse.screening.ScreeningList;
import org.gatehouse.screening.server.Screeners;
import org.gatehouse.trade.CountryCode;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code gatehouse screen NAME} and {@code gatehouse screen --file FILE}: restricted-party screening against the
 * bundled list snapshot or given list files, offline (SPEC §8), without starting the server; or against the lists
 * imported into a server's database ({@code --data-dir}, {@code --db-url}).
 */
@Command(
        name = "screen",
        description = {
            "Screen a party name, or each row of a CSV file (id,name,country), against restricted-party lists, offline.",
            "Lists: the bundled snapshot (OFAC SDN 2021, CSL samples, BIS Denied Persons List) unless --lists;"
                    + " with --data-dir or --db-url, the active versions imported into that server's database.",
            "With --file, writes JSON Lines, one line per row in file order: {\"id\":…,\"hits\":[…]}, or"
                    + " {\"id\":…,\"row\":N,\"error\":…} for a row that cannot be screened.",
            "Exit status: 0 screened (with or without hits); 2 some rows could not be screened (reported in place,"
                    + " the rest still screened) or a usage error; 1 the lists or the file's header cannot be used."
        },
        mixinStandardHelpOptions = true)
final class ScreenCommand implements Callable<Integer> {

    /** Output formats of a single name. */
    enum Format {
        table,
        json
    }

    /** Longest id accepted in a file row. */
    static final int ID_CHARS_MAX = 200;
    /** Rows read, screened in parallel and written at a time: memory stays constant whatever the file's size. */
    static final int BATCH_ROWS = 4_096;
    /** Most screening threads. */
    static final int THREADS_MAX = 64;

    @Parameters(index = "0", arity = "0..1", paramLabel = "NAME", description = "The party name to screen.")
    String name;

    @Option(
            names = "--file",
            paramLabel = "FILE",
            description = "CSV with a header id,name,country (country may be empty); - for standard input.")
    String file;

    @Option(
            names = "--country",
            paramLabel = "CC",
            description = "The party's country (ISO 3166-1 alpha-2): raises or lowers scores a little.")
    String country;

    @Option(
            names = "--threshold",
            paramLabel = "X",
            description =
                    "Least score of a hit, in (0, 1] (default: the calibrated " + Screener.THRESHOLD_DEFAULT + ").")
    Double threshold;

    @Option(
            names = "--format",
            defaultValue = "table",
            paramLabel = "table|json",
            description = "Output for a single name (default: ${DEFAULT-VALUE}); --file always writes JSON Lines.")
    Format format;

    @Option(
            names = "--lists",
            arity = "1..*",
            paramLabel = "FILE",
            description = "List files instead of the bundled snapshot: OFAC sdn.csv (with alt.csv, add.csv),"
                    + " Consolidated Screening List CSV, BIS Denied Persons List; the format is recognized.")
    List<Path> lists;

    @Option(
            names = "--source",
            paramLabel = "NAME",
            description = "Source name for the lists given with --lists (default: SDN, CSL or DPL).")
    String source;

    @Option(
            names = "--threads",
            paramLabel = "N",
            description = "Screening threads for --file (default: one per processor).")
    Integer threads;

    @CommandLine.Mixin
    DatabaseOptions database;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Whether the lists are the server's, in the database named by --data-dir or --db-url. */
    private boolean onServer() {
        CommandLine.ParseResult parsed = spec.commandLine().getParseResult();
        return parsed.hasMatchedOption("--data-dir") || parsed.hasMatchedOption("--db-url");
    }

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        if ((name == null) == (file == null)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "give either a NAME or --file FILE");
        }
        double least = threshold == null ? Screener.THRESHOLD_DEFAULT : threshold;
        if (!(least > 0 && least <= 1)) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(), "--threshold: must be in (0, 1], got " + threshold);
        }
        CountryCode party = country == null ? null : Commands.option(spec, "--country", () -> CountryCode.of(country));
        int workers = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        if (workers < 1 || workers > THREADS_MAX) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(), "--threads: must be 1.." + THREADS_MAX + ", got " + workers);
        }
        if (file != null && country != null) {
            throw new CommandLine.ParameterException(
                    spec.commandLine(), "--country: with --file, each row gives its country in the country column");
        }
        if (file != null
                && format == Format.table
                && spec.commandLine().getParseResult().hasMatchedOption("--format")) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--format: --file always writes JSON Lines");
        }
        Screener screener;
        if (onServer()) {
            if (lists != null || source != null) {
                throw new CommandLine.ParameterException(
                        spec.commandLine(),
                        "--lists: with --data-dir or --db-url the server's imported lists are used");
            }
            try (AdminSession session = AdminSession.open(Commands.application(spec), database)) {
                screener = session.service(Screeners.class).lists().screener();
            }
            if (screener.lists().isEmpty()) {
                err.println("no list was imported into this database yet: `gatehouse lists import FILE…` (the server"
                        + " imports its bundled snapshot when it first starts)");
                err.flush();
                return PolicyArgument.EXIT_UNUSABLE_INPUT;
            }
        } else {
            List<ScreeningList> loaded = load(err);
            if (loaded == null) {
                return PolicyArgument.EXIT_UNUSABLE_INPUT;
            }
            screener = Screener.of(loaded);
        }
        if (name != null) {
            return screenOne(screener, party, least);
        }
        return screenFile(screener, least, workers, err);
    }

    /** The lists to screen against, or {@code null} after printing why they cannot be used. */
    private List<ScreeningList> load(PrintWriter err) {
        if (lists == null) {
            return BundledLists.load();
        }
        List<ListFile> files = new ArrayList<>();
        try {
            for (Path p : lists) {
                files.add(ListFile.read(p));
            }
            return ListLoader.load(files, source);
        } catch (ListFileException e) {
            err.println(e.getMessage());
        } catch (IOException e) {
            err.println("cannot read a list file: " + e.getMessage());
        }
        return null;
    }

    private int screenOne(Screener screener, CountryCode party, double least) {
        PrintWriter out = spec.commandLine().getOut();
        List<Hit> hits;
        try {
            hits = screener.screen(name, party, least);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "NAME: " + e.getMessage());
        }
        StringBuilder text = new StringBuilder(1024);
        if (format == Format.json) {
            text.append("{\"name\":");
            Json.string(name, text);
            text.append(",\"country\":");
            Json.string(party == null ? null : party.value(), text);
            text.append(",\"threshold\":").append(least).append(",\"lists\":[");
            for (int i = 0; i < screener.lists().size(); i++) {
                ScreeningList l = screener.lists().get(i);
                text.append(i == 0 ? "" : ",").append("{\"source\":");
                Json.string(l.source(), text);
                text.append(",\"sha256\":");
                Json.string(l.sha256(), text);
                text.append(",\"entries\":").append(l.entryCount()).append('}');
            }
            text.append("],");
            hitsJson(hits, text);
            text.append("}\n");
        } else {
            text.append("Screened \"").append(name).append('"');
            if (party != null) {
                text.append(" (").append(party).append(')');
            }
            text.append(" against ");
            for (int i = 0; i < screener.lists().size(); i++) {
                ScreeningList l = screener.lists().get(i);
                text.append(i == 0 ? "" : ", ")
                        .append(l.source())
                        .append(" (")
                        .append(l.entryCount())
                        .append(" entries, sha256 ")
                        .append(l.sha256(), 0, Math.min(12, l.sha256().length()))
                        .append(')');
            }
            text.append(String.format(Locale.ROOT, " at threshold %.2f%n", least));
            if (hits.isEmpty()) {
                text.append("No hits.\n");
            } else {
                text.append(
                        String.format(Locale.ROOT, "%-6s %-11s %-14s %s%n", "SCORE", "LIST", "ENTRY", "EXPLANATION"));
                for (Hit h : hits) {
                    text.append(String.format(
                            Locale.ROOT, "%-6s %-11s %-14s %s%n", score(h), h.list(), h.entryId(), h.explanation()));
                }
            }
        }
        out.print(text);
        out.flush();
        return 0;
    }

    private int screenFile(Screener screener, double least, int workers, PrintWriter err) {
        PrintWriter out = spec.commandLine().getOut();
        long failed = 0;
        ExecutorService pool = Executors.newFixedThreadPool(
                workers,
                r -> Thread.ofPlatform().name("gatehouse-screen").daemon(true).unstarted(r));
        try (BufferedReader in = DealInput.open(file)) {
            CsvRecords records = new CsvRecords(in);
            String[] header = records.next();
            if (header == null) {
                err.println(file + ":1: header: the file is empty; expected id,name,country");
                return PolicyArgument.EXIT_UNUSABLE_INPUT;
            }
            Columns columns = Columns.of(header);
            if (columns.missing() != null) {
                err.println(file + ":1: header: missing required column " + columns.missing());
                return PolicyArgument.EXIT_UNUSABLE_INPUT;
            }
            List<Row> batch = new ArrayList<>(BATCH_ROWS);
            long row = 0;
            for (String[] fields = records.next(); ; fields = records.next()) {
                if (fields != null) {
                    batch.add(Row.of(++row, fields, columns, header.length));
                }
                if (batch.size() == BATCH_ROWS || (fields == null && !batch.isEmpty())) {
                    failed += screenBatch(screener, least, batch, pool, out);
                    batch.clear();
                }
                if (fields == null) {
                    break;
                }
            }
        } catch (CsvRecords.MalformedCsvException e) {
            out.flush();
            err.println(file + ":" + e.line() + ": " + e.getMessage());
            return PolicyArgument.EXIT_UNUSABLE_INPUT;
        } catch (IOException | UncheckedIOException e) {
            out.flush();
            err.println(file + ": cannot read: " + e.getMessage());
            return PolicyArgument.EXIT_UNUSABLE_INPUT;
        } finally {
            pool.shutdownNow();
        }
        out.flush();
        if (failed > 0) {
            err.println(failed + " row" + (failed == 1 ? "" : "s")
                    + " could not be screened; see the error entries in the output.");
            return 2;
        }
        return 0;
    }

    /** Screens a batch in {@code pool}, one slice of rows per thread, and writes the lines in row order. */
    private static long screenBatch(
            Screener screener, double least, List<Row> batch, ExecutorService pool, PrintWriter out) {
        String[] lines = new String[batch.size()];
        int slices = Math.max(1, Math.min(batch.size() / 64, THREADS_MAX));
        int size = (batch.size() + slices - 1) / slices;
        List<Future<?>> futures = new ArrayList<>();
        for (int start = 0; start < batch.size(); start += size) {
            int from = start;
            int to = Math.min(batch.size(), start + size);
            futures.add(pool.submit(() -> {
                StringBuilder line = new StringBuilder(256);
                for (int i = from; i < to; i++) {
                    line.setLength(0);
                    batch.get(i).screen(screener, least, line);
                    lines[i] = line.toString();
                }
            }));
        }
        for (Future<?> f : futures) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while screening", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException(
                        "screening failed: " + e.getCause().getMessage(), e.getCause());
            }
        }
        long failed = 0;
        StringBuilder text = new StringBuilder(lines.length * 64);
        for (int i = 0; i < lines.length; i++) {
            text.append(lines[i]).append('\n');
            failed += batch.get(i).error() != null ? 1 : 0;
        }
        out.write(text.toString());
        return failed;
    }

    private static void hitsJson(List<Hit> hits, StringBuilder text) {
        HitsJson.hits(hits, text);
    }

    private static String score(Hit h) {
        return HitsJson.score(h);
    }

    /** Where the columns are in the file's header (any order; other columns are ignored). */
    private record Columns(int id, int name, int country) {
        static Columns of(String[] header) {
            int id = -1;
            int name = -1;
            int country = -1;
            for (int i = 0; i < header.length; i++) {
                switch (header[i].strip().toLowerCase(Locale.ROOT)) {
                    case "id" -> id = i;
                    case "name" -> name = i;
                    case "country" -> country = i;
                    default -> {}
                }
            }
            return new Columns(id, name, country);
        }

        String missing() {
            return id < 0 ? "id" : name < 0 ? "name" : null;
        }
    }

    /** One row of the file: what to screen, or why it cannot be. */
    private record Row(long number, String id, String name, CountryCode country, String error) {

        static Row of(long number, String[] fields, Columns columns, int headerFields) {
            String id = columns.id() < fields.length ? fields[columns.id()].strip() : null;
            if (fields.length != headerFields) {
                return new Row(number, id, null, null, "expected " + headerFields + " fields, found " + fields.length);
            }
            List<String> problems = new ArrayList<>();
            if (id.isEmpty()) {
                problems.add("id: must not be empty");
            } else if (id.length() > ID_CHARS_MAX) {
                problems.add("id: longer than " + ID_CHARS_MAX + " characters");
                id = id.substring(0, ID_CHARS_MAX);
            }
            String name = fields[columns.name()].strip();
            if (name.isEmpty()) {
                problems.add("name: must not be empty");
            } else if (name.length() > Screener.NAME_CHARS_MAX) {
                problems.add("name: longer than " + Screener.NAME_CHARS_MAX + " characters");
            }
            CountryCode country = null;
            String code = columns.country() < 0 ? "" : fields[columns.country()].strip();
            if (!code.isEmpty()) {
                if (CountryCode.isValid(code)) {
                    country = CountryCode.of(code);
                } else {
                    problems.add("country: must be an ISO 3166-1 alpha-2 country code, got \"" + code + "\"");
                }
            }
            return problems.isEmpty()
                    ? new Row(number, id, name, country, null)
                    : new Row(number, id, null, null, String.join("; ", problems));
        }

        void screen(Screener screener, double least, StringBuilder line) {
            line.append("{\"id\":");
            Json.string(id, line);
            if (error != null) {
                line.append(",\"row\":").append(number).append(",\"error\":");
                Json.string(error, line);
                line.append('}');
                return;
            }
            line.append(',');
            hitsJson(screener.screen(name, country, least), line);
            line.append('}');
        }
    }
}
