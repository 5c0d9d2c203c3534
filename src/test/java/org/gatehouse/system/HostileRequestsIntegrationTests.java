package org.gatehouse.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.gatehouse.Http;
import org.gatehouse.IntegrationTest;
import org.gatehouse.RawHttp;
import org.gatehouse.TestCallers;
import org.gatehouse.identity.Role;
import org.gatehouse.identity.TokenService;
import org.gatehouse.identity.UserService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Requests a careful attacker sends: malformed encodings, wildcard and non-ASCII headers, duplicate keys, loose types,
 * a forged Host. Each gets a 4xx with a clear problem (or a styled page on the web side), never a 500, and changes
 * nothing.
 */
@IntegrationTest
class HostileRequestsIntegrationTests {

    private static final String DEAL = """
            {"endUser": {"name": "Hostile Test Cloud", "country": "KE"}, "destination": "KE",
             "endUse": "AI inference", "lines": [{"item": "H100", "quantity": 8}]}""";

    @LocalServerPort
    int port;

    @Autowired
    TokenService tokens;

    @Autowired
    UserService users;

    @Autowired
    JdbcClient jdbc;

    RawHttp raw;
    Http http;
    String token;

    @BeforeEach
    void setUp() {
        raw = new RawHttp(port);
        http = new Http(port);
        token = TestCallers.token(tokens, users, Role.APPLICANT);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/actuator/health?x=%C0%AF",
                "/api/v1/applications?company=%C0%AF",
                "/api/v1/ledger/countries/SA?limit=%C0%AF",
                "/api/v1/applications?company=%FF",
                "/api/v1/applications?state=%"
            })
    void aMalformedQueryIsABadRequest(String target) {
        RawHttp.Response response = raw.get(target, "Authorization: Bearer " + token);

        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        if (target.startsWith("/api/")) {
            assertProblem(response, "invalid-input");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"*/*", "application/*", "text/plain", "application/json; charset=nonsense"})
    void aBodyOfAnUnusableMediaTypeIsRefusedAs415(String contentType) {
        long before = applications();

        RawHttp.Response response = raw.post(
                "/api/v1/applications", DEAL, "Authorization: Bearer " + token, "Content-Type: " + contentType);

        assertThat(response.status()).as(response.toString()).isEqualTo(415);
        assertProblem(response, "unsupported-media-type");
        assertThat(applications()).isEqualTo(before);
    }

    @Test
    void aNonAsciiContentTypeOrIdempotencyKeyIsRefused() {
        long before = applications();

        RawHttp.Response contentType = raw.post(
                "/api/v1/applications",
                DEAL,
                "Authorization: Bearer " + token,
                "Content-Type: application/json\u00c3\u00a9");
        RawHttp.Response key = raw.post(
                "/api/v1/applications",
                DEAL,
                "Authorization: Bearer " + token,
                "Content-Type: application/json",
                "Idempotency-Key: caf\u00c3\u00a9");

        assertThat(contentType.status()).as(contentType.toString()).isBetween(400, 415);
        assertThat(key.status()).as(key.toString()).isEqualTo(400);
        assertThat(key.json().get("errors").findValuesAsString("field")).containsExactly("Idempotency-Key");
        assertThat(applications()).isEqualTo(before);
    }

    @Test
    void aDuplicateJsonKeyIsRefusedNamingIt() {
        long before = applications();

        Http.Response response = http.post(
                "/api/v1/applications",
                token,
                DEAL.replace("\"quantity\": 8", "\"quantity\": 1, \"quantity\": 100000"));

        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.json().get("errors").findValuesAsString("field")).containsExactly("lines[0].quantity");
        assertThat(response.json().toString()).contains("more than once");
        assertThat(applications()).isEqualTo(before);
    }

    @Test
    void aLoneSurrogateIsRefusedNotStoredAsAQuestionMark() {
        long before = applications();

        Http.Response response =
                http.post("/api/v1/applications", token, DEAL.replace("Hostile Test Cloud", "Hostile\\ud800x Cloud"));

        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.json().get("errors").findValuesAsString("field")).containsExactly("endUser.name");
        assertThat(applications()).isEqualTo(before);
    }

    @Test
    void numbersAreNotStringsAndEnumsAreNamed() {
        String admin = TestCallers.token(tokens, users, Role.ADMIN);

        Http.Response ordinal = http.post("/api/v1/organizations", admin, """
                {"name": "Ordinal Trading", "kind": 1}""");
        Http.Response number = http.post("/api/v1/users", admin, """
                {"username": "numbers-pw", "displayName": "N", "organizationId": "%s",
                 "roles": ["APPLICANT"], "password": 123456789012345}""".formatted(
                        TestCallers.user(users, Role.APPLICANT).organizationId()));

        assertThat(ordinal.status()).as(ordinal.toString()).isEqualTo(400);
        assertThat(ordinal.json().get("errors").findValuesAsString("field")).containsExactly("kind");
        assertThat(number.status()).as(number.toString()).isEqualTo(400);
        assertThat(number.json().get("errors").findValuesAsString("field")).containsExactly("password");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0x1", "", "+1", "1.0", " 1", "99999999999999999999"})
    void versionsAreDecimalWholeNumbers(String version) {
        Http.Response draft = http.post("/api/v1/applications", token, DEAL);
        String id = draft.json().get("id").asString();

        Http.Response submit = http.post(
                "/api/v1/applications/" + id + "/submit?version="
                        + java.net.URLEncoder.encode(version, java.nio.charset.StandardCharsets.UTF_8),
                token,
                null);

        assertThat(submit.status()).as(submit.toString()).isEqualTo(400);
        assertThat(submit.json().get("errors").findValuesAsString("field")).containsExactly("version");
        assertThat(http.get("/api/v1/applications/" + id, token)
                        .json()
                        .get("state")
                        .asString())
                .isEqualTo("DRAFT");
    }

    @Test
    void aForgedHostIsNotEchoedInRedirects() {
        RawHttp.Response response = raw.send("GET / HTTP/1.1\nHost: evil.example", null);

        assertThat(response.status()).isEqualTo(302);
        assertThat(response.header("Location")).hasValue("/login");
    }

    @Test
    void theErrorPathAnswersAsProblemOrPageNever999() {
        Http.Response api = http.get("/error", token);
        RawHttp.Response nul = raw.get("/api/v1/applications/%00", "Authorization: Bearer " + token);
        Http.Response page = http.page("/error", null);

        assertThat(api.status()).isNotEqualTo(999).isNotEqualTo(500);
        assertThat(api.body()).doesNotContain("999");
        assertThat(nul.status()).as(nul.toString()).isEqualTo(400);
        assertThat(nul.header("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(page.status()).isNotEqualTo(500);
        assertThat(page.header("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
    }

    @Test
    void aCsrfRefusalOnTheWebIsAStyledPage() {
        Http.Response response = http.form("/logout", null, java.util.Map.of());

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.header("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(response.body()).contains("usa-");
    }

    @Test
    void everyAnswerSaysWhatItMayReferAndUse() {
        for (Http.Response response : List.of(http.get("/api/v1/me", token), http.page("/login", null))) {
            assertThat(response.header("Referrer-Policy")).hasValue("same-origin");
            assertThat(response.header("Permissions-Policy"))
                    .hasValueSatisfying(p -> assertThat(p).contains("camera=()").contains("geolocation=()"));
        }
    }

    private static void assertProblem(RawHttp.Response response, String type) {
        assertThat(response.header("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(response.json().get("type").asString()).isEqualTo("https://gatehouse.dev/problems/" + type);
    }

    private long applications() {
        return jdbc.sql("SELECT count(*) FROM application").query(Long.class).single();
    }
}
