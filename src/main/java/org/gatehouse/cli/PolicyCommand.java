package org.gatehouse.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.gatehouse.policy.Policies;
import org.gatehouse.policy.Policy;
import org.gatehouse.policy.PolicyLoader;
import org.gatehouse.policy.Requirement;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code gatehouse policy list|show|validate|schema}: the policies as data. */
@Command(
        name = "policy",
        description = "List, show and validate policies.",
        mixinStandardHelpOptions = true,
        subcommands = {
            PolicyCommand.ListPolicies.class,
            PolicyCommand.Show.class,
            PolicyCommand.Validate.class,
            PolicyCommand.Schema.class
        })
final class PolicyCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code policy list}. */
    @Command(
            name = "list",
            description = "List the built-in policies (the first is the default).",
            mixinStandardHelpOptions = true)
    static final class ListPolicies implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            Policies policies = Policies.builtIn();
            out.printf("%-26s %-7s %-23s %-12s  %s%n", "ID", "VERSION", "EFFECTIVE", "SHA256", "TITLE");
            for (Policy p : policies.all()) {
                out.printf(
                        "%-26s %-7s %-23s %-12s  %s%s%n",
                        p.id(),
                        p.version(),
                        p.effectiveFrom() + ".." + (p.effectiveUntil() == null ? "" : p.effectiveUntil()),
                        p.sha256().substring(0, 12),
                        p.title(),
                        p == policies.defaultPolicy() ? " (default)" : "");
            }
            out.flush();
            return 0;
        }
    }

    /** {@code policy show ID|PATH}. */
    @Command(
            name = "show",
            description =
                    "Show a policy: what it does, its sources and assumptions; or its source text or canonical form.",
            mixinStandardHelpOptions = true)
    static final class Show implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "ID|PATH")
        String policy;

        @Option(names = "--source", description = "Print the file as written.")
        boolean source;

        @Option(
                names = "--canonical",
                description = "Print the canonical JSON form whose SHA-256 identifies the policy.")
        boolean canonical;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            Policy p = PolicyArgument.resolve(policy, spec.commandLine().getErr());
            if (p == null) {
                return PolicyArgument.EXIT_UNUSABLE_INPUT;
            }
            if (source) {
                out.print(p.sourceText());
            } else if (canonical) {
                out.println(p.canonicalJson());
            } else {
                describe(p, out);
            }
            out.flush();
            return 0;
        }

        private static void describe(Policy p, PrintWriter out) {
            out.printf("%s version %s — %s%n", p.id(), p.version(), p.title());
            out.printf("sha256 %s; from %s%n", p.sha256(), p.origin());
            out.printf(
                    "in force %s to %s; GB300e counted in %s at TPP %d%n%n",
                    p.effectiveFrom(),
                    p.effectiveUntil() == null ? "(open)" : p.effectiveUntil(),
                    p.referenceItem(),
                    p.referenceTpp());
            if (p.summary() != null) {
                out.println(p.summary());
                out.println();
            }
            out.println("Destination classes (first match wins):");
            for (Policy.DestinationClass c : p.destinationClasses()) {
                List<String> members =
                        c.members().countries().stream().map(Object::toString).toList();
                out.printf(
                        "  %-14s %-10s %s%s%s%n",
                        c.id(),
                        c.treatment().name().toLowerCase(java.util.Locale.ROOT),
                        c.members().expression(),
                        c.exemptionAllowed() ? "; exemptions possible" : "",
                        c.reviewPath() == null ? "" : "; review " + c.reviewPath());
                if (members.size() < 60) {
                    out.printf("  %-14s %-10s = %s%n", "", "", String.join(" ", members));
                }
            }
            out.println("Measures:");
            for (Policy.Measure m : p.measures()) {
                out.printf(
                        "  %-18s key %s, window %s%s, counts %s of %s%s%n",
                        m.id(),
                        m.key(),
                        m.window(),
                        m.window() == Policy.Window.ROLLING_MONTHS ? " " + m.windowMonths() + " months" : "",
                        m.buckets(),
                        (m.countsExempt() ? "EXEMPT" : "")
                                + (m.countsExempt() && m.countsLicensed() ? " " : "")
                                + (m.countsLicensed() ? "LICENSE_REQUIRED" : ""),
                        m.tiers().isEmpty() ? "" : " in tiers " + m.tiers());
            }
            out.println("Ladders:");
            for (Policy.Ladder l : p.ladders()) {
                out.printf(
                        "  %s %s%s%n",
                        l.id(),
                        l.hasMeasure() ? "on " + l.measure().id() : "(no measure)",
                        l.applies() == Policy.Applies.WHEN_NOT_EXEMPT ? " (when not exempt)" : "");
                for (Policy.Band b : l.bands()) {
                    out.printf(
                            "    %-10s %-60s %s%s%s%n",
                            b.tier(),
                            b.rangeText(),
                            b.reviewPath() == null ? "-" : b.reviewPath(),
                            b.requirements() == 0 ? "" : " " + Policy.requirements(b.requirements()),
                            b.exemptionAvailable()
                                    ? "; or EXEMPT " + Policy.requirements(b.exemptionRequirements())
                                    : "");
                }
            }
            out.println("Overlays:");
            for (Policy.Overlay o : p.overlays()) {
                out.printf(
                        "  %s: %s — %s, %s lines with %s%s%s%n",
                        o.id(),
                        o.title(),
                        o.destinations().expression(),
                        o.lines().name().toLowerCase(java.util.Locale.ROOT),
                        o.conditionText(),
                        o.reviewPath() == null ? "" : " → " + o.reviewPath(),
                        o.requirements() == 0 ? "" : " " + Policy.requirements(o.requirements()));
            }
            out.println("Review paths, most restrictive first: " + p.precedence());
            for (Requirement r : Requirement.values()) {
                if (!p.parameters(r).isEmpty()) {
                    out.println("Parameters of " + r + ": " + p.parameters(r));
                }
            }
            out.println("Sources:");
            for (Policy.Source s : p.sources()) {
                out.println("  - " + s.title() + (s.reference() == null ? "" : " [" + s.reference() + "]"));
            }
            out.println("Assumptions:");
            for (String a : p.assumptions()) {
                out.println("  - " + a);
            }
        }
    }

    /** {@code policy validate FILE...}. */
    @Command(
            name = "validate",
            description = {
                "Validate policy files against the schema and the rules; print FILE:LINE: reason for each problem.",
                "Exit status 0 when all are valid, 1 otherwise."
            },
            mixinStandardHelpOptions = true)
    static final class Validate implements Callable<Integer> {
        @Parameters(arity = "1..*", paramLabel = "FILE")
        List<Path> files;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            int status = 0;
            for (Path file : files) {
                Policy p = PolicyArgument.load(file, err);
                if (p == null) {
                    status = PolicyArgument.EXIT_UNUSABLE_INPUT;
                } else {
                    out.printf("%s: valid: %s version %s sha256 %s%n", file, p.id(), p.version(), p.sha256());
                }
            }
            out.flush();
            err.flush();
            return status;
        }
    }

    /** {@code policy schema}. */
    @Command(
            name = "schema",
            description = "Print the published JSON Schema of policy files.",
            mixinStandardHelpOptions = true)
    static final class Schema implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            spec.commandLine().getOut().print(PolicyLoader.schemaText());
            spec.commandLine().getOut().flush();
            return 0;
        }
    }
}
