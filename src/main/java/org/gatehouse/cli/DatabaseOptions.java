package org.gatehouse.cli;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.gatehouse.system.DatabaseSettings;
import picocli.CommandLine.Option;

/** The database options shared by every command that opens the database (same meaning as for {@code serve}). */
final class DatabaseOptions {

    @Option(
            names = "--data-dir",
            paramLabel = "DIR",
            defaultValue = "${env:GATEHOUSE_DATA_DIR:-data}",
            description = "Directory of the embedded PostgreSQL (default: ${DEFAULT-VALUE}; env GATEHOUSE_DATA_DIR).")
    Path dataDir;

    @Option(
            names = "--db-url",
            paramLabel = "URL",
            defaultValue = "${env:GATEHOUSE_DB_URL}",
            description = "JDBC URL of an external PostgreSQL instead of the embedded one (env GATEHOUSE_DB_URL).")
    String url;

    @Option(
            names = "--db-user",
            paramLabel = "USER",
            defaultValue = "${env:GATEHOUSE_DB_USER}",
            description = "User for --db-url (env GATEHOUSE_DB_USER).")
    String user;

    @Option(
            names = "--db-password",
            paramLabel = "PASSWORD",
            defaultValue = "${env:GATEHOUSE_DB_PASSWORD}",
            description = "Password for --db-url; prefer the env GATEHOUSE_DB_PASSWORD, which `ps` does not show.")
    String password;

    @Option(
            names = "--db-owner-user",
            paramLabel = "USER",
            defaultValue = "${env:GATEHOUSE_DB_OWNER_USER}",
            description = "Role that owns the schema of --db-url and runs the migrations (env GATEHOUSE_DB_OWNER_USER;"
                    + " its password in GATEHOUSE_DB_OWNER_PASSWORD).")
    String ownerUser;

    @Option(
            names = "--db-owner-password",
            paramLabel = "PASSWORD",
            defaultValue = "${env:GATEHOUSE_DB_OWNER_PASSWORD}",
            description = "Password of --db-owner-user; prefer the env GATEHOUSE_DB_OWNER_PASSWORD, which `ps` does not"
                    + " show.")
    String ownerPassword;

    DatabaseSettings settings() {
        return new DatabaseSettings(dataDir, url, user, password, ownerUser, ownerPassword, false);
    }

    /** The same options as the Spring properties of {@code gatehouse.database.*}, for commands that start the application. */
    Map<String, Object> springProperties() {
        Map<String, Object> properties = new HashMap<>();
        properties.put("gatehouse.database.data-dir", dataDir.toString());
        putIfPresent(properties, "gatehouse.database.url", url);
        putIfPresent(properties, "gatehouse.database.user", user);
        putIfPresent(properties, "gatehouse.database.password", password);
        putIfPresent(properties, "gatehouse.database.owner-user", ownerUser);
        putIfPresent(properties, "gatehouse.database.owner-password", ownerPassword);
        return properties;
    }

    private static void putIfPresent(Map<String, Object> properties, String key, String value) {
        if (value != null && !value.isBlank()) {
            properties.put(key, value);
        }
    }
}
