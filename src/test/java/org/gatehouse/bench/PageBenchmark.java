package org.gatehouse.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.gatehouse.GatehouseApplication;
import org.gatehouse.Http;
import org.gatehouse.WebSession;
import org.gatehouse.applications.ApplicationContent;
import org.gatehouse.applications.ApplicationService;
import org.gatehouse.applications.LineItem;
import org.gatehouse.applications.Party;
import org.gatehouse.identity.CurrentUser;
import org.gatehouse.identity.UserService;
import org.gatehouse.identity.Username;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Server time of the web UI's pages, as a browser asks for them: the server runs in this JVM on a fresh durable
 * embedded PostgreSQL with the demo world ({@code --demo}) and {@code applications} more submitted applications of the demo exporter spread over 200
 * companies and 20 countries (not measured); then each page is requested {@code requests} times in a row over
 * loopback, after as many warm-up requests, and the median and 90th percentile of the response time are printed,
 * slowest page first. Run with {@code bench/pages.sh [applications] [requests]}; not part of the test suite.
 */
public final class PageBenchmark {

    private static final String[] COUNTRIES = {
        "SA", "AE", "QA", "KW", "IN", "BR", "MX", "SG", "MY", "ID", "TH", "VN", "KE", "NG", "ZA", "EG", "TR", "PL",
        "FR", "JP"
    };
    private static final String PASSWORD = "benchmark password";

    private PageBenchmark() {}

