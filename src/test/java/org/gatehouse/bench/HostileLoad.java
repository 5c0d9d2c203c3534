package org.gatehouse.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.gatehouse.GatehouseApplication;
import org.gatehouse.RawHttp;
import org.gatehouse.audit.AuditVerifier;
import org.gatehouse.identity.CurrentUser;
import org.gatehouse.identity.TokenName;
import org.gatehouse.identity.TokenService;
import org.gatehouse.identity.UserService;
import org.gatehouse.identity.Username;
import org.gatehouse.system.DatabaseServer;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A hostile load: many clients send malformed and refused requests of every kind the hardening issue names (bad
 * encodings, wildcard and non-ASCII headers, duplicate keys, loose types, forged hosts, stale versions, oversized
 * bodies…) at a server in this JVM on a fresh embedded database. It counts the answers by status; any 5xx, any
 * stored row or audit event, or an audit chain that does not verify afterwards fails the run (exit status 1). Run
 * with {@code bench/hostile.sh [requests=12000] [clients=16]}; not part of the test suite.
 */
public final class HostileLoad {

    private static final String DEAL = """
            {"endUser": {"name": "Hostile Load Cloud", "country": "KE"}, "destination": "KE",
             "endUse": "AI inference", "lines": [{"item": "H100", "quantity": 8}]}""";

    private static final List<String> TABLES =
            List.of("application", "ledger_position", "ledger_movement", "organization", "app_user", "api_token");

    private HostileLoad() {}

    /** One kind of hostile request: its name and how to send it. */
    private record Kind(String name, Function<RawHttp, RawHttp.Response> send) {}

    public static void main(String[] args) throws Exception {
        int requests = args.length > 0 ? Integer.parseInt(args[0]) : 12_000;
        int clients = args.length > 1 ? Integer.parseInt(args[1]) : 16;
        Path data = Path.of("target", "bench-hostile");
        SubmitBenchmark.deleteRecursively(data);
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(GatehouseApplication.class)
                .properties(Map.of(
                        "gatehouse.database.data-dir", data.toString(),
                        "server.port", "0",
                        "gatehouse.demo", "true",
                        "gatehouse.demo-password", "hostile load password",
                        "logging.level.root", "WARN"))
                .run()) {
            int port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
            String exporter = token(context, "exporter");
            String officer = token(context, "officer");
            String admin = token(context, "admin");
            RawHttp setup = new RawHttp(port);
            String draft = setup.post(
                            "/api/v1/applications",
                            DEAL,
                            "Authorization: Bearer " + exporter,
                            "Content-Type: application/json")
                    .json()
                    .get("id")
                    .asString();
            List<Kind> kinds = kinds(exporter, officer, admin, draft);
            JdbcClient jdbc = context.getBean(JdbcClient.class);
            Map<String, Long> before = counts(jdbc);

            Map<String, Map<Integer, AtomicLong>> statuses = new ConcurrentHashMap<>();
            List<String> serverErrors = Collections.synchronizedList(new ArrayList<>());
            long started = System.nanoTime();
            try (ExecutorService pool = Executors.newFixedThreadPool(clients)) {
                List<Future<?>> futures = new ArrayList<>();
                for (int c = 0; c < clients; c++) {
                    int client = c;
                    futures.add(pool.submit(() -> {
                        RawHttp http = new RawHttp(port);
                        for (int i = client; i < requests; i += clients) {
                            Kind kind = kinds.get(i % kinds.size());
                            if (kind.name().equals("oversized body")
                                    && i % (kinds.size() * 20) != kinds.indexOf(kind)) {
                                kind = kinds.getFirst(); // 1.1 MB bodies are sent now and then, not every round
                            }
                            RawHttp.Response response = kind.send().apply(http);
                            statuses.computeIfAbsent(kind.name(), k -> new ConcurrentHashMap<>())
                                    .computeIfAbsent(response.status(), s -> new AtomicLong())
                                    .incrementAndGet();
                            if (response.status() >= 500) {
                                serverErrors.add(kind.name() + ": " + response);
                            }
                        }
                        return null;
                    }));
                }
                for (Future<?> future : futures) {
                    future.get();
                }
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            Map<String, Long> after = counts(jdbc);
            AuditVerifier.Result audit = new AuditVerifier()
                    .verify(context.getBean(DatabaseServer.class).dataSource());

            long total = 0;
            Map<Integer, Long> byStatus = new TreeMap<>();
            System.out.println("kind | statuses");
            for (Map.Entry<String, Map<Integer, AtomicLong>> kind : new TreeMap<>(statuses).entrySet()) {
                Map<Integer, Long> counted = new TreeMap<>();
                kind.getValue().forEach((status, n) -> counted.put(status, n.get()));
                counted.forEach((status, n) -> byStatus.merge(status, n, Long::sum));
                total += counted.values().stream().mapToLong(Long::longValue).sum();
                System.out.println(kind.getKey() + " | " + counted);
            }
            System.out.printf(
                    "%nrequests: %d in %.1f s (%d clients); by status: %s%n", total, seconds, clients, byStatus);
            System.out.println("5xx answers: " + serverErrors.size());
            System.out.println("rows before: " + before);
            System.out.println("rows after:  " + after);
            System.out.println("audit chain: " + audit.eventCount() + " events, "
                    + (audit.ok() ? "verifies" : "FAILS: " + audit.failure().orElseThrow()));
            boolean ok = serverErrors.isEmpty() && before.equals(after) && audit.ok();
            serverErrors.stream().limit(10).forEach(e -> System.out.println("  " + e));
            System.out.println(ok ? "OK" : "FAILED");
            if (!ok) {
                System.exit(1);
            }
        }
    }

