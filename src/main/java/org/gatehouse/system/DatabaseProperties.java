package org.gatehouse.system;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Database configuration of the server ({@code gatehouse.database.*}); {@code gatehouse serve} sets it from its options.
 *
 * @param dataDir directory of the embedded PostgreSQL
 * @param url JDBC URL of an external PostgreSQL; empty for the embedded one
 * @param user user of the external PostgreSQL
 * @param password password of the external PostgreSQL
 * @param ownerUser role of the external PostgreSQL that owns the schema and runs the migrations
 * @param ownerPassword its password
 * @param ephemeral a throw-away embedded database (tests)
 * @param poolConnectionsMax connections in the server's pool
 */
@ConfigurationProperties("gatehouse.database")
public record DatabaseProperties(
        @DefaultValue("data") Path dataDir,
        String url,
        String user,
        String password,
        String ownerUser,
        String ownerPassword,
        boolean ephemeral,
        @DefaultValue("20") int poolConnectionsMax) {

    DatabaseSettings settings() {
        return new DatabaseSettings(dataDir, url, user, password, ownerUser, ownerPassword, ephemeral);
    }
}
