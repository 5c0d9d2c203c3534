package org.gatehouse.lab;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.gatehouse.analysis.DealFileException;
import org.gatehouse.analysis.DealReader;
import org.gatehouse.analysis.DealRow;
import org.gatehouse.analysis.DealRun;
import org.gatehouse.analysis.Summary;
import org.gatehouse.applications.Application;
import org.gatehouse.applications.ApplicationQueries;
import org.gatehouse.catalog.Catalog;
import org.gatehouse.identity.CurrentUser;
import org.gatehouse.identity.Role;
import org.gatehouse.policy.Assessment;
import org.gatehouse.policy.Deal;
import org.gatehouse.policy.Policy;
import org.gatehouse.policy.PolicyInForce;
import org.gatehouse.trade.InvalidInputException;
import org.springframework.stereotype.Service;

/**
 * What {@code gatehouse compare} does, on the server: deals run through several policies side by side, each policy
 * keeping its own running totals (rows accumulate in order, SPEC §4.1), then a summary per policy. The deals are an
 * uploaded deal file (CSV or JSON Lines, at most {@link #FILE_BYTES_MAX} bytes and {@link #ROWS_MAX} rows) or the
 * applications waiting for a decision, oldest submission first. Nothing is stored.
 *
 * <p>Who may: the licensing authority, the agencies and auditors compare files; only officers and auditors, who see
 * every organization's applications, compare the pipeline.
 */
@Service
public class PolicyLab {

    /** Largest deal file accepted: a few megabytes, tens of thousands of rows. */
    public static final int FILE_BYTES_MAX = 4 * 1024 * 1024;

    /** Most rows compared in one request, from a file or the pipeline. */
    public static final int ROWS_MAX = 100_000;

    /** Most policies compared at once. */
    public static final int POLICIES_MAX = 8;

    private final PolicyInForce policies;
    private final ApplicationQueries applications;

    PolicyLab(PolicyInForce policies, ApplicationQueries applications) {
        this.policies = policies;
        this.applications = applications;
    }

    /** Where the deals come from. */
    public sealed interface Source {
        /** An uploaded deal file; {@code name} tells CSV ({@code .csv}) from JSON Lines ({@code .jsonl}). */
        record File(String name, byte[] content) implements Source {
            public File {
                Objects.requireNonNull(name, "name");
                Objects.requireNonNull(content, "content");
            }
        }

        /** The applications waiting for a decision. */
        record Pipeline() implements Source {}
    }

    /** One deal under each policy, in the order the policies were asked for; or why it could not be read. */
    public record Compared(long row, String id, List<Assessment> results, String error) {}

    /** What a comparison came to: per policy its summary, and how many deals were read. */
    public record Comparison(List<Policy> policies, List<Summary> summaries, long rows, long errors) {}

    /**
     * Runs the deals of {@code source} through {@code policyIds}, handing each row to {@code each} as it is
     * assessed (so a caller can show the first rows and stream all of them to a file).
     *
     * @throws InvalidInputException naming the field: {@code policies} (none, too many, unknown), {@code file} (too
     *     large, too many rows, unreadable)
     */
    public Comparison compare(CurrentUser caller, Source source, List<String> policyIds, Consumer<Compared> each) {
        caller.require(Role.OFFICER, Role.AGENCY, Role.AUDITOR);
        List<Policy> chosen = chosen(policyIds);
        List<DealRun> runs = new ArrayList<>(chosen.size());
        List<Summary> summaries = new ArrayList<>(chosen.size());
        for (Policy policy : chosen) {
            runs.add(DealRun.accumulating(policy));
            summaries.add(new Summary(policy));
        }
        Runner runner = new Runner(runs, summaries, each);
        switch (source) {
            case Source.File file -> file(file, runner);
            case Source.Pipeline pipeline -> {
                long pending = applications.forEachPending(caller, application -> runner.deal(deal(application)));
                if (pending > ApplicationQueries.PIPELINE_MAX) {
                    throw InvalidInputException.of(
                            "source",
                            "more than " + ApplicationQueries.PIPELINE_MAX
                                    + " applications are pending; compare an exported deal file instead");
                }
            }
        }
        return new Comparison(chosen, summaries, runner.rows, runner.errors);
    }

