package org.gatehouse.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.Callable;
import org.gatehouse.analysis.DealFileException;
import org.gatehouse.analysis.DealReader;
import org.gatehouse.analysis.DealRow;
import org.gatehouse.analysis.DealRun;
import org.gatehouse.analysis.Holdings;
import org.gatehouse.catalog.Catalog;
import org.gatehouse.policy.Assessment;
import org.gatehouse.policy.AssessmentJson;
import org.gatehouse.policy.Json;
import org.gatehouse.policy.Policy;
import org.gatehouse.policy.Requirement;
import org.gatehouse.trade.Gb300e;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code gatehouse assess FILE}: assesses every row of a deal file under one policy, offline (SPEC §4.1), streaming
 * rows in and results out in input order.
 */
@Command(
        name = "assess",
        description = {
            "Assess each deal of a CSV or JSON Lines file under a policy, offline.",
            "Rows accumulate in file order (each sees earlier EXEMPT or LICENSE_REQUIRED rows as pending) unless --independent.",
            "Exit status: 0 all rows assessed; 2 some rows could not be read (reported in place, the rest still assessed)"
                    + " or a usage error; 1 the policy, holdings or the file's header cannot be used."
        },
        mixinStandardHelpOptions = true)
final class AssessCommand implements Callable<Integer> {

    /** Output formats. */
    enum Format {
        json,
        csv,
        table
    }

    @Mixin
    DealFileOptions deals;

    @Option(
            names = "--policy",
            paramLabel = "ID|PATH",
            description = "Built-in policy id or policy file (default: the default policy).")
    String policy;

