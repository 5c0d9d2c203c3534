package org.gatehouse.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.gatehouse.analysis.DealFileException;
import org.gatehouse.analysis.DealReader;
import org.gatehouse.analysis.DealRow;
import org.gatehouse.analysis.DealRun;
import org.gatehouse.analysis.Holdings;
import org.gatehouse.analysis.Summary;
import org.gatehouse.catalog.Catalog;
import org.gatehouse.policy.Assessment;
import org.gatehouse.policy.Json;
import org.gatehouse.policy.Policy;
import org.gatehouse.policy.Requirement;
import org.gatehouse.trade.Gb300e;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code gatehouse compare FILE --policies a,b}: each deal under each policy side by side, then per policy the count and
 * GB300e per outcome, tier and review path.
 */
@Command(
        name = "compare",
        description = {
            "Assess each deal under several policies side by side, then summarize per policy.",
            "Each policy keeps its own running totals (rows accumulate in file order unless --independent).",
            "Exit status as for assess."
        },
        mixinStandardHelpOptions = true)
final class CompareCommand implements Callable<Integer> {

    /** Output formats. */
    enum Format {
        table,
        json
    }

    @Mixin
    DealFileOptions deals;

    @Option(
            names = "--policies",
            split = ",",
            required = true,
            paramLabel = "ID|PATH,...",
            description = "Policies to compare, comma-separated.")
    List<String> policies;

