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
 * @param ephemeral embedded only: a throw-away database in a temporary directory, without fsync (tests)
 */
public record DatabaseSettings(Path dataDir, String url, String user, String password, boolean ephemeral) {

    public DatabaseSettings {
        if (url != null && url.isBlank()) {
            url = null;
        }
        if (url == null && !ephemeral) {
            Objects.requireNonNull(dataDir, "dataDir is required for the embedded database");
        }
        if (url != null && !url.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("database URL must start with jdbc:postgresql:, got '" + url + "'");
        }
    }

    public static DatabaseSettings embedded(Path dataDir) {
        return new DatabaseSettings(dataDir, null, null, null, false);
    }

    public static DatabaseSettings external(String url, String user, String password) {
        return new DatabaseSettings(null, Objects.requireNonNull(url, "url"), user, password, false);
    }

    public static DatabaseSettings temporary() {
        return new DatabaseSettings(null, null, null, null, true);
    }

    public boolean external() {
        return url != null;
    }
}