    private static List<Kind> kinds(String exporter, String officer, String admin, String draft) {
        String auth = "Authorization: Bearer " + exporter;
        String json = "Content-Type: application/json";
        List<Kind> kinds = new ArrayList<>();
        kinds.add(new Kind("overlong UTF-8 in a public query", h -> h.get("/actuator/health?x=%C0%AF")));
        kinds.add(new Kind("overlong UTF-8 in a filter", h -> h.get("/api/v1/applications?company=%C0%AF", auth)));
        kinds.add(new Kind(
                "bad byte in a ledger query",
                h -> h.get("/api/v1/ledger/countries/SA?limit=%FF", "Authorization: Bearer " + officer)));
        kinds.add(new Kind("truncated percent escape", h -> h.get("/api/v1/applications?state=%", auth)));
        kinds.add(new Kind(
                "wildcard content type", h -> h.post("/api/v1/applications", DEAL, auth, "Content-Type: */*")));
        kinds.add(new Kind(
                "wildcard subtype", h -> h.post("/api/v1/applications", DEAL, auth, "Content-Type: application/*")));
        kinds.add(new Kind(
                "non-ASCII content type",
                h -> h.post("/api/v1/applications", DEAL, auth, "Content-Type: application/json\u00c3\u00a9")));
        kinds.add(new Kind(
                "non-ASCII idempotency key",
                h -> h.post("/api/v1/applications", DEAL, auth, json, "Idempotency-Key: caf\u00c3\u00a9")));
        kinds.add(new Kind(
                "duplicate JSON key",
                h -> h.post(
                        "/api/v1/applications",
                        DEAL.replace("\"quantity\": 8", "\"quantity\": 1, \"quantity\": 100000"),
                        auth,
                        json)));
        kinds.add(new Kind(
                "lone surrogate",
                h -> h.post("/api/v1/applications", DEAL.replace("Hostile Load", "Hostile\\ud800x"), auth, json)));
        kinds.add(new Kind(
                "bidirectional override",
                h -> h.post("/api/v1/applications", DEAL.replace("Hostile Load", "Hostile\\u202eLoad"), auth, json)));
        kinds.add(new Kind(
                "enum as ordinal",
                h -> h.post(
                        "/api/v1/organizations",
                        "{\"name\": \"Ordinal Org\", \"kind\": 1}",
                        "Authorization: Bearer " + admin,
                        json)));
        kinds.add(new Kind(
                "number as a string", h -> h.post("/api/v1/applications", DEAL.replace("\"KE\"}", "12}"), auth, json)));
        kinds.add(new Kind(
                "hexadecimal version",
                h -> h.post("/api/v1/applications/" + draft + "/submit?version=0x1", "", auth, json)));
        kinds.add(new Kind(
                "empty version", h -> h.post("/api/v1/applications/" + draft + "/submit?version=", "", auth, json)));
        kinds.add(new Kind(
                "stale version",
                h -> h.send(
                        "PUT /api/v1/applications/" + draft + " HTTP/1.1\nHost: localhost\n" + auth + "\n" + json,
                        DEAL.replaceFirst("\\{", "{\"version\": 7, ").getBytes(StandardCharsets.UTF_8))));
        kinds.add(new Kind("error path asked directly", h -> h.get("/error", auth)));
        kinds.add(new Kind("encoded NUL in the path", h -> h.get("/api/v1/applications/%00", auth)));
        kinds.add(new Kind("broken escape in the path", h -> h.get("/api/v1/applications/%zz", auth)));
        kinds.add(new Kind("not a UUID", h -> h.get("/api/v1/applications/not-a-uuid", auth)));
        kinds.add(new Kind("forged Host header", h -> h.send("GET / HTTP/1.1\nHost: evil.example", null)));
        kinds.add(new Kind("malformed JSON", h -> h.post("/api/v1/applications", "{\"endUser\": ", auth, json)));
        kinds.add(new Kind(
                "unknown field",
                h -> h.post("/api/v1/applications", DEAL.replaceFirst("\\{", "{\"colour\": \"red\", "), auth, json)));
        kinds.add(new Kind(
                "huge quantity",
                h -> h.post(
                        "/api/v1/applications", DEAL.replace("\"quantity\": 8", "\"quantity\": 1e30"), auth, json)));
        kinds.add(new Kind(
                "fractional quantity",
                h -> h.post("/api/v1/applications", DEAL.replace("\"quantity\": 8", "\"quantity\": 1.5"), auth, json)));
        kinds.add(new Kind(
                "unknown country",
                h -> h.post(
                        "/api/v1/applications",
                        DEAL.replace("\"destination\": \"KE\"", "\"destination\": \"ZZ\""),
                        auth,
                        json)));
        kinds.add(new Kind("no token", h -> h.post("/api/v1/applications", DEAL, json)));
        kinds.add(new Kind(
                "forged token", h -> h.post("/api/v1/applications", DEAL, "Authorization: Bearer gh_forged", json)));
        kinds.add(new Kind("long query", h -> h.get("/api/v1/applications?company=" + "a".repeat(7_000), auth)));
        kinds.add(new Kind(
                "cross-site form without CSRF token",
                h -> h.send(
                        "POST /logout HTTP/1.1\nHost: localhost\nContent-Type: application/x-www-form-urlencoded",
                        "x=1".getBytes(StandardCharsets.UTF_8))));
        kinds.add(new Kind(
                "oversized body",
                h -> h.post("/api/v1/applications", DEAL.replace("AI inference", "y".repeat(1_100_000)), auth, json)));
        return kinds;
    }

    private static Map<String, Long> counts(JdbcClient jdbc) {
        Map<String, Long> counts = new TreeMap<>();
        for (String table : TABLES) {
            counts.put(
                    table,
                    jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single());
        }
        counts.put(
                "audit_event (other than sign-in)",
                jdbc.sql("SELECT count(*) FROM audit_event WHERE action NOT LIKE 'login.%'")
                        .query(Long.class)
                        .single());
        return counts;
    }

    private static String token(ConfigurableApplicationContext context, String username) {
        UserService users = context.getBean(UserService.class);
        CurrentUser system = CurrentUser.system("hostile-load");
        return context.getBean(TokenService.class)
                .create(
                        system,
                        users.getByUsername(system, new Username(username)).id(),
                        new TokenName("hostile"),
                        null)
                .secret()
                .value();
    }
}