    public static void main(String[] args) throws Exception {
        int applications = args.length > 0 ? Integer.parseInt(args[0]) : 2_000;
        int requests = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        Path data = Path.of("target", "bench-pages");
        deleteRecursively(data);
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(GatehouseApplication.class)
                .properties(Map.of(
                        "gatehouse.database.data-dir", data.toString(),
                        "server.port", "0",
                        "gatehouse.demo", "true",
                        "gatehouse.demo-password", PASSWORD,
                        "logging.level.root", "WARN"))
                .run()) {
            int port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
            String application = seed(context, applications);
            System.out.printf(
                    "machine: %d cores, %s; server and client in one JVM; embedded PostgreSQL, fsync on;"
                            + " %,d submitted applications; %d requests per page after %d warm-up requests%n",
                    Runtime.getRuntime().availableProcessors(), Runtime.version(), applications, requests, requests);

            WebSession exporter = signedIn(port, "exporter");
            WebSession officer = signedIn(port, "officer");
            WebSession auditor = signedIn(port, "auditor");
            WebSession agency = signedIn(port, "state");
            WebSession holder = signedIn(port, "nvidia");
            WebSession inspector = signedIn(port, "inspector");
            JdbcClient jdbc = JdbcClient.create(context.getBean(javax.sql.DataSource.class));
            // The demo world's busiest case (most events) and licence (most shipments), and the holder's licence.
            String busyCase = jdbc.sql("SELECT application_id::text FROM case_event GROUP BY application_id"
                            + " ORDER BY count(*) DESC, application_id LIMIT 1")
                    .query(String.class)
                    .single();
            String licence = jdbc.sql(
                            "SELECT l.number FROM licence l LEFT JOIN shipment s ON s.licence_number = l.number"
                                    + " GROUP BY l.number ORDER BY count(s.id) DESC, l.number LIMIT 1")
                    .query(String.class)
                    .single();
            String holderLicence = jdbc.sql(
                            "SELECT l.number FROM licence l JOIN organization o ON o.id = l.organization_id"
                                    + " WHERE o.name = 'NVIDIA Corporation' ORDER BY l.number LIMIT 1")
                    .query(String.class)
                    .single();
            Map<String, Supplier<Http.Response>> pages = new LinkedHashMap<>();
            pages.put("GET / (exporter: drafts, submissions)", () -> exporter.open("/"));
            pages.put("GET / (officer: national totals, submissions)", () -> officer.open("/"));
            pages.put("GET /assess", () -> exporter.open("/assess"));
            pages.put("POST /assess/preview (live preview)", () -> exporter.post("/assess/preview", deal()));
            pages.put(
                    "GET /applications (exporter, sorted by company)",
                    () -> exporter.open("/applications?sort=company&dir=asc"));
            pages.put(
                    "GET /applications (officer, page 10, by submission)",
                    () -> officer.open("/applications?sort=submitted&page=10"));
            pages.put("GET /applications/{id}", () -> exporter.open("/applications/" + application));
            pages.put("GET /compute (chart + table)", () -> officer.open("/compute"));
            pages.put("GET /compute/SA (companies, line)", () -> officer.open("/compute/SA"));
            pages.put(
                    "POST /lab (pipeline under 2 policies)",
                    () -> officer.upload(
                            "/lab",
                            Map.of(
                                    "source",
                                    List.of("pipeline"),
                                    "policies",
                                    List.of("us-global-2026-draft", "us-global-2026-draft-alt")),
                            null,
                            null,
                            null));
            // The pre-approval with the most inspections, and the UAE's agreement (tranches, shortfall, draws).
            String preApproval = jdbc.sql(
                            "SELECT p.id::text FROM preapproval p LEFT JOIN inspection i ON i.preapproval_id = p.id"
                                    + " GROUP BY p.id ORDER BY count(i.id) DESC, p.id LIMIT 1")
                    .query(String.class)
                    .single();
            String agreement = jdbc.sql("SELECT id::text FROM agreement WHERE country = 'AE'")
                    .query(String.class)
                    .single();
            pages.put("GET /preapprovals (officer)", () -> officer.open("/preapprovals"));
            pages.put(
                    "GET /preapprovals/{id} (officer: most inspections)",
                    () -> officer.open("/preapprovals/" + preApproval));
            pages.put("GET /inspections (inspector)", () -> inspector.open("/inspections"));
            pages.put("GET /agreements (officer)", () -> officer.open("/agreements"));
            pages.put("GET /agreements/{id} (officer: the UAE's)", () -> officer.open("/agreements/" + agreement));
            pages.put("GET /cases (officer: the queue by urgency)", () -> officer.open("/cases"));
            pages.put("GET /cases?queue=overdue (officer)", () -> officer.open("/cases?queue=overdue"));
            pages.put("GET /cases/{id} (officer: the busiest demo case)", () -> officer.open("/cases/" + busyCase));
            pages.put("GET /cases (agency: referred to it)", () -> agency.open("/cases"));
            pages.put("GET / (agency)", () -> agency.open("/"));
            pages.put("GET /licences (officer)", () -> officer.open("/licences"));
            pages.put("GET /licences/{number} (officer: most shipments)", () -> officer.open("/licences/" + licence));
            pages.put("GET /licences (holder)", () -> holder.open("/licences"));
            pages.put("GET /licences/{number} (holder)", () -> holder.open("/licences/" + holderLicence));
            pages.put("GET / (holder: NVIDIA)", () -> holder.open("/"));
            pages.put("GET /exemptions (officer)", () -> officer.open("/exemptions"));
            pages.put("GET /licences/revenue-share (officer)", () -> officer.open("/licences/revenue-share"));
            pages.put("GET /licences/revenue-share (holder)", () -> holder.open("/licences/revenue-share"));
            pages.put("GET /audit (newest 50)", () -> auditor.open("/audit"));
            pages.put(
                    "GET /audit (one application's events)",
                    () -> auditor.open("/audit?entityType=application&entityId=" + application));

            List<String[]> results = new ArrayList<>();
            for (Map.Entry<String, Supplier<Http.Response>> page : pages.entrySet()) {
                for (int i = 0; i < requests; i++) {
                    check(page.getKey(), page.getValue().get());
                }
                long[] nanos = new long[requests];
                for (int i = 0; i < requests; i++) {
                    long started = System.nanoTime();
                    Http.Response response = page.getValue().get();
                    nanos[i] = System.nanoTime() - started;
                    check(page.getKey(), response);
                }
                Arrays.sort(nanos);
                results.add(new String[] {
                    page.getKey(),
                    String.format("%.1f", nanos[requests / 2] / 1e6),
                    String.format("%.1f", nanos[(int) Math.min(requests - 1, Math.ceil(requests * 0.9) - 1)] / 1e6)
                });
            }
            results.sort(Comparator.comparingDouble((String[] r) -> Double.parseDouble(r[1]))
                    .reversed());
            System.out.printf("%-58s %10s %10s%n", "page", "median ms", "p90 ms");
            for (String[] r : results) {
                System.out.printf("%-58s %10s %10s%n", r[0], r[1], r[2]);
            }
        }
    }

    /** Submitted applications of the demo exporter, through the service (not measured); returns one id. */
    private static String seed(ConfigurableApplicationContext context, int count) {
        UserService users = context.getBean(UserService.class);
        ApplicationService service = context.getBean(ApplicationService.class);
        CurrentUser system = CurrentUser.system("bench");
        CurrentUser exporter = users.currentUser(
                        users.getByUsername(system, new Username("exporter")).id())
                .orElseThrow();
        String last = null;
        long started = System.nanoTime();
        for (int i = 0; i < count; i++) {
            String country = COUNTRIES[i % COUNTRIES.length];
            ApplicationContent content = new ApplicationContent(
                    "bench-" + i,
                    null,
                    List.of(),
                    null,
                    new Party("Cloud " + (i % 200), "Holding " + (i % 200), country, null),
                    country,
                    null,
                    "AI training",
                    null,
                    List.of(new LineItem("GB300", null, 50 + (i * 37L) % 3_000)),
                    List.of());
            var draft = service.create(exporter, content, null, "bench-" + i).application();
            last = service.submit(exporter, draft.id(), draft.version(), null)
                    .application()
                    .id()
                    .toString();
        }
        System.out.printf(
                "seeded %,d submitted applications in %.1f s (not measured)%n",
                count, (System.nanoTime() - started) / 1e9);
        return last;
    }

    private static WebSession signedIn(int port, String username) {
        WebSession session = new WebSession(port);
        Http.Response response = session.signIn(username, PASSWORD);
        if (response.status() != 302) {
            throw new IllegalStateException("sign-in of " + username + ": " + response.status());
        }
        return session;
    }

    private static Map<String, String> deal() {
        return Map.of(
                "endUser.name", "Bench Cloud",
                "endUser.ultimateParent", "Holding 7",
                "destination", "SA",
                "endUse", "AI training",
                "lines[0].item", "GB300",
                "lines[0].quantity", "1500");
    }

    private static void check(String page, Http.Response response) {
        if (response.status() != 200) {
            throw new IllegalStateException(page + ": " + response.status());
        }
    }

    private static void deleteRecursively(Path path) throws java.io.IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (var files = Files.walk(path)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
