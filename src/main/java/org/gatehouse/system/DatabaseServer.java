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
 * <p>The data directory holds {@code postgres/} (the cluster) and {@code gatehouse.lock}, a file
 * lock held by the process that runs the embedded server. A second process on the same directory
 * (for example {@code gatehouse audit verify} while {@code serve} runs) finds the lock taken and
 * connects to the running server instead of starting another one.
 */
public final class DatabaseServer implements AutoCloseable {

    /** Name of the database that Gatehouse creates inside the embedded cluster. */
    public static final String DATABASE_NAME = "gatehouse";

    private static final Logger log = LoggerFactory.getLogger(DatabaseServer.class);
    private static final String SUPERUSER = "postgres";
    private static final Duration STARTUP_WAIT = Duration.ofSeconds(60);
    private static final Duration ORPHAN_STOP_WAIT = Duration.ofSeconds(30);

    private final String jdbcUrl;
    private final String user;
    private final String password;
    private final String description;
    private final EmbeddedPostgres embedded;
    private final FileChannel lockChannel;

    private DatabaseServer(
            String jdbcUrl,
            String user,
            String password,
            String description,
            EmbeddedPostgres embedded,
            FileChannel lockChannel) {
        this.jdbcUrl = jdbcUrl;
        this.user = user;
        this.password = password;
        this.description = description;
        this.embedded = embedded;
        this.lockChannel = lockChannel;
    }

    /** Connects to the external server, attaches to a running embedded one, or starts the embedded one. */
    public static DatabaseServer open(DatabaseSettings settings) {
        if (settings.external()) {
            return new DatabaseServer(
                    settings.url(),
                    settings.user(),
                    settings.password(),
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
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(directory.resolve("postgres"))
                .setCleanDataDirectory(true)
                .setServerConfig("fsync", "off") // throw-away data: durability buys nothing here
                .setServerConfig("max_connections", "200")
                .setPGStartupWait(STARTUP_WAIT)
                .start();
        return started(postgres, "ephemeral embedded PostgreSQL in " + directory, null);
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
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(cluster)
                    .setCleanDataDirectory(false)
                    // The embedded library turns fsync and synchronous commit off for tests; this
                    // data is meant to last: a commit is acknowledged only once it is on disk.
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("max_connections", "200")
                    .setPGStartupWait(STARTUP_WAIT)
                    .start();
            return started(postgres, "embedded PostgreSQL in " + cluster, lockChannel);
        } catch (IOException | RuntimeException e) {
            lockChannel.close();
            throw e;
        }
    }

    private static DatabaseServer started(EmbeddedPostgres postgres, String description, FileChannel lockChannel)
            throws IOException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection()) {
            createDatabaseIfMissing(connection);
        } catch (SQLException e) {
            postgres.close();
            throw new IOException("could not create the '" + DATABASE_NAME + "' database: " + e.getMessage(), e);
        }
        String url = "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + DATABASE_NAME;
        log.info("Database: {} on port {}", description, postgres.getPort());
        return new DatabaseServer(url, SUPERUSER, null, description, postgres, lockChannel);
    }

    /** Another live process holds the data directory: use the server it started (read from postmaster.pid). */
    private static DatabaseServer attach(Path directory, Path cluster) throws IOException {
        Optional<Postmaster> postmaster = Postmaster.read(cluster).filter(Postmaster::alive);
        if (postmaster.isEmpty()) {
            throw new IOException("the data directory " + directory
                    + " is locked by another Gatehouse process, but its database is not running (yet); try again");
        }
        String url = "jdbc:postgresql://localhost:" + postmaster.get().port() + "/" + DATABASE_NAME;
        return new DatabaseServer(
                url,
                SUPERUSER,
                null,
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
            create.execute("CREATE DATABASE " + DATABASE_NAME + " ENCODING 'UTF8' TEMPLATE template0");
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

    /** Where the data is, for logs and the CLI (never includes a password). */
    public String description() {
        return description;
    }

    /** An unpooled data source, for the CLI's short-lived commands. The server uses a pool. */
    public DataSource dataSource() {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(jdbcUrl);
        if (user != null) {
            dataSource.setUser(user);
        }
        if (password != null) {
            dataSource.setPassword(password);
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
