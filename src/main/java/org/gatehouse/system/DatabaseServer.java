package org.gatehouse.system;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PostgreSQL that Gatehouse uses: either an external server, or an embedded one (real
 * PostgreSQL binaries from Maven Central) whose files live under the data directory and survive
 * restarts. Closing it stops an embedded server that this process started.
 *
 * <p>The data directory holds {@code postgres/} (the cluster), {@code gatehouse.lock}, a file
 * lock held by the process that runs the embedded server, and {@code database.credentials}, the
 * roles' passwords, readable by its owner only. A second process on the same directory (for
 * example {@code gatehouse audit verify} while {@code serve} runs) finds the lock taken and
 * connects to the running server instead of starting another one.
 *
 * <p>The embedded server refuses every connection without a role's password (scram-sha-256, also
 * on its Unix socket), and Gatehouse uses two roles: the schema owner runs the migrations; the
 * application runs as a role that owns nothing, so it cannot alter a table, disable a trigger, or
 * change or delete audit events (privileges granted by migration V010). The superuser's password
 * serves only this class, at start, to create the roles and the database.
 */
public final class DatabaseServer implements AutoCloseable {

    /** Name of the database that Gatehouse creates inside the embedded cluster. */
    public static final String DATABASE_NAME = "gatehouse";

    private static final Logger log = LoggerFactory.getLogger(DatabaseServer.class);
    private static final String SUPERUSER = "postgres";
    /** Owns the database, its schema and every table: the migrations run as this role. */
    public static final String OWNER_ROLE = "gatehouse_owner";
    /** The role the application runs as: reads and writes rows, owns nothing. */
    public static final String APP_ROLE = "gatehouse_app";
    /** Client authentication of the embedded cluster: a password for every connection, local or TCP. */
    private static final String HBA = """
            # Written by Gatehouse at every start: every connection needs a role's password.
            local   all             all                                     scram-sha-256
            host    all             all             127.0.0.1/32            scram-sha-256
            host    all             all             ::1/128                 scram-sha-256
            local   replication     all                                     scram-sha-256
            host    replication     all             127.0.0.1/32            scram-sha-256
            host    replication     all             ::1/128                 scram-sha-256
            """;

    private static final Duration STARTUP_WAIT = Duration.ofSeconds(60);
    private static final Duration ORPHAN_STOP_WAIT = Duration.ofSeconds(30);

    private final String jdbcUrl;
    private final String user;
    private final String password;
    private final String ownerUser;
    private final String ownerPassword;
    private final String description;
    private final EmbeddedPostgres embedded;
    private final FileChannel lockChannel;

    private DatabaseServer(
            String jdbcUrl,
            String user,
            String password,
            String ownerUser,
            String ownerPassword,
            String description,
            EmbeddedPostgres embedded,
            FileChannel lockChannel) {
        this.jdbcUrl = jdbcUrl;
        this.user = user;
        this.password = password;
        this.ownerUser = ownerUser;
        this.ownerPassword = ownerPassword;
        this.description = description;
        this.embedded = embedded;
        this.lockChannel = lockChannel;
    }

    /** Connects to the external server, attaches to a running embedded one, or starts the embedded one. */
    public static DatabaseServer open(DatabaseSettings settings) {
        if (settings.external()) {
            boolean ownRole = settings.ownerUser() != null;
            if (!ownRole) {
                log.warn(
                        "The external database's schema owner was not given (GATEHOUSE_DB_OWNER_USER): migrations run"
                                + " as {}, which can then alter tables and disable triggers; see README, external PostgreSQL",
                        settings.user());
            }
            return new DatabaseServer(
                    settings.url(),
                    settings.user(),
                    settings.password(),
                    ownRole ? settings.ownerUser() : settings.user(),
                    ownRole ? settings.ownerPassword() : settings.password(),
                    "external PostgreSQL " + settings.url(),
                    null,
                    null);
        }
        try {
            return settings.ephemeral() ? startEphemeral() : openEmbedded(settings.dataDir());
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the embedded PostgreSQL: " + e.getMessage(), e);
        }
    }

    private static DatabaseServer startEphemeral() throws IOException {
        Path directory = Files.createTempDirectory("gatehouse-db-");
        DatabaseCredentials credentials = DatabaseCredentials.generate();
        EmbeddedPostgres postgres = start(
                directory,
                EmbeddedPostgres.builder()
                        .setDataDirectory(directory.resolve("postgres"))
                        .setCleanDataDirectory(true)
                        .setServerConfig("fsync", "off"), // throw-away data: durability buys nothing here
                credentials,
                true);
        return started(postgres, "ephemeral embedded PostgreSQL in " + directory, null, credentials);
    }

