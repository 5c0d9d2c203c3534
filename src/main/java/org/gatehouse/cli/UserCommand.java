package org.gatehouse.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.gatehouse.identity.DisplayName;
import org.gatehouse.identity.NewUser;
import org.gatehouse.identity.Organization;
import org.gatehouse.identity.OrganizationService;
import org.gatehouse.identity.Password;
import org.gatehouse.identity.Role;
import org.gatehouse.identity.User;
import org.gatehouse.identity.UserService;
import org.gatehouse.identity.Username;
import org.gatehouse.trade.OrganizationId;
import org.gatehouse.trade.Paging;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code gatehouse user add|list|disable}: accounts, as an administrator on the server's database. */
@Command(
        name = "user",
        mixinStandardHelpOptions = true,
        description = "Manage user accounts.",
        subcommands = {UserCommand.Add.class, UserCommand.List.class, UserCommand.Disable.class})
final class UserCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** An organization named by its id or its name. */
    static Organization organization(AdminSession session, String idOrName) {
        OrganizationService organizations = session.service(OrganizationService.class);
        try {
            return organizations.get(session.operator(), OrganizationId.parse(idOrName));
        } catch (IllegalArgumentException notAnId) {
            return organizations.getByName(session.operator(), idOrName);
        }
    }

    @Command(
            name = "add",
            mixinStandardHelpOptions = true,
            description = "Create an account. The password is read from standard input (--password-stdin) or generated"
                    + " and printed once; it is never taken as an argument, which `ps` and shell history would show.")
    static final class Add implements Callable<Integer> {

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Mixin
        DatabaseOptions database;

        @Parameters(index = "0", paramLabel = "USERNAME", description = "3-64 of a-z 0-9 . _ -")
        String username;

        @Option(names = "--org", required = true, paramLabel = "ORG", description = "The organization's id or name.")
        String organization;

        @Option(
                names = "--role",
                required = true,
                paramLabel = "ROLE",
                description = "A role (repeat for several): ${COMPLETION-CANDIDATES}.")
        Set<Role> roles;

        @Option(names = "--display-name", required = true, paramLabel = "NAME", description = "The person's name.")
        String displayName;

        @Option(names = "--password-stdin", description = "Read the password from the first line of standard input.")
        boolean passwordStdin;

        /** Standard input; the tests give their own. */
        InputStream stdin = System.in;

        @Override
        public Integer call() throws IOException {
            Username name = Commands.option(spec, "USERNAME", () -> Username.of(username));
            DisplayName display = Commands.option(spec, "--display-name", () -> new DisplayName(displayName));
            Set<Role> checkedRoles = EnumSet.copyOf(roles);
            Password password = passwordStdin
                    ? Commands.option(spec, "--password-stdin", () -> new Password(firstLine(stdin)))
                    : Password.generate();
            try (AdminSession session = AdminSession.open(Commands.application(spec), database)) {
                Organization org = organization(session, organization);
                User created = session.service(UserService.class)
                        .create(session.operator(), new NewUser(name, display, org.id(), checkedRoles, password));
                PrintWriter out = spec.commandLine().getOut();
                out.printf(
                        "Created user %s %s in %s with roles %s%n",
                        created.username(), created.id(), org.name(), roles(created.roles()));
                if (!passwordStdin) {
                    out.printf("Password (shown once): %s%n", password.value());
                }
                out.flush();
            }
            return 0;
        }

        private static String firstLine(InputStream in) {
            try {
                String line = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).readLine();
                if (line == null) {
                    throw new IllegalArgumentException("standard input is empty");
                }
                return line;
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot read standard input: " + e.getMessage());
            }
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List accounts by username.")
    static final class List implements Callable<Integer> {

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Mixin
        DatabaseOptions database;

        @Option(names = "--org", paramLabel = "ORG", description = "Only this organization's (id or name).")
        String organization;

        @Mixin
        PagingOptions page;

        @Override
        public Integer call() {
            Paging paging = page.paging(spec);
            try (AdminSession session = AdminSession.open(Commands.application(spec), database)) {
                OrganizationId filter = organization == null
                        ? null
                        : organization(session, organization).id();
                PrintWriter out = spec.commandLine().getOut();
                out.printf("%-36s  %-20s  %-8s  %-20s  %s%n", "ID", "USERNAME", "ENABLED", "ROLES", "NAME");
                for (User u : session.service(UserService.class).list(session.operator(), filter, paging)) {
                    out.printf(
                            "%-36s  %-20s  %-8s  %-20s  %s%n",
                            u.id(), u.username(), u.enabled() ? "yes" : "no", roles(u.roles()), u.displayName());
                }
                out.flush();
            }
            return 0;
        }
    }

    @Command(
            name = "disable",
            mixinStandardHelpOptions = true,
            description =
                    "Disable an account: it can no longer sign in, and its sessions and tokens stop working at once.")
    static final class Disable implements Callable<Integer> {

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Mixin
        DatabaseOptions database;

        @Parameters(index = "0", paramLabel = "USERNAME")
        String username;

        @Override
        public Integer call() {
            Username name = Commands.option(spec, "USERNAME", () -> Username.of(username));
            try (AdminSession session = AdminSession.open(Commands.application(spec), database)) {
                UserService users = session.service(UserService.class);
                User user = users.getByUsername(session.operator(), name);
                users.disable(session.operator(), user.id());
                spec.commandLine().getOut().printf("Disabled user %s %s%n", user.username(), user.id());
                spec.commandLine().getOut().flush();
            }
            return 0;
        }
    }

    static String roles(Set<Role> roles) {
        return roles.stream().map(Role::name).collect(Collectors.joining(","));
    }
}
