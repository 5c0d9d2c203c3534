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
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Start the Gatehouse server (web UI and API) with its database.")
final class ServeCommand implements Callable<Integer> {

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "${env:GATEHOUSE_PORT:-8080}",
            description = "HTTP port (default: ${DEFAULT-VALUE}; 0 picks a free one).")
    int port;

    @Option(names = "--demo", description = "Load demonstration data (accounts and cases) on start.")
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
        Map<String, Object> properties = new HashMap<>();
        properties.put("server.port", port);
        properties.put("gatehouse.demo", demo);
        properties.put("gatehouse.database.data-dir", database.dataDir.toString());
        putIfPresent(properties, "gatehouse.database.url", database.url);
        putIfPresent(properties, "gatehouse.database.user", database.user);
        putIfPresent(properties, "gatehouse.database.password", database.password);
        new SpringApplicationBuilder(gatehouse.application()).properties(properties).run();
        return 0;
    }

    private static void putIfPresent(Map<String, Object> properties, String key, String value) {
        if (value != null && !value.isBlank()) {
            properties.put(key, value);
        }
    }
}