    /**
     * Starts the cluster. A new one is created with the superuser's password and password authentication from the
     * start (initdb's {@code --pwfile}, {@code --auth-local}, {@code --auth-host}), so there is no moment at which
     * it trusts anyone; zonky passes these as its "locale" options, which it hands to initdb as {@code --key=value}.
     */
    private static EmbeddedPostgres start(
            Path directory, EmbeddedPostgres.Builder builder, DatabaseCredentials credentials, boolean fresh)
            throws IOException {
        Path passwordFile = directory.resolve("superuser.pwfile");
        // No shutdown hook of zonky's own: JVM hooks run at once, so it would stop PostgreSQL while Spring is still
        // closing the beans that need it (the event publication registry's last write). Whoever opens the server
        // closes it: Spring as the last bean, the commands with try-with-resources.
        builder.setRegisterShutdownHook(false)
                .setServerConfig("max_connections", "200")
                .setServerConfig("password_encryption", "scram-sha-256")
                .setConnectConfig("password", credentials.superuserPassword())
                .setPGStartupWait(STARTUP_WAIT);
        if (fresh) {
            DatabaseCredentials.writePasswordFile(passwordFile, credentials.superuserPassword());
            builder.setLocaleConfig("pwfile", passwordFile.toString())
                    .setLocaleConfig("auth-local", "scram-sha-256")
                    .setLocaleConfig("auth-host", "scram-sha-256");
        }
        try {
            return builder.start();
        } finally {
            Files.deleteIfExists(passwordFile);
        }
    }