    @Option(
            names = "--format",
            defaultValue = "table",
            paramLabel = "table|json",
            description = "Output format (default: ${DEFAULT-VALUE}).")
    Format format;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter out = spec.commandLine().getOut();
        List<DealRun> runs = new ArrayList<>();
        List<Summary> summaries = new ArrayList<>();
        List<Holdings.Holding> held = DealInput.holdings(deals.holdings, err);
        if (held == null) {
            return PolicyArgument.EXIT_UNUSABLE_INPUT;
        }
        for (String p : policies) {
            Policy policy = PolicyArgument.resolve(p.strip(), err);
            if (policy == null) {
                return PolicyArgument.EXIT_UNUSABLE_INPUT;
            }
            runs.add(new DealRun(policy, deals.independent, held));
            summaries.add(new Summary(policy));
        }
        long failed = 0;
        StringBuilder line = new StringBuilder(512);
        if (format == Format.table) {
            line.append(String.format("%-6s %-20s", "ROW", "ID"));
            for (DealRun run : runs) {
                line.append(String.format(" | %-44s", run.policy().id()));
            }
            out.println(line);
        }
        try (BufferedReader in = DealInput.open(deals.file);
                DealReader reader = DealReader.open(deals.file, in, Catalog.builtIn())) {
            for (DealRow row = reader.next(); row != null; row = reader.next()) {
                line.setLength(0);
                if (row instanceof DealRow.Unreadable bad) {
                    failed++;
                    summaries.forEach(Summary::addError);
                    error(line, bad.row(), bad.id(), bad.error());
                    out.println(line);
                    continue;
                }
                DealRow.Read read = (DealRow.Read) row;
                List<Assessment> results = new ArrayList<>(runs.size());
                try {
                    for (DealRun run : runs) {
                        results.add(run.assess(read.deal()));
                    }
                } catch (IllegalArgumentException e) {
                    failed++;
                    summaries.forEach(Summary::addError);
                    error(line, read.row(), read.deal().id(), e.getMessage());
                    out.println(line);
                    continue;
                }
                for (int i = 0; i < results.size(); i++) {
                    summaries.get(i).add(results.get(i));
                }
                row(line, read.row(), read.deal().id(), results);
                out.println(line);
            }
        } catch (DealFileException e) {
            out.flush();
            err.println(e.getMessage());
            return PolicyArgument.EXIT_UNUSABLE_INPUT;
        } catch (IOException | UncheckedIOException e) {
            out.flush();
            err.println(deals.file + ": cannot read: " + e.getMessage());
            return PolicyArgument.EXIT_UNUSABLE_INPUT;
        }
        summary(out, summaries);
        out.flush();
        return failed > 0 ? 2 : 0;
    }

    private void row(StringBuilder line, long row, String id, List<Assessment> results) {
        if (format == Format.table) {
            line.append(String.format("%-6d %-20s", row, id));
            for (Assessment a : results) {
                String cell = a.outcome()
                        + (a.tier() == null ? "" : " " + a.tier())
                        + (a.reviewPath() == null ? "" : " " + a.reviewPath());
                line.append(String.format(" | %-44s", cell));
            }
            return;
        }
        line.append("{\"id\":");
        Json.string(id, line);
        line.append(",\"row\":").append(row).append(",\"results\":[");
        for (int i = 0; i < results.size(); i++) {
            Assessment a = results.get(i);
            long ref = a.facts().policy().referenceTpp();
            line.append(i == 0 ? "{" : ",{").append("\"policy\":");
            Json.string(a.facts().policy().id(), line);
            line.append(",\"outcome\":\"").append(a.outcome()).append("\",\"tier\":");
            Json.string(a.tier(), line);
            line.append(",\"review_path\":");
            Json.string(a.reviewPath() == null ? null : a.reviewPath().name(), line);
            line.append(",\"gb300e\":\"")
                    .append(Gb300e.format(a.facts().controlledTpp(), ref))
                    .append("\",\"measure_after_gb300e\":");
            Json.string(a.measureAfterTpp() < 0 ? null : Gb300e.format(a.measureAfterTpp(), ref), line);
            line.append(",\"requirements\":[");
            List<Requirement> requirements = a.requirements();
            for (int j = 0; j < requirements.size(); j++) {
                line.append(j == 0 ? "\"" : ",\"").append(requirements.get(j)).append('"');
            }
            line.append("]}");
        }
        line.append("]}");
    }

    private void error(StringBuilder line, long row, String id, String message) {
        if (format == Format.table) {
            line.append(String.format("%-6d %-20s | ERROR %s", row, id == null ? "-" : id, message));
            return;
        }
        line.append("{\"id\":");
        Json.string(id, line);
        line.append(",\"row\":").append(row).append(",\"error\":");
        Json.string(message, line);
        line.append('}');
    }

    private void summary(PrintWriter out, List<Summary> summaries) {
        if (format == Format.table) {
            for (Summary s : summaries) {
                out.println();
                out.printf(
                        "Summary for %s (%s): %d deals, %s GB300e, %d errors%n",
                        s.policy().id(),
                        s.policy().title(),
                        s.total().count(),
                        s.gb300e(s.total().tpp()),
                        s.errors());
                table(out, s, "outcome", s.byOutcome());
                table(out, s, "tier", s.byTier());
                table(out, s, "review path", s.byReviewPath());
            }
            return;
        }
        StringBuilder json = new StringBuilder("{\"summary\":[");
        for (int i = 0; i < summaries.size(); i++) {
            Summary s = summaries.get(i);
            json.append(i == 0 ? "{" : ",{").append("\"policy\":");
            Json.string(s.policy().id(), json);
            json.append(",\"deals\":")
                    .append(s.total().count())
                    .append(",\"gb300e\":\"")
                    .append(s.gb300e(s.total().tpp()))
                    .append("\",\"errors\":")
                    .append(s.errors());
            cells(json, s, "by_outcome", s.byOutcome());
            cells(json, s, "by_tier", s.byTier());
            cells(json, s, "by_review_path", s.byReviewPath());
            json.append('}');
        }
        out.println(json.append("]}"));
    }

    private static void table(PrintWriter out, Summary s, String title, Map<String, Summary.Cell> cells) {
        out.printf("  %-24s %10s %16s%n", title, "deals", "GB300e");
        for (Map.Entry<String, Summary.Cell> e : cells.entrySet()) {
            out.printf(
                    "  %-24s %10d %16s%n",
                    e.getKey(), e.getValue().count(), s.gb300e(e.getValue().tpp()));
        }
    }

    private static void cells(StringBuilder json, Summary s, String name, Map<String, Summary.Cell> cells) {
        json.append(",\"").append(name).append("\":{");
        boolean first = true;
        for (Map.Entry<String, Summary.Cell> e : cells.entrySet()) {
            json.append(first ? "" : ",");
            first = false;
            Json.string(e.getKey(), json);
            json.append(":{\"deals\":")
                    .append(e.getValue().count())
                    .append(",\"gb300e\":\"")
                    .append(s.gb300e(e.getValue().tpp()))
                    .append("\"}");
        }
        json.append('}');
    }
}