    @Option(
            names = "--format",
            defaultValue = "json",
            paramLabel = "json|csv|table",
            description = "Output format (default: ${DEFAULT-VALUE}).")
    Format format;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        Policy selected = PolicyArgument.resolve(policy, err);
        if (selected == null) {
            return PolicyArgument.EXIT_UNUSABLE_INPUT;
        }
        List<Holdings.Holding> held = DealInput.holdings(deals.holdings, err);
        if (held == null) {
            return PolicyArgument.EXIT_UNUSABLE_INPUT;
        }
        DealRun run = new DealRun(selected, deals.independent, held);
        RowWriter writer = new RowWriter(spec.commandLine().getOut(), format);
        long failed = 0;
        // Reading and assessing stay on this thread (rows accumulate in order); formatting, the larger half of the
        // work, runs on a second thread fed in bounded batches, so memory stays constant.
        try (BufferedReader in = DealInput.open(deals.file);
                DealReader reader = DealReader.open(deals.file, in, Catalog.builtIn());
                FormattingThread output = new FormattingThread(writer)) {
            writer.header();
            for (DealRow row = reader.next(); row != null; row = reader.next()) {
                switch (row) {
                    case DealRow.Read read -> {
                        try {
                            output.add(new Result(read.row(), 0, read.deal().id(), run.assess(read.deal()), null));
                        } catch (IllegalArgumentException e) {
                            failed++;
                            output.add(new Result(read.row(), 0, read.deal().id(), null, e.getMessage()));
                        }
                    }
                    case DealRow.Unreadable bad -> {
                        failed++;
                        output.add(new Result(bad.row(), bad.line(), bad.id(), null, bad.error()));
                    }
                }
            }
        } catch (DealFileException e) {
            writer.flush();
            err.println(e.getMessage());
            return PolicyArgument.EXIT_UNUSABLE_INPUT;
        } catch (IOException | UncheckedIOException e) {
            writer.flush();
            err.println(deals.file + ": cannot read: " + e.getMessage());
            return PolicyArgument.EXIT_UNUSABLE_INPUT;
        }
        writer.flush();
        if (failed > 0) {
            err.println(failed + " row" + (failed == 1 ? "" : "s")
                    + " could not be assessed; see the error entries in the output.");
            return 2;
        }
        return 0;
    }

    /** One output row: an assessment, or the error that replaced it. */
    record Result(long row, long line, String id, Assessment assessment, String error) {}

    /** Formats and writes results on its own thread, in the order they were added. */
    static final class FormattingThread implements AutoCloseable {
        private static final int BATCH_ROWS = 1024;
        private static final int BATCHES_QUEUED_MAX = 8;
        private static final List<Result> END = List.of();

        private final java.util.concurrent.ArrayBlockingQueue<List<Result>> queue =
                new java.util.concurrent.ArrayBlockingQueue<>(BATCHES_QUEUED_MAX);
        private final java.util.concurrent.atomic.AtomicReference<Throwable> failure =
                new java.util.concurrent.atomic.AtomicReference<>();
        private final Thread thread;
        private List<Result> batch = new java.util.ArrayList<>(BATCH_ROWS);

        FormattingThread(RowWriter writer) {
            thread = Thread.ofPlatform().name("gatehouse-output").daemon(true).start(() -> {
                try {
                    for (List<Result> results = queue.take(); results != END; results = queue.take()) {
                        for (Result r : results) {
                            if (r.assessment() != null) {
                                writer.assessment(r.row(), r.assessment());
                            } else {
                                writer.error(r.row(), r.line(), r.id(), r.error());
                            }
                        }
                    }
                } catch (Throwable t) {
                    failure.set(t);
                    queue.clear();
                }
            });
        }

        void add(Result result) {
            batch.add(result);
            if (batch.size() == BATCH_ROWS) {
                put(batch);
                batch = new java.util.ArrayList<>(BATCH_ROWS);
            }
        }

        private void put(List<Result> results) {
            try {
                while (!queue.offer(results, 100, java.util.concurrent.TimeUnit.MILLISECONDS)) {
                    rethrow();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while writing results", e);
            }
        }

        private void rethrow() {
            Throwable t = failure.get();
            if (t instanceof RuntimeException e) {
                throw e;
            }
            if (t instanceof Error e) {
                throw e;
            }
            if (t != null) {
                throw new IllegalStateException(t);
            }
        }

        @Override
        public void close() {
            if (!batch.isEmpty()) {
                put(batch);
                batch = new java.util.ArrayList<>();
            }
            put(END);
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            rethrow();
        }
    }

    /** Streams results in the chosen format through a large buffer, never flushing per row. */
    static final class RowWriter {
        private static final int FLUSH_CHARS = 1 << 16;
        private final PrintWriter out;
        private final Format format;
        private final StringBuilder buffer = new StringBuilder(FLUSH_CHARS + 4096);

        RowWriter(PrintWriter out, Format format) {
            this.out = out;
            this.format = format;
        }

        void header() {
            switch (format) {
                case csv ->
                    buffer.append("row,id,outcome,tier,review_path,gb300e,measure_after_gb300e,requirements,error\n");
                case table ->
                    buffer.append(String.format(
                            "%-6s %-20s %-16s %-8s %-21s %12s %14s  %s%n",
                            "ROW", "ID", "OUTCOME", "TIER", "REVIEW_PATH", "GB300E", "MEASURE_AFTER", "REQUIREMENTS"));
                case json -> {}
            }
        }

        void assessment(long row, Assessment a) {
            switch (format) {
                case json -> AssessmentJson.write(a, buffer);
                case csv -> {
                    buffer.append(row).append(',');
                    csvField(a.id());
                    buffer.append(',')
                            .append(a.outcome())
                            .append(',')
                            .append(a.tier() == null ? "" : a.tier())
                            .append(',')
                            .append(a.reviewPath() == null ? "" : a.reviewPath().name())
                            .append(',')
                            .append(Gb300e.format(
                                    a.facts().controlledTpp(),
                                    a.facts().policy().referenceTpp()))
                            .append(',')
                            .append(
                                    a.measureAfterTpp() < 0
                                            ? ""
                                            : Gb300e.format(
                                                    a.measureAfterTpp(),
                                                    a.facts().policy().referenceTpp()))
                            .append(',');
                    csvField(String.join(
                            ";",
                            a.requirements().stream().map(Requirement::name).toList()));
                    buffer.append(',');
                }
                case table ->
                    buffer.append(String.format(
                            "%-6d %-20s %-16s %-8s %-21s %12s %14s  %s",
                            row,
                            a.id(),
                            a.outcome(),
                            a.tier() == null ? "-" : a.tier(),
                            a.reviewPath() == null ? "-" : a.reviewPath(),
                            Gb300e.format(
                                    a.facts().controlledTpp(),
                                    a.facts().policy().referenceTpp()),
                            a.measureAfterTpp() < 0
                                    ? "-"
                                    : Gb300e.format(
                                            a.measureAfterTpp(),
                                            a.facts().policy().referenceTpp()),
                            String.join(
                                    ",",
                                    a.requirements().stream()
                                            .map(Requirement::name)
                                            .toList())));
            }
            endRow();
        }

        void error(long row, long line, String id, String message) {
            switch (format) {
                case json -> {
                    buffer.append("{\"id\":");
                    Json.string(id, buffer);
                    buffer.append(",\"row\":").append(row);
                    if (line > 0) {
                        buffer.append(",\"line\":").append(line);
                    }
                    buffer.append(",\"error\":");
                    Json.string(message, buffer);
                    buffer.append('}');
                }
                case csv -> {
                    buffer.append(row).append(',');
                    csvField(id == null ? "" : id);
                    buffer.append(",ERROR,,,,,,");
                    csvField(message);
                }
                case table ->
                    buffer.append(String.format("%-6d %-20s %-16s %s", row, id == null ? "-" : id, "ERROR", message));
            }
            endRow();
        }

        private void csvField(String value) {
            if (value.indexOf(',') < 0
                    && value.indexOf('"') < 0
                    && value.indexOf('\n') < 0
                    && value.indexOf('\r') < 0) {
                buffer.append(value);
            } else {
                buffer.append('"').append(value.replace("\"", "\"\"")).append('"');
            }
        }

        private void endRow() {
            buffer.append('\n');
            if (buffer.length() >= FLUSH_CHARS) {
                out.write(buffer.toString());
                buffer.setLength(0);
            }
        }

        void flush() {
            out.write(buffer.toString());
            buffer.setLength(0);
            out.flush();
        }
    }
}
