package org.gatehouse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.gatehouse.system.DatabaseServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs {@code gatehouse serve} as a separate process, as a user would, and kills it both ways.
 */
class ServeLifecycleIntegrationTests {

    private static final Duration STARTUP_MAX = Duration.ofSeconds(90);

    @TempDir
    Path temp;

    private final List<Process> started = new ArrayList<>();
    private final Map<Process, Integer> ports = new HashMap<>();

    @AfterEach
    void killLeftovers() {
        started.forEach(Process::destroyForcibly);
    }

    @Test
    void survivesSigkillWithItsDataAndStopsCleanlyOnSigterm() throws Exception {
        Path data = temp.resolve("data");

        Process first = serve(data, "first.log");
        int firstPort = awaitHealthy(first);
        // The first start audits itself and the import of the bundled screening lists (nine events in all).
        assertThat(verify(data)).contains("Events:   9").contains("OK: every event verifies");
        long leftoverPostgres = postmasterPid(data);

        first.destroyForcibly(); // SIGKILL: no shutdown hook runs, PostgreSQL is left running
        assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(ProcessHandle.of(leftoverPostgres).map(DatabaseServer::running))
                .contains(true);
        assertThat(health(firstPort)).isEmpty();

        Process second = serve(data, "second.log");
        awaitHealthy(second);
        assertThat(ProcessHandle.of(leftoverPostgres).filter(DatabaseServer::running))
                .isEmpty();
        assertThat(verify(data)).contains("Events:   10").contains("OK: every event verifies");
        long secondPostgres = postmasterPid(data);

        second.destroy(); // SIGTERM: graceful shutdown, embedded PostgreSQL stopped
        assertThat(second.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(ProcessHandle.of(secondPostgres).filter(DatabaseServer::running))
                .isEmpty();
        assertThat(data.resolve("postgres/postmaster.pid")).doesNotExist();
        // PostgreSQL stops last, after the beans that still write to it on close (the event publication registry).
        assertThat(Files.readString(temp.resolve("second.log")))
                .contains("Graceful shutdown complete")
                .doesNotContain("Invocation of destroy method failed");

        assertThat(verify(data)).contains("Events:   10").contains("OK: every event verifies");
    }

    private Process serve(Path data, String logName) throws IOException {
        String java = ProcessHandle.current().info().command().orElseThrow();
        int port = freePort();
        ProcessBuilder builder = new ProcessBuilder(
                java,
                "-cp",
                System.getProperty("java.class.path"),
                "org.gatehouse.Gatehouse",
                "serve",
                "--port",
                String.valueOf(port),
                "--data-dir",
                data.toString());
        builder.redirectErrorStream(true).redirectOutput(temp.resolve(logName).toFile());
        builder.environment().remove("GATEHOUSE_DB_URL");
        Process process = builder.start();
        started.add(process);
        ports.put(process, port);
        return process;
    }

    /** Waits for /actuator/health to answer UP and returns the port the process serves on. */
    private int awaitHealthy(Process process) throws Exception {
        int port = ports.get(process);
        long deadline = System.nanoTime() + STARTUP_MAX.toNanos();
        while (System.nanoTime() < deadline) {
            assertThat(process.isAlive()).as("server process exited early").isTrue();
            if (health(port).filter(body -> body.contains("\"status\":\"UP\"")).isPresent()) {
                return port;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("server not healthy within " + STARTUP_MAX);
    }

    private static Optional<String> health(int port) {
        try (HttpClient client = HttpClient.newHttpClient()) {
            HttpResponse<String> response = client.send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health"))
                            .timeout(Duration.ofSeconds(2))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? Optional.of(response.body()) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private static String verify(Path data) {
        CommandLineRunner verified = CommandLineRunner.run("audit", "verify", "--data-dir", data.toString());
        assertThat(verified.status()).as(verified.out() + verified.err()).isZero();
        return verified.out();
    }

    private static long postmasterPid(Path data) throws IOException {
        return Long.parseLong(Files.readAllLines(data.resolve("postgres/postmaster.pid"))
                .getFirst()
                .trim());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