    private static DatabaseServer openEmbedded(Path dataDir) throws IOException {
        Path directory = dataDir.toAbsolutePath().normalize();
        Files.createDirectories(directory);
        Path cluster = directory.resolve("postgres");
        FileChannel lockChannel = FileChannel.open(
                directory.resolve("gatehouse.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = lockChannel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null; // held by this very process: it runs the server, attach to it like any other
        } catch (IOException | RuntimeException e) {
            lockChannel.close();
            throw e;
        }
        if (lock == null) {
            lockChannel.close();
            return attach(directory, cluster);
        }
        try {
            stopLeftoverServer(cluster);
            boolean fresh = !Files.exists(cluster.resolve("PG_VERSION"));
            DatabaseCredentials credentials = DatabaseCredentials.loadOrCreate(directory);
            EmbeddedPostgres postgres = start(
                    directory,
                    EmbeddedPostgres.builder()
                            .setDataDirectory(cluster)
                            .setCleanDataDirectory(false)
                            // The embedded library turns fsync and synchronous commit off for tests; this
                            // data is meant to last: a commit is acknowledged only once it is on disk.
                            .setServerConfig("fsync", "on")
                            .setServerConfig("synchronous_commit", "on"),
                    credentials,
                    fresh);
            return started(postgres, "embedded PostgreSQL in " + cluster, lockChannel, credentials);
        } catch (IOException | RuntimeException e) {
            lockChannel.close();
            throw e;
        }
    }

    private static DatabaseServer started(
            EmbeddedPostgres postgres, String description, FileChannel lockChannel, DatabaseCredentials credentials)
            throws IOException {
        try {
            try (Connection connection = postgres.getPostgresDatabase().getConnection()) {
                createRolesAndDatabase(connection, credentials);
            }
            try (Connection connection =
                    postgres.getDatabase(SUPERUSER, DATABASE_NAME).getConnection()) {
                handOverToTheOwner(connection);
                requirePasswords(connection);
            }
        } catch (SQLException e) {
            postgres.close();
            throw new IOException("could not prepare the '" + DATABASE_NAME + "' database: " + e.getMessage(), e);
        }
        String url = "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + DATABASE_NAME;
        log.info("Database: {} on port {}", description, postgres.getPort());
        return new DatabaseServer(
                url,
                APP_ROLE,
                credentials.appPassword(),
                OWNER_ROLE,
                credentials.ownerPassword(),
                description,
                postgres,
                lockChannel);
    }

    /**
     * The superuser's password (a cluster created before passwords were required has none yet), the owner and
     * application roles with the passwords of the credentials file, and the database, owned by the owner.
     */
    private static void createRolesAndDatabase(Connection connection, DatabaseCredentials credentials)
            throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("ALTER ROLE " + SUPERUSER + " PASSWORD " + literal(credentials.superuserPassword()));
            for (String[] role :
                    new String[][] {{OWNER_ROLE, credentials.ownerPassword()}, {APP_ROLE, credentials.appPassword()}}) {
                boolean exists;
                try (PreparedStatement query =
                        connection.prepareStatement("SELECT 1 FROM pg_roles WHERE rolname = ?")) {
                    query.setString(1, role[0]);
                    try (ResultSet rs = query.executeQuery()) {
                        exists = rs.next();
                    }
                }
                statement.execute((exists ? "ALTER ROLE " : "CREATE ROLE ") + role[0]
                        + " LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD "
                        + literal(role[1]));
            }
        }
        createDatabaseIfMissing(connection);
        try (Statement statement = connection.createStatement()) {
            statement.execute("ALTER DATABASE " + DATABASE_NAME + " OWNER TO " + OWNER_ROLE);
        }
    }

    /**
     * Gives the schema and everything in it to the owner: a database created before the roles were split belongs to
     * the superuser. Sequences of identity columns follow their table.
     */
    private static void handOverToTheOwner(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("ALTER SCHEMA public OWNER TO " + OWNER_ROLE);
            statement.execute("""
                    DO $$
                    DECLARE r record;
                    BEGIN
                        FOR r IN SELECT c.relname, c.relkind FROM pg_class c
                                 JOIN pg_namespace n ON n.oid = c.relnamespace
                                 WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm')
                                   AND pg_get_userbyid(c.relowner) <> 'gatehouse_owner' LOOP
                            EXECUTE format('ALTER %s public.%I OWNER TO gatehouse_owner',
                                CASE r.relkind WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW' ELSE 'TABLE' END,
                                r.relname);
                        END LOOP;
                        FOR r IN SELECT p.oid::regprocedure AS routine FROM pg_proc p
                                 JOIN pg_namespace n ON n.oid = p.pronamespace
                                 WHERE n.nspname = 'public' AND pg_get_userbyid(p.proowner) <> 'gatehouse_owner' LOOP
                            EXECUTE format('ALTER ROUTINE %s OWNER TO gatehouse_owner', r.routine);
                        END LOOP;
                    END
                    $$""");
        }
    }

    /**
     * Rewrites the cluster's client authentication when it is not Gatehouse's (a cluster created before passwords
     * were required trusted every local connection) and makes the server read it again.
     */
    private static void requirePasswords(Connection connection) throws SQLException {
        String file;
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT current_setting('hba_file')")) {
            rs.next();
            file = rs.getString(1);
        }
        Path hba = Path.of(file);
        try {
            if (!Files.exists(hba) || !Files.readString(hba).equals(HBA)) {
                Files.writeString(hba, HBA);
                try (Statement statement = connection.createStatement()) {
                    statement.execute("SELECT pg_reload_conf()");
                }
                log.info("Database: client authentication set to passwords only ({})", hba);
            }
        } catch (IOException e) {
            throw new SQLException("could not write " + hba + ": " + e.getMessage(), e);
        }
    }

    /** A password as an SQL string literal (generated passwords are URL-safe base64: nothing to escape). */
    private static String literal(String password) {
        return "'" + password.replace("'", "''") + "'";
    }

    /** Another live process holds the data directory: use the server it started (read from postmaster.pid). */
    private static DatabaseServer attach(Path directory, Path cluster) throws IOException {
        Optional<Postmaster> postmaster = Postmaster.read(cluster).filter(Postmaster::alive);
        if (postmaster.isEmpty()) {
            throw new IOException("the data directory " + directory
                    + " is locked by another Gatehouse process, but its database is not running (yet); try again");
        }
        String url = "jdbc:postgresql://localhost:" + postmaster.get().port() + "/" + DATABASE_NAME;
        DatabaseCredentials credentials = DatabaseCredentials.read(directory);
        return new DatabaseServer(
                url,
                APP_ROLE,
                credentials.appPassword(),
                OWNER_ROLE,
                credentials.ownerPassword(),
                "embedded PostgreSQL in " + cluster + " (run by process "
                        + postmaster.get().pid() + ")",
                null,
                null);
    }

    /**
     * A server killed with SIGKILL leaves its PostgreSQL running (the postmaster is a daemon, not
     * the JVM's child) or leaves a stale postmaster.pid. We hold the data directory's lock, so no
     * Gatehouse process uses that server any more: stop it cleanly (its clients died with the old
     * JVM, so a smart shutdown finishes at once) and let PostgreSQL start and recover normally.
     */
    private static void stopLeftoverServer(Path cluster) throws IOException {
        Optional<Postmaster> postmaster = Postmaster.read(cluster);
        if (postmaster.isEmpty()) {
            return;
        }
        Optional<ProcessHandle> process = postmaster.get().process();
        if (process.isEmpty()) {
            log.info(
                    "Removing stale {} (process {} is gone)",
                    Postmaster.PID_FILE,
                    postmaster.get().pid());
            Files.deleteIfExists(cluster.resolve(Postmaster.PID_FILE));
            return;
        }
        log.warn(
                "PostgreSQL (pid {}) left running by a Gatehouse process that did not shut down: stopping it",
                postmaster.get().pid());
        ProcessHandle handle = process.get();
        handle.destroy(); // SIGTERM: smart shutdown, then a checkpoint
        try {
            handle.onExit().get(ORPHAN_STOP_WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            log.warn(
                    "PostgreSQL (pid {}) did not stop within {}: killing it; it will recover from its log",
                    handle.pid(),
                    ORPHAN_STOP_WAIT);
            handle.destroyForcibly();
            handle.onExit().join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while stopping the leftover PostgreSQL", e);
        } catch (ExecutionException e) {
            throw new IOException("could not stop the leftover PostgreSQL", e);
        }
        Files.deleteIfExists(cluster.resolve(Postmaster.PID_FILE));
    }

    private static void createDatabaseIfMissing(Connection connection) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            query.setString(1, DATABASE_NAME);
            try (ResultSet rs = query.executeQuery()) {
                if (rs.next()) {
                    return;
                }
            }
        }
        try (Statement create = connection.createStatement()) {
            create.execute("CREATE DATABASE " + DATABASE_NAME + " OWNER " + OWNER_ROLE
                    + " ENCODING 'UTF8' TEMPLATE template0");
        }
    }

    public String jdbcUrl() {
        return jdbcUrl;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    /** The role that owns the schema and runs the migrations (the application's role when no owner was given). */
    public String ownerUser() {
        return ownerUser;
    }

    public String ownerPassword() {
        return ownerPassword;
    }

    /** Where the data is, for logs and the CLI (never includes a password). */
    public String description() {
        return description;
    }

    /** An unpooled data source as the application's role, for the CLI's short-lived commands. The server uses a pool. */
    public DataSource dataSource() {
        return dataSource(user, password);
    }

    /** An unpooled data source as the schema owner: for migrations only. */
    public DataSource ownerDataSource() {
        return dataSource(ownerUser, ownerPassword);
    }

    private DataSource dataSource(String role, String secret) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(jdbcUrl);
        if (role != null) {
            dataSource.setUser(role);
        }
        if (secret != null) {
            dataSource.setPassword(secret);
        }
        return dataSource;
    }

    @Override
    public void close() {
        try {
            if (embedded != null) {
                embedded.close(); // pg_ctl stop -m fast: rolls back open transactions, checkpoints, exits
            }
        } catch (IOException e) {
            log.warn("Could not stop the embedded PostgreSQL: {}", e.getMessage());
        } finally {
            if (lockChannel != null) {
                try {
                    lockChannel.close(); // releases the data directory's lock
                } catch (IOException e) {
                    log.warn("Could not release the data directory lock: {}", e.getMessage());
                }
            }
        }
    }

    /**
     * Alive and not a zombie: a stopped PostgreSQL whose parent (init, in some containers) has not
     * reaped it still counts as alive for {@link ProcessHandle#isAlive()}.
     */
    public static boolean running(ProcessHandle process) {
        if (!process.isAlive()) {
            return false;
        }
        Path stat = Path.of("/proc", Long.toString(process.pid()), "stat");
        try {
            String line = Files.readString(stat);
            // Format: "pid (command) state …"; the command may contain spaces and parentheses.
            int end = line.lastIndexOf(')');
            return end < 0 || end + 2 >= line.length() || line.charAt(end + 2) != 'Z';
        } catch (IOException e) {
            return !Files.isDirectory(Path.of("/proc")); // no procfs: trust isAlive(); else the process is gone
        }
    }

    /** The first lines of PostgreSQL's postmaster.pid: the server's process id and port. */
    record Postmaster(long pid, int port) {

        static final String PID_FILE = "postmaster.pid";

        static Optional<Postmaster> read(Path cluster) throws IOException {
            Path file = cluster.resolve(PID_FILE);
            if (!Files.exists(file)) {
                return Optional.empty();
            }
            List<String> lines = Files.readAllLines(file);
            try {
                // Line 1: pid; line 4: port (PostgreSQL's documented postmaster.pid layout).
                return Optional.of(new Postmaster(
                        Long.parseLong(lines.get(0).trim()),
                        Integer.parseInt(lines.get(3).trim())));
            } catch (IndexOutOfBoundsException | NumberFormatException e) {
                return Optional.of(new Postmaster(-1, -1)); // half-written by a dying server: stale
            }
        }

        /** The live PostgreSQL process with this pid, if it is one (a reused pid is not). */
        Optional<ProcessHandle> process() {
            if (pid <= 0) {
                return Optional.empty();
            }
            return ProcessHandle.of(pid)
                    .filter(DatabaseServer::running)
                    .filter(p ->
                            p.info().command().map(c -> c.endsWith("/postgres")).orElse(false));
        }

        boolean alive() {
            return process().isPresent();
        }
    }
}
