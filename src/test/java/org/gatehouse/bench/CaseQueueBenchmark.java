package org.gatehouse.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import org.gatehouse.GatehouseApplication;
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
 * The officer's queue under load: {@code cases} open cases (default 100,000, spread over companies, countries, tiers
 * and deadlines, each with its opening event) in a durable embedded database, then the first page of the queue sorted
 * by urgency requested over HTTP, one request at a time, {@code requests} times after a warm-up. Prints the median and
 * p99 server round trip. Run with {@code bench/cases.sh [cases] [requests]}; not part of the test suite.
 */
public final class CaseQueueBenchmark {

    private CaseQueueBenchmark() {}

    public static void main(String[] args) throws Exception {
        int cases = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int requests = args.length > 1 ? Integer.parseInt(args[1]) : 1_000;
        Path data = Path.of("target", "bench-cases");
        SubmitBenchmark.deleteRecursively(data);
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(GatehouseApplication.class)
                .properties(Map.of(
                        "gatehouse.database.data-dir", data.toString(),
                        "server.port", "0",
                        "gatehouse.demo", "true",
                        "gatehouse.demo-password", "benchmark password",
                        "logging.level.root", "WARN"))
                .run()) {
            int port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
            fill(context, cases);
            UserService users = context.getBean(UserService.class);
            CurrentUser system = CurrentUser.system("bench");
            String token = context.getBean(TokenService.class)
                    .create(
                            system,
                            users.getByUsername(system, new Username("officer")).id(),
                            new TokenName("bench"),
                            null)
                    .secret()
                    .value();
            HttpClient http = HttpClient.newBuilder()
                    .connectTimeout(Duration.ofSeconds(10))
                    .build();
            String[] queries = {
                "/api/v1/cases?queue=open&sort=urgency&limit=50",
                "/api/v1/cases?queue=overdue&sort=urgency&limit=50",
                "/api/v1/cases?queue=open&sort=urgency&destination=SA&limit=50",
            };
            System.out.printf(
                    "machine: %d cores, %s; %,d open cases; server and client in one JVM, one request at a time%n",
                    Runtime.getRuntime().availableProcessors(), Runtime.version(), cases);
            for (String query : queries) {
                measure(http, port, token, query, 200); // warm-up: JIT, pools, plan cache
                long[] nanos = measure(http, port, token, query, requests);
                Arrays.sort(nanos);
                System.out.printf(
                        "%-60s median %.2f ms, p99 %.2f ms (%d requests)%n",
                        query, nanos[nanos.length / 2] / 1e6, nanos[(int) (nanos.length * 0.99)] / 1e6, requests);
            }
        }
    }

    private static long[] measure(HttpClient http, int port, String token, String query, int count) throws Exception {
        long[] nanos = new long[count];
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + query))
                .header("Authorization", "Bearer " + token)
                .GET()
                .build();
        for (int i = 0; i < count; i++) {
            long started = System.nanoTime();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            nanos[i] = System.nanoTime() - started;
            if (response.statusCode() != 200 || response.body().length() < 100) {
                throw new IllegalStateException(response.statusCode() + " " + response.body());
            }
        }
        return nanos;
    }

    /** Inserts the applications and their open cases in bulk, as the schema's owner (not measured). */
    private static void fill(ConfigurableApplicationContext context, int cases) {
        long started = System.nanoTime();
        JdbcClient owner =
                JdbcClient.create(context.getBean(DatabaseServer.class).ownerDataSource());
        String org = owner.sql("SELECT id::text FROM organization WHERE kind = 'EXPORTER' LIMIT 1")
                .query(String.class)
                .single();
        owner.sql("""
                INSERT INTO application (id, organization_id, state, version, created_by, created_at, updated_at,
                    submitted_at, destination, end_user, company_key, company, content, policy_id, policy_version,
                    policy_sha256, outcome, tier, review_path, controlled_tpp, assessment, applicant_assessment)
                SELECT md5('bench' || i)::uuid, CAST(:org AS uuid), 'SUBMITTED', 2, 'exporter',
                       now() - make_interval(days => i % 120), now(), now() - make_interval(days => i % 120),
                       (ARRAY['SA','AE','IN','BR','VN','MY','KE','MX'])[1 + i % 8], 'Bench Cloud ' || (i % 5000),
                       'bench company ' || (i % 5000), 'Bench Company ' || (i % 5000), '{}'::jsonb,
                       'us-global-2026-draft', '1', repeat('0', 64), 'LICENSE_REQUIRED',
                       (ARRAY['T2','T3'])[1 + i % 2], (ARRAY['STANDARD','G2G'])[1 + i % 2], 79160000,
                       '{"requirements":["BUYER_PREAPPROVAL"]}'::jsonb, '{"requirements":["BUYER_PREAPPROVAL"]}'::jsonb
                FROM generate_series(1, :n) AS i
                """).param("org", org).param("n", cases).update();
        owner.sql("""
                INSERT INTO review_case (application_id, organization_id, state, version, registered_at, due_at,
                    updated_at, policy_id, policy_version, policy_sha256, outcome, tier, review_path, requirements,
                    controlled_tpp, end_user, end_user_key, company, company_key, destination)
                SELECT id, organization_id, 'IN_REVIEW', 1, submitted_at, submitted_at + interval '9 days', now(),
                       policy_id, policy_version, policy_sha256, outcome, tier, review_path, '{BUYER_PREAPPROVAL}',
                       controlled_tpp, end_user, lower(end_user), company, company_key, destination
                FROM application WHERE created_by = 'exporter' AND content = '{}'::jsonb
                """).update();
        owner.sql("""
                INSERT INTO case_event (application_id, seq, type, at, actor, payload)
                SELECT application_id, 1, 'Opened', registered_at, 'system',
                       jsonb_build_object('at', to_char(registered_at AT TIME ZONE 'UTC',
                           'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'), 'by', 'system')
                FROM review_case WHERE end_user LIKE 'Bench Cloud %'
                """).update();
        owner.sql("ANALYZE").update();
        System.out.printf(
                "filled %,d open cases in %.1f s (not measured)%n", cases, (System.nanoTime() - started) / 1e9);
    }
}
