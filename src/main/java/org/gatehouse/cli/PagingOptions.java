package org.gatehouse.cli;

import org.gatehouse.trade.Paging;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** {@code --limit} and {@code --offset} of the listing commands, bounded like the API's pages. */
final class PagingOptions {

    @Option(names = "--limit", defaultValue = "200", description = "Rows, at most ${DEFAULT-VALUE}.")
    int limit;

    @Option(names = "--offset", defaultValue = "0", description = "Rows to skip.")
    int offset;

    /** The page asked for; a value out of range is a usage error naming the option. */
    Paging paging(CommandLine.Model.CommandSpec spec) {
        return Commands.option(spec, "--limit/--offset", () -> new Paging(limit, offset));
    }
}
