package org.gatehouse.system;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where Gatehouse keeps its data: an embedded PostgreSQL whose files live under {@code dataDir},
 * or an external PostgreSQL server reached by JDBC URL.
 *
 * @param dataDir directory of the embedded database (ignored with a URL)
 * @param url JDBC URL of an external server, or null for the embedded one
 * @param user user name for the external server
 * @param password password for the external server
 * @param ownerUser external only: the role that owns the schema and runs the migrations; null to run them as
 *     {@code user} (which then owns the tables: fewer protections)
 * @param ownerPassword password of {@code ownerUser}
 * @param ephemeral embedded only: a throw-away database in a temporary directory, without fsync (tests)
 */
public record DatabaseSettings(
        Path dataDir,
        String url,
        String user,
        String password,
        String ownerUser,
        String ownerPassword,
        boolean ephemeral) {

    public DatabaseSettings {
        if (url != null && url.isBlank()) {
            url = null;
        }
        if (ownerUser != null && ownerUser.isBlank()) {
            ownerUser = null;
        }
        if (url == null && !ephemeral) {
            Objects.requireNonNull(dataDir, "dataDir is required for the embedded database");
        }
        if (url != null && !url.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("database URL must start with jdbc:postgresql:, got '" + url + "'");
        }
    }

    public static DatabaseSettings embedded(Path dataDir) {
        return new DatabaseSettings(dataDir, null, null, null, null, null, false);
    }

    public static DatabaseSettings external(String url, String user, String password) {
        return external(url, user, password, null, null);
    }

    /** An external server with a separate schema owner for the migrations. */
    public static DatabaseSettings external(
            String url, String user, String password, String ownerUser, String ownerPassword) {
        return new DatabaseSettings(
                null, Objects.requireNonNull(url, "url"), user, password, ownerUser, ownerPassword, false);
    }

    public static DatabaseSettings temporary() {
        return new DatabaseSettings(null, null, null, null, null, null, true);
    }

    public boolean external() {
        return url != null;
    }
}
