package org.gatehouse.cli;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.springframework.boot.builder.SpringApplicationBuilder;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code gatehouse serve}: starts the web application and its database; returns once it is up. */
@Command(
        name = "serve",
        mixinStandardHelpOptions = true,
        description = "Start the Gatehouse server (web UI and API) with its database.")
final class ServeCommand implements Callable<Integer> {

    @Option(
            names = "--port",
            paramLabel = "PORT",
            defaultValue = "${env:GATEHOUSE_PORT:-8080}",
            description = "HTTP port (default: ${DEFAULT-VALUE}; 0 picks a free one).")
    int port;

    @Option(
            names = "--demo",
            description = "Load demonstration data on start: one account per role (see docs/identity.md);"
                    + " passwords from GATEHOUSE_DEMO_PASSWORD, else generated and printed once.")
    boolean demo;

    @Mixin
    DatabaseOptions database;

    @CommandLine.ParentCommand
    GatehouseCommand gatehouse;

    @Override
    public Integer call() {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("--port must be 0..65535, got " + port);
        }
        Map<String, Object> properties = new HashMap<>(database.springProperties());
        properties.put("server.port", port);
        properties.put("gatehouse.demo", demo);
        new SpringApplicationBuilder(gatehouse.application())
                .properties(properties)
                .run();
        return 0;
    }
}
