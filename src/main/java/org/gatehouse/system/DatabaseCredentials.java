package org.gatehouse.system;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Properties;
import java.util.Set;

/**
 * The passwords of the embedded PostgreSQL's three roles, generated once (256 random bits each) and kept in the data
 * directory in a file only its owner may read ({@code rw-------}): the superuser (cluster maintenance at start), the
 * schema owner (migrations) and the application (everything else). Whoever can read the file can read the
 * database's files too; nobody else can connect.
 */
record DatabaseCredentials(String superuserPassword, String ownerPassword, String appPassword) {

    /** The file's name in the data directory. */
    static final String FILE_NAME = "database.credentials";

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    /** Fresh random passwords, for a throw-away database. */
    static DatabaseCredentials generate() {
        return new DatabaseCredentials(secret(), secret(), secret());
    }

    /** The passwords kept in {@code directory}, created (owner-only) on first use. */
    static DatabaseCredentials loadOrCreate(Path directory) throws IOException {
        Path file = directory.resolve(FILE_NAME);
        if (!Files.exists(file)) {
            DatabaseCredentials created = generate();
            try {
                created.write(file);
                return created;
            } catch (FileAlreadyExistsException e) {
                // another process created it first: read theirs
            }
        }
        return read(file);
    }

    /** The passwords kept in {@code directory}; refused when the file is missing or readable by others. */
    static DatabaseCredentials read(Path directory) throws IOException {
        Path file = Files.isDirectory(directory) ? directory.resolve(FILE_NAME) : directory;
        if (supportsPosix(file) && !Files.getPosixFilePermissions(file).equals(OWNER_ONLY)) {
            throw new IOException(file + " must be readable by its owner only (chmod 600 " + file + ")");
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return new DatabaseCredentials(
                required(properties, "superuser.password", file),
                required(properties, "owner.password", file),
                required(properties, "app.password", file));
    }

    /** Writes the passwords to a new owner-only file; never replaces an existing one. */
    void write(Path file) throws IOException {
        if (supportsPosix(file.getParent())) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        } else {
            Files.createFile(file);
        }
        Properties properties = new Properties();
        properties.setProperty("superuser.password", superuserPassword);
        properties.setProperty("owner.password", ownerPassword);
        properties.setProperty("app.password", appPassword);
        try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            properties.store(writer, "Passwords of the embedded PostgreSQL's roles. Keep this file private.");
        }
    }

    /** Writes one password to a new owner-only file (initdb's --pwfile). */
    static void writePasswordFile(Path file, String password) throws IOException {
        Files.deleteIfExists(file);
        if (supportsPosix(file.getParent())) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        } else {
            Files.createFile(file);
        }
        Files.writeString(file, password + "\n", StandardCharsets.UTF_8);
    }

    private static String required(Properties properties, String key, Path file) throws IOException {
        String value = properties.getProperty(key);
        if (value == null || value.isBlank()) {
            throw new IOException(file + " has no " + key);
        }
        return value;
    }

    /** 256 random bits, URL-safe: nothing to quote in SQL or a properties file. */
    private static String secret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static boolean supportsPosix(Path path) {
        return path != null
                && path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    @Override
    public String toString() {
        return "DatabaseCredentials[hidden]";
    }
}