    /** The policies the caller can compare, the one in force first; only the roles that may compare at all. */
    public List<Policy> policies(CurrentUser caller) {
        caller.require(Role.OFFICER, Role.AGENCY, Role.AUDITOR);
        return policies.all();
    }

    private List<Policy> chosen(List<String> ids) {
        LinkedHashSet<String> distinct = new LinkedHashSet<>(ids == null ? List.of() : ids);
        if (distinct.isEmpty()) {
            throw InvalidInputException.of("policies", "choose at least one policy");
        }
        if (distinct.size() > POLICIES_MAX) {
            throw InvalidInputException.of("policies", "choose at most " + POLICIES_MAX + " policies");
        }
        List<Policy> chosen = new ArrayList<>(distinct.size());
        for (String id : distinct) {
            chosen.add(policies.find(id)
                    .orElseThrow(() -> InvalidInputException.of("policies", "no policy has the id '" + id + "'")));
        }
        return chosen;
    }

    private static void file(Source.File file, Runner runner) {
        if (file.content().length == 0) {
            throw InvalidInputException.of("file", "is empty: choose a deal file");
        }
        if (file.content().length > FILE_BYTES_MAX) {
            throw InvalidInputException.of(
                    "file",
                    "is larger than " + FILE_BYTES_MAX / (1024 * 1024) + " MiB; split it or use gatehouse compare");
        }
        var decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try (BufferedReader in =
                        new BufferedReader(new InputStreamReader(new ByteArrayInputStream(file.content()), decoder));
                DealReader reader = DealReader.open(file.name(), in, Catalog.builtIn())) {
            for (DealRow row = reader.next(); row != null; row = reader.next()) {
                switch (row) {
                    case DealRow.Unreadable bad -> runner.error(bad.row(), bad.id(), bad.error());
                    case DealRow.Read read -> runner.deal(read.row(), read.deal());
                }
            }
        } catch (DealFileException e) {
            throw InvalidInputException.of("file", e.getMessage());
        } catch (IOException | UncheckedIOException e) {
            throw InvalidInputException.of("file", "cannot be read as UTF-8 text: " + e.getMessage());
        }
    }

    /** A pending application as a deal, assessed as of the day it was submitted. */
    private static Deal deal(Application application) {
        return application
                .content()
                .toDeal(
                        application.id(),
                        application.createdBy(),
                        LocalDate.ofInstant(application.submittedAt(), ZoneOffset.UTC),
                        false);
    }

    /** Assesses rows under every run, counting them and refusing past {@link #ROWS_MAX}. */
    private static final class Runner {
        private final List<DealRun> runs;
        private final List<Summary> summaries;
        private final Consumer<Compared> each;
        private long rows;
        private long errors;

        Runner(List<DealRun> runs, List<Summary> summaries, Consumer<Compared> each) {
            this.runs = runs;
            this.summaries = summaries;
            this.each = each;
        }

        void deal(Deal deal) {
            deal(rows + 1, deal);
        }

        void deal(long row, Deal deal) {
            count();
            List<Assessment> results = new ArrayList<>(runs.size());
            try {
                for (DealRun run : runs) {
                    results.add(run.assess(deal));
                }
            } catch (IllegalArgumentException e) {
                failed(row, deal.id(), e.getMessage());
                return;
            }
            for (int i = 0; i < results.size(); i++) {
                summaries.get(i).add(results.get(i));
            }
            each.accept(new Compared(row, deal.id(), List.copyOf(results), null));
        }

        void error(long row, String id, String message) {
            count();
            failed(row, id, message);
        }

        private void failed(long row, String id, String message) {
            errors++;
            summaries.forEach(Summary::addError);
            each.accept(new Compared(row, id, List.of(), message));
        }

        private void count() {
            if (++rows > ROWS_MAX) {
                throw InvalidInputException.of(
                        "file", "has more than " + ROWS_MAX + " rows; split it or use gatehouse compare");
            }
        }
    }
}
