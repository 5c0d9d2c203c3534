package org.gatehouse.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.gatehouse.GatehouseApplication;
import org.gatehouse.identity.CurrentUser;
import org.gatehouse.identity.TokenName;
import org.gatehouse.identity.TokenService;
import org.gatehouse.identity.UserService;
import org.gatehouse.identity.Username;
import org.gatehouse.licensing.TestLicences;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Latency of a shipment report over real HTTP: the server runs in this JVM on a durable embedded PostgreSQL (fsync
 * and synchronous commit on), the client is {@link HttpClient} on loopback. Licences are issued first, in process,
 * as the case workflow issues them (not measured); then (1) one client reports shipments one after the other — the
 * latency a holder sees — and (2) {@code clients} clients report at once against different licences. Each report
 * draws one H100 from a licence: row lock, drawdown, ledger movement AUTHORIZED → SHIPPED, shipment row, audit event,
 * commit. Run with {@code bench/shipments.sh [shipments] [clients] [licences]}; not part of the test suite.
 */
public final class ShipmentBenchmark {

    private ShipmentBenchmark() {}

    public static void main(String[] args) throws Exception {
        int shipments = args.length > 0 ? Integer.parseInt(args[0]) : 5_000;
        int clients = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        int licenceCount = args.length > 2 ? Integer.parseInt(args[2]) : 200;
        Path data = Path.of("target", "bench-shipments");
        SubmitBenchmark.deleteRecursively(data);
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(GatehouseApplication.class)
                .properties(Map.of(
                        "gatehouse.database.data-dir",
                        data.toString(),
                        "server.port",
                        "0",
                        "gatehouse.demo",
                        "true",
                        "gatehouse.demo-password",
                        "benchmark password",
                        "logging.level.root",
                        "WARN",
                        "gatehouse.database.pool-connections-max",
                        System.getProperty("bench.pool", "8")))
                .run()) {
            int port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
            UserService users = context.getBean(UserService.class);
            CurrentUser system = CurrentUser.system("bench");
            String token = context.getBean(TokenService.class)
                    .create(
                            system,
                            users.getByUsername(system, new Username("exporter"))
                                    .id(),
                            new TokenName("benchmark"),
                            null)
                    .secret()
                    .value();
            System.out.printf(
                    "machine: %d cores, %s; server and client in one JVM; embedded PostgreSQL, fsync on%n",
                    Runtime.getRuntime().availableProcessors(), Runtime.version());

            long started = System.nanoTime();
            List<String> licences = new ArrayList<>(licenceCount);
            for (int i = 0; i < licenceCount; i++) {
                licences.add(
                        TestLicences.issue(context, TestLicences.aDeal("SA", TestLicences.units("H100", 1_000_000)))
                                .number());
            }
            System.out.printf(
                    "issued %,d licences in %.1f s (not measured)%n",
                    licenceCount, (System.nanoTime() - started) / 1e9);

            Client client = new Client(port, token, licences);
            client.run(Math.min(2_000, shipments), 1, "warm-up, 1 client");
            client.run(shipments, 1, "one client, one report at a time");
            client.run(shipments, clients, clients + " clients at once");
        }
    }

    private record Client(HttpClient http, String base, String token, List<String> licences) {

        Client(int port, String token, List<String> licences) {
            this(
                    HttpClient.newBuilder()
                            .connectTimeout(Duration.ofSeconds(10))
                            .executor(Executors.newVirtualThreadPerTaskExecutor())
                            .build(),
                    "http://127.0.0.1:" + port,
                    token,
                    licences);
        }

        void run(int count, int clients, String name) throws Exception {
            long[] latencies = new long[count];
            AtomicInteger next = new AtomicInteger();
            String body = """
                    {"shippedOn": "%s", "lines": [{"item": "H100", "quantity": 1, "valueUsd": 30000.00}]}""".formatted(LocalDate.now(ZoneOffset.UTC));
            long started = System.nanoTime();
            try (ExecutorService pool = Executors.newFixedThreadPool(clients)) {
                List<Future<?>> futures = new ArrayList<>();
                for (int c = 0; c < clients; c++) {
                    futures.add(pool.submit(() -> {
                        for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                            // Spread over the licences: concurrent clients mostly hold different licence rows.
                            String licence = licences.get(i % licences.size());
                            long t0 = System.nanoTime();
                            ship(licence, body);
                            latencies[i] = System.nanoTime() - t0;
                        }
                        return null;
                    }));
                }
                for (Future<?> future : futures) {
                    future.get();
                }
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            long[] sorted = latencies.clone();
            Arrays.sort(sorted);
            System.out.printf(
                    "%s: %,d shipments in %.2f s = %,.0f/s; latency p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                    name,
                    count,
                    seconds,
                    count / seconds,
                    sorted[count / 2] / 1e6,
                    sorted[(int) (count * 0.99)] / 1e6,
                    sorted[count - 1] / 1e6);
        }

        private void ship(String licence, String body) throws IOException, InterruptedException {
            HttpRequest request = HttpRequest.newBuilder(
                            URI.create(base + "/api/v1/licences/" + licence + "/shipments"))
                    .timeout(Duration.ofSeconds(60))
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 201) {
                throw new IllegalStateException("shipment: " + response.statusCode() + " " + response.body());
            }
        }
    }
}
