package org.gatehouse;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.gatehouse.identity.TokenName;
import org.gatehouse.identity.TokenService;
import org.gatehouse.identity.UserService;
import org.gatehouse.identity.Username;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The API as the instruments' scenarios use it (pre-approvals, agreements, revenue share): demo accounts by username,
 * deals filed and submitted by the demo exporter, cases waited for, and calls that must succeed.
 */
public final class InstrumentsApi {

    private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();
    private static TokenService issuedBy;

    private final Http http;
    private final TokenService tokens;
    private final UserService users;
    private final JdbcClient jdbc;

    public InstrumentsApi(int port, TokenService tokens, UserService users, JdbcClient jdbc) {
        this.http = new Http(port);
        this.tokens = tokens;
        this.users = users;
        this.jdbc = jdbc;
        synchronized (InstrumentsApi.class) {
            if (issuedBy != tokens) { // a new application context: a new database
                TOKENS.clear();
                issuedBy = tokens;
            }
        }
    }

    public Http http() {
        return http;
    }

    /** An API token of the demo account {@code username}. */
    public String token(String username) {
        return TOKENS.computeIfAbsent(
                username,
                u -> tokens.create(
                                TestCallers.SYSTEM,
                                users.getByUsername(TestCallers.SYSTEM, new Username(u))
                                        .id(),
                                new TokenName("instruments " + u),
                                null)
                        .secret()
                        .value());
    }

    public Http.Response get(String path, String username) {
        return http.get(path, token(username));
    }

    /** A call as {@code username} that must answer 2xx; its JSON. */
    public JsonNode ok(String method, String path, String username, String body) {
        Http.Response response = http.api(method, path, token(username), body);
        assertThat(response.status()).as(method + " " + path + " → " + response).isBetween(200, 299);
        return response.json();
    }

    public JsonNode post(String path, String username, String body) {
        return ok("POST", path, username, body);
    }

    public JsonNode read(String path, String username) {
        return ok("GET", path, username, null);
    }

    /**
     * A fresh company name: {@code prefix} and a whole UUID written in letters (each digit d as the letter 'g' + d, so
     * two UUIDs never give one name and its key stays readable).
     */
    public static String company(String prefix) {
        StringBuilder tag = new StringBuilder(32);
        for (char c : UUID.randomUUID().toString().replace("-", "").toCharArray()) {
            tag.append(c >= '0' && c <= '9' ? (char) ('g' + (c - '0')) : c);
        }
        return prefix + " " + tag;
    }

    /** A deal body: {@code units} of {@code item} for an end user under {@code parent} in {@code destination}. */
    public static String deal(String endUser, String parent, String destination, String item, long units) {
        return """
                {"endUser": {"name": "%s", "ultimateParent": "%s", "country": "%s"}, "destination": "%s",
                 "endUse": "AI training", "valueUsd": 1000000.00,
                 "lines": [{"item": "%s", "quantity": %d}]}""".formatted(endUser, parent, destination, destination, item, units);
    }

    /** Files and submits a deal as the demo exporter; the application's id. */
    public String submitted(String body) {
        JsonNode created = post("/api/v1/applications", "exporter", body);
        String id = created.get("id").asString();
        post("/api/v1/applications/" + id + "/submit", "exporter", null);
        return id;
    }

    /** The case of an application, once the reaction to its submission opened it. */
    public JsonNode caseOf(String id) {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (System.nanoTime() < deadline) {
            Http.Response response = http.get("/api/v1/cases/" + id, token("officer"));
            if (response.status() == 200) {
                return response.json();
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("no case opened for " + id + " within 15 s");
    }

    /** The evidence item of {@code requirement} on a case as the officer reads it. */
    public static JsonNode evidence(JsonNode review, String requirement) {
        for (JsonNode item : review.get("evidence")) {
            if (item.get("requirement").asString().equals(requirement)) {
                return item;
            }
        }
        throw new AssertionError("no evidence for " + requirement + " in " + review.get("evidence"));
    }

    /** Decides a case as the officer; the raw response (an approval may be refused). */
    public Http.Response decide(String id, String decision, long version) {
        return http.post("/api/v1/cases/" + id + "/decision", token("officer"), """
                {"decision": "%s", "reasons": "decided in a test", "version": %d}""".formatted(decision, version));
    }

    public long auditEvents() {
        return jdbc.sql("SELECT count(*) FROM audit_event").query(Long.class).single();
    }
}
