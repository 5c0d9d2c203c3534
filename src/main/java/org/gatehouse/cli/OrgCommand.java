package org.gatehouse.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.gatehouse.identity.Agency;
import org.gatehouse.identity.NewOrganization;
import org.gatehouse.identity.Organization;
import org.gatehouse.identity.OrganizationKind;
import org.gatehouse.identity.OrganizationName;
import org.gatehouse.identity.OrganizationService;
import org.gatehouse.trade.Paging;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code gatehouse org add|list}: organizations, as an administrator on the server's database. */
@Command(
        name = "org",
        mixinStandardHelpOptions = true,
        description = "Manage organizations.",
        subcommands = {OrgCommand.Add.class, OrgCommand.List.class})
final class OrgCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "add", mixinStandardHelpOptions = true, description = "Register an organization.")
    static final class Add implements Callable<Integer> {

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Mixin
        DatabaseOptions database;

        @Option(
                names = "--name",
                required = true,
                paramLabel = "NAME",
                description = "Name, unique regardless of case.")
        String name;

        @Option(
                names = "--kind",
                required = true,
                paramLabel = "KIND",
                description = "One of: ${COMPLETION-CANDIDATES}.")
        OrganizationKind kind;

        @Option(names = "--agency", paramLabel = "AGENCY", description = "For kind AGENCY: ${COMPLETION-CANDIDATES}.")
        Agency agency;

        @Override
        public Integer call() {
            OrganizationName organizationName = Commands.option(spec, "--name", () -> new OrganizationName(name));
            NewOrganization request =
                    Commands.option(spec, "--agency", () -> new NewOrganization(organizationName, kind, agency));
            try (AdminSession session = AdminSession.open(Commands.application(spec), database)) {
                Organization created =
                        session.service(OrganizationService.class).create(session.operator(), request);
                PrintWriter out = spec.commandLine().getOut();
                out.printf("Created organization %s (%s) %s%n", created.name(), created.kind(), created.id());
                out.flush();
            }
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List organizations by name.")
    static final class List implements Callable<Integer> {

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Mixin
        DatabaseOptions database;

        @Mixin
        PagingOptions page;

        @Override
        public Integer call() {
            Paging paging = page.paging(spec);
            try (AdminSession session = AdminSession.open(Commands.application(spec), database)) {
                PrintWriter out = spec.commandLine().getOut();
                out.printf("%-36s  %-12s  %-8s  %s%n", "ID", "KIND", "AGENCY", "NAME");
                for (Organization o : session.service(OrganizationService.class).list(session.operator(), paging)) {
                    out.printf(
                            "%-36s  %-12s  %-8s  %s%n",
                            o.id(), o.kind(), o.agency() == null ? "-" : o.agency(), o.name());
                }
                out.flush();
            }
            return 0;
        }
    }
}
