package org.gatehouse.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import org.gatehouse.identity.ApiToken;
import org.gatehouse.identity.IssuedToken;
import org.gatehouse.identity.TokenId;
import org.gatehouse.identity.TokenName;
import org.gatehouse.identity.TokenService;
import org.gatehouse.identity.User;
import org.gatehouse.identity.UserService;
import org.gatehouse.identity.Username;
import org.gatehouse.trade.Paging;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code gatehouse token create|list|revoke}: API tokens, as an administrator on the server's database. */
@Command(
        name = "token",
        mixinStandardHelpOptions = true,
        description = "Manage API tokens.",
        subcommands = {TokenCommand.Create.class, TokenCommand.List.class, TokenCommand.Revoke.class})
final class TokenCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(
            name = "create",
            mixinStandardHelpOptions = true,
            description = "Issue an API token for an account; its secret is printed once and only its hash is kept.")
    static final class Create implements Callable<Integer> {

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Mixin
        DatabaseOptions database;

        @Parameters(index = "0", paramLabel = "USERNAME", description = "The account the token acts as.")
        String username;

        @Option(names = "--name", required = true, paramLabel = "NAME", description = "What the token is for.")
        String name;

        @Option(
                names = "--expires-in-days",
                paramLabel = "DAYS",
                description = "Stop working after DAYS days (default: never).")
        Integer expiresInDays;

        @Override
        public Integer call() {
            Username user = Commands.option(spec, "USERNAME", () -> Username.of(username));
            TokenName tokenName = Commands.option(spec, "--name", () -> new TokenName(name));
            if (expiresInDays != null && (expiresInDays < 1 || expiresInDays > TokenService.LIFETIME_MAX.toDays())) {
                throw new CommandLine.ParameterException(
                        spec.commandLine(), "--expires-in-days must be 1.." + TokenService.LIFETIME_MAX.toDays());
            }
            try (AdminSession session = AdminSession.open(Commands.application(spec), database)) {
                User holder = session.service(UserService.class).getByUsername(session.operator(), user);
                Instant expiresAt = expiresInDays == null
                        ? null
                        : session.service(Clock.class).instant().plus(Duration.ofDays(expiresInDays));
                IssuedToken issued = session.service(TokenService.class)
                        .create(session.operator(), holder.id(), tokenName, expiresAt);
                PrintWriter out = spec.commandLine().getOut();
                out.printf(
                        "Created token %s (%s) for %s, expires %s%n",
                        issued.token().id(),
                        issued.token().prefix(),
                        holder.username(),
                        expiresAt == null ? "never" : issued.token().expiresAt());
                out.printf("Token (shown once): %s%n", issued.secret().value());
                out.flush();
            }
            return 0;
        }
    }

    @Command(
            name = "list",
            mixinStandardHelpOptions = true,
            description = "List an account's tokens, newest first (no secrets).")
    static final class List implements Callable<Integer> {

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Mixin
        DatabaseOptions database;

        @Parameters(index = "0", paramLabel = "USERNAME")
        String username;

        @Override
        public Integer call() {
            Username user = Commands.option(spec, "USERNAME", () -> Username.of(username));
            try (AdminSession session = AdminSession.open(Commands.application(spec), database)) {
                User holder = session.service(UserService.class).getByUsername(session.operator(), user);
                PrintWriter out = spec.commandLine().getOut();
                out.printf("%-36s  %-8s  %-27s  %-27s  %s%n", "ID", "PREFIX", "EXPIRES", "REVOKED", "NAME");
                for (ApiToken t : session.service(TokenService.class)
                        .list(session.operator(), holder.id(), Paging.first(Paging.LIMIT_MAX))) {
                    out.printf(
                            "%-36s  %-8s  %-27s  %-27s  %s%n",
                            t.id(),
                            t.prefix(),
                            t.expiresAt() == null ? "never" : t.expiresAt(),
                            t.revokedAt() == null ? "-" : t.revokedAt(),
                            t.name());
                }
                out.flush();
            }
            return 0;
        }
    }

    @Command(
            name = "revoke",
            mixinStandardHelpOptions = true,
            description = "Revoke a token: the next request with it is refused.")
    static final class Revoke implements Callable<Integer> {

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Mixin
        DatabaseOptions database;

        @Parameters(index = "0", paramLabel = "TOKEN_ID", description = "The token's id (from `token list`).")
        String tokenId;

        @Override
        public Integer call() {
            TokenId id = Commands.option(spec, "TOKEN_ID", () -> TokenId.parse(tokenId));
            try (AdminSession session = AdminSession.open(Commands.application(spec), database)) {
                ApiToken revoked = session.service(TokenService.class).revoke(session.operator(), id);
                spec.commandLine()
                        .getOut()
                        .printf("Revoked token %s (%s) at %s%n", revoked.id(), revoked.prefix(), revoked.revokedAt());
                spec.commandLine().getOut().flush();
            }
            return 0;
        }
    }
}
