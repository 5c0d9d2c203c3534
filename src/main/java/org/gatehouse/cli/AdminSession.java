package org.gatehouse.cli;

import java.util.HashMap;
import java.util.Map;
import org.gatehouse.identity.CurrentUser;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The application without its web server, on the database that {@code serve} uses, for the
 * administration commands: they call the same services as the API, so the same rules and the same
 * audit events apply. The operator acts as {@code cli:<os user>} with admin rights: whoever can run
 * this command on the server's database could change the database directly anyway.
 */
final class AdminSession implements AutoCloseable {

    private final ConfigurableApplicationContext context;
    private final CurrentUser operator;

    private AdminSession(ConfigurableApplicationContext context, CurrentUser operator) {
        this.context = context;
        this.operator = operator;
    }

    static AdminSession open(Class<?> application, DatabaseOptions database) {
        Map<String, Object> properties = new HashMap<>(database.springProperties());
        properties.put("gatehouse.demo", false);
        properties.put("gatehouse.database.pool-connections-max", 2);
        properties.put("spring.main.log-startup-info", false);
        // Warnings only, to stderr: stdout carries the command's output (and secrets shown once). Spring
        // takes the file as logging.config and warns about the system property that main() set for
        // the offline commands, so that property is dropped here (this process only runs this command).
        properties.put("logging.config", "classpath:org/gatehouse/cli/logback-cli.xml");
        System.clearProperty("logback.configurationFile");
        ConfigurableApplicationContext context = new SpringApplicationBuilder(application)
                .web(WebApplicationType.NONE)
                .properties(properties)
                .run();
        return new AdminSession(context, CurrentUser.system(actor(System.getProperty("user.name"))));
    }

    /** The audit log's actor for the operator: {@code cli:} and the OS user name, printable and bounded. */
    static String actor(String osUser) {
        String name = osUser == null ? "" : osUser.replaceAll("[^A-Za-z0-9._@-]", "_");
        if (name.isEmpty()) {
            name = "unknown";
        }
        return "cli:" + (name.length() > 64 ? name.substring(0, 64) : name);
    }

    <T> T service(Class<T> type) {
        return context.getBean(type);
    }

    CurrentUser operator() {
        return operator;
    }

    @Override
    public void close() {
        context.close();
    }
}
