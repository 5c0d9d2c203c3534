package org.gatehouse.system;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Tells the person who ran {@code gatehouse serve} where the server is and where its data lives. */
@Component
class ReadyBanner {

    private final Environment environment;
    private final DatabaseServer database;
    private final ObjectProvider<BuildProperties> build;

    ReadyBanner(Environment environment, DatabaseServer database, ObjectProvider<BuildProperties> build) {
        this.environment = environment;
        this.database = database;
        this.build = build;
    }

    @EventListener(ApplicationReadyEvent.class)
    void ready() {
        String port = environment.getProperty("local.server.port");
        if (port == null) {
            return; // no web server (a benchmark or a tool using the application context)
        }
        BuildProperties properties = build.getIfAvailable();
        System.out.printf(
                "%nGatehouse %s is ready: http://localhost:%s%n  Database: %s%n  Health:   http://localhost:%s/actuator/health%n%n",
                properties == null ? "" : properties.getVersion(), port, database.description(), port);
        System.out.flush();
    }
}
