package org.gatehouse.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.gatehouse.GatehouseApplication;
import org.gatehouse.identity.CurrentUser;
import org.gatehouse.identity.TokenName;
import org.gatehouse.identity.TokenService;
import org.gatehouse.identity.UserService;
import org.gatehouse.identity.Username;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.json.JsonMapper;

/**
 * Load generator for submit-and-assess over real HTTP: the server runs in this JVM on a durable
 * embedded PostgreSQL (fsync and synchronous commit on), the client is {@link HttpClient} on
 * loopback. Drafts are created first (not measured); then (1) closed loop: {@code clients}
 * concurrent clients submit as fast as they can; (2) open loop: submissions started at a fixed
 * rate (half of the closed-loop throughput unless given), latency measured from the scheduled
 * start so queueing counts. Deals are spread over 500 companies and 20 countries.
 * Run with {@code bench/submit.sh [submissions] [clients] [rate]}; not part of the test suite.
 */
public final class SubmitBenchmark {

    private static final String[] COUNTRIES = {
        "SA", "AE", "QA", "KW", "IN", "BR", "MX", "SG", "MY", "ID", "TH", "VN", "KE", "NG", "ZA", "EG", "TR", "PL",
        "FR", "JP"
    };

    private SubmitBenchmark() {}

    public static void main(String[] args) throws Exception {
        int submissions = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int clients = args.length > 1 ? Integer.parseInt(args[1]) : 32;
        Path data = Path.of("target", "bench-submit");
        deleteRecursively(data);
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
            String token = context.getBean(TokenService.class)
                    .create(
                            CurrentUser.system("bench"),
                            users.getByUsername(CurrentUser.system("bench"), new Username("exporter"))
                                    .id(),
                            new TokenName("benchmark"),
                            null)
                    .secret()
                    .value();
            Client client = new Client(port, token);
            System.out.printf(
                    "machine: %d cores, %s; server and client in one JVM; embedded PostgreSQL, fsync on%n",
                    Runtime.getRuntime().availableProcessors(), Runtime.version());

            List<String> drafts = client.createDrafts(submissions * 2 + 2_000, clients);
            ConcurrentLinkedQueue<String> queue = new ConcurrentLinkedQueue<>(drafts);
            client.closedLoop(queue, 1_000, clients, "warm-up"); // JIT, pools, caches
            double throughput = client.closedLoop(queue, submissions, clients, "closed loop");
            double rate = args.length > 2 ? Double.parseDouble(args[2]) : Math.floor(throughput / 2);
            client.openLoop(queue, (int) Math.min(submissions, rate * 20), rate);
        }
    }

    private record Client(HttpClient http, String base, String token) {

        Client(int port, String token) {
            this(
                    HttpClient.newBuilder()
                            .connectTimeout(Duration.ofSeconds(10))
                            .executor(Executors.newVirtualThreadPerTaskExecutor())
                            .build(),
                    "http://127.0.0.1:" + port,
                    token);
        }

        List<String> createDrafts(int count, int clients) throws Exception {
            AtomicInteger next = new AtomicInteger();
            ConcurrentLinkedQueue<String> ids = new ConcurrentLinkedQueue<>();
            long started = System.nanoTime();
            try (ExecutorService pool = Executors.newFixedThreadPool(clients)) {
                List<Future<?>> futures = new ArrayList<>();
                for (int c = 0; c < clients; c++) {
                    futures.add(pool.submit(() -> {
                        for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                            HttpResponse<String> response = send("POST", "/api/v1/applications", deal(i));
                            if (response.statusCode() != 201) {
                                throw new IllegalStateException(
                                        "create: " + response.statusCode() + " " + response.body());
                            }
                            ids.add(JsonMapper.shared()
                                    .readTree(response.body())
                                    .get("id")
                                    .asString());
                        }
                        return null;
                    }));
                }
                for (Future<?> future : futures) {
                    future.get();
                }
            }
            System.out.printf(
                    "created %,d drafts in %.1f s (not measured)%n", count, (System.nanoTime() - started) / 1e9);
            return new ArrayList<>(ids);
        }

        double closedLoop(ConcurrentLinkedQueue<String> drafts, int count, int clients, String name) throws Exception {
            long[] latencies = new long[count];
            AtomicInteger next = new AtomicInteger();
            long started = System.nanoTime();
            try (ExecutorService pool = Executors.newFixedThreadPool(clients)) {
                List<Future<?>> futures = new ArrayList<>();
                for (int c = 0; c < clients; c++) {
                    futures.add(pool.submit(() -> {
                        for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                            long t0 = System.nanoTime();
                            submit(drafts.poll());
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
            double throughput = count / seconds;
            report(name + ", " + clients + " clients", count, seconds, latencies);
            return throughput;
        }

        void openLoop(ConcurrentLinkedQueue<String> drafts, int count, double rate) throws Exception {
            long[] latencies = new long[count];
            long intervalNanos = (long) (1e9 / rate);
            AtomicLong failures = new AtomicLong();
            long started = System.nanoTime();
            try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
                for (int i = 0; i < count; i++) {
                    long scheduled = started + i * intervalNanos;
                    long wait = scheduled - System.nanoTime();
                    if (wait > 0) {
                        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                    }
                    int index = i;
                    String draft = drafts.poll();
                    pool.submit(() -> {
                        try {
                            submit(draft);
                        } catch (Exception e) {
                            failures.incrementAndGet();
                        }
                        latencies[index] = System.nanoTime() - scheduled; // includes any queueing
                    });
                }
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            report(String.format("open loop at %.0f/s", rate), count, seconds, latencies);
            if (failures.get() > 0) {
                System.out.printf("  %d submissions failed%n", failures.get());
            }
        }

        private void submit(String draft) throws IOException, InterruptedException {
            HttpResponse<String> response = send("POST", "/api/v1/applications/" + draft + "/submit", null);
            if (response.statusCode() != 200) {
                throw new IllegalStateException("submit: " + response.statusCode() + " " + response.body());
            }
        }

        private HttpResponse<String> send(String method, String path, String json)
                throws IOException, InterruptedException {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                    .timeout(Duration.ofSeconds(60))
                    .header("Authorization", "Bearer " + token)
                    .method(
                            method,
                            json == null
                                    ? HttpRequest.BodyPublishers.noBody()
                                    : HttpRequest.BodyPublishers.ofString(json));
            if (json != null) {
                request.header("Content-Type", "application/json");
            }
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }

        private static String deal(int i) {
            String country = COUNTRIES[i % COUNTRIES.length];
            String company = "Bench Company " + (i * 7919 % 500);
            String[] items = {"GB300", "H100", "B200", "HGX H200", "MI355X"};
            return """
                    {"endUser": {"name": "%s %s", "ultimateParent": "%s", "country": "%s"}, "destination": "%s",
                     "endUse": "AI training", "lines": [{"item": "%s", "quantity": %d}]}""".formatted(
                            company, country, company, country, country, items[i % items.length], 1 + (i * 31) % 400);
        }
    }

    private static void report(String name, int count, double seconds, long[] latencies) {
        long[] sorted = latencies.clone();
        Arrays.sort(sorted);
        System.out.printf(
                "%s: %,d submissions in %.2f s = %,.0f/s; latency p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                name,
                count,
                seconds,
                count / seconds,
                sorted[count / 2] / 1e6,
                sorted[(int) (count * 0.99)] / 1e6,
                sorted[count - 1] / 1e6);
    }

    static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> files = Files.walk(path)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }
}
