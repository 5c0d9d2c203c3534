package org.gatehouse.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.gatehouse.Http;
import org.gatehouse.IntegrationTest;
import org.gatehouse.TestCallers;
import org.gatehouse.trade.ConflictException;
import org.gatehouse.trade.OrganizationId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** The admin API end to end: accounts and tokens, refusals that reveal nothing, bad input that changes nothing. */
@IntegrationTest
class IdentityApiIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    TokenService tokens;

    @Autowired
    UserService users;

    @Autowired
    OrganizationService organizations;

    @Autowired
    JdbcClient jdbc;

    private Http http;
    private String admin;

    @BeforeEach
    void setUp() {
        http = new Http(port);
        admin = TestCallers.token(tokens, users, Role.ADMIN);
    }

    @Test
    void anAdminCreatesAnOrganizationAUserAndATokenThatWorks() {
        String suffix = unique();
        long head = auditHead();

        Http.Response org = http.post(
                "/api/v1/organizations",
                admin,
                "{\"name\": \"Kestrel Systems " + suffix + "\", \"kind\": \"EXPORTER\"}");
        assertThat(org.status()).as(org.toString()).isEqualTo(201);
        String orgId = org.json().get("id").asString();
        assertThat(org.header("Location")).contains("/api/v1/organizations/" + orgId);
        assertThat(org.json().get("kind").asString()).isEqualTo("EXPORTER");

        Http.Response user = http.post("/api/v1/users", admin, """
                {"username": "Kim-%s", "displayName": "Kim Ode", "organizationId": "%s",
                 "roles": ["APPLICANT"], "password": "a sufficiently long one"}""".formatted(suffix, orgId));
        assertThat(user.status()).as(user.toString()).isEqualTo(201);
        String userId = user.json().get("id").asString();
        assertThat(user.json().get("username").asString()).isEqualTo("kim-" + suffix);
        assertThat(user.body()).doesNotContain("password").doesNotContain("bcrypt");

        Http.Response token = http.post("/api/v1/users/" + userId + "/tokens", admin, "{\"name\": \"ERP export\"}");
        assertThat(token.status()).as(token.toString()).isEqualTo(201);
        assertThat(token.header("Cache-Control"))
                .hasValueSatisfying(v -> assertThat(v).contains("no-store"));
        String secret = token.json().get("secret").asString();
        assertThat(secret).matches("gh_[A-Za-z0-9_-]{43}");
        assertThat(token.json().get("token").get("prefix").asString()).isEqualTo(secret.substring(0, 8));

        Http.Response me = http.get("/api/v1/me", secret);
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().get("user").get("username").asString()).isEqualTo("kim-" + suffix);
        assertThat(me.json().get("organization").get("id").asString()).isEqualTo(orgId);

        Http.Response listed = http.get("/api/v1/users/" + userId + "/tokens", admin);
        assertThat(listed.json().get("items")).hasSize(1);
        assertThat(listed.body()).doesNotContain(secret).doesNotContain(secret.substring(8));
        String stored = jdbc.sql("SELECT secret_sha256 FROM api_token WHERE id = ?::uuid")
                .param(token.json().get("token").get("id").asString())
                .query(String.class)
                .single();
        assertThat(stored).isEqualTo(new TokenSecret(secret).sha256Hex());

        assertThat(eventsSince(head))
                .containsExactly("admin organization.created", "admin user.created", "admin token.created");
    }

    @Test
    void aRevokedTokenStopsWorkingAtTheNextRequest() {
        User user = aUser();
        IssuedToken issued = tokens.create(TestCallers.SYSTEM, user.id(), new TokenName("to revoke"), null);
        assertThat(http.get("/api/v1/me", issued.secret().value()).status()).isEqualTo(200);
        long head = auditHead();

        Http.Response revoked = http.post("/api/v1/tokens/" + issued.token().id() + "/revoke", admin, null);

        assertThat(revoked.status()).isEqualTo(200);
        assertThat(revoked.json().get("revokedAt").isNull()).isFalse();
        Http.Response refused = http.get("/api/v1/me", issued.secret().value());
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.json().get("type").asString()).isEqualTo("https://gatehouse.dev/problems/unauthenticated");
        assertThat(refused.header("WWW-Authenticate"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("Bearer error=\"invalid_token\""));
        assertThat(eventsSince(head)).containsExactly("admin token.revoked");
        // Revoking again changes nothing and records nothing.
        assertThat(http.post("/api/v1/tokens/" + issued.token().id() + "/revoke", admin, null)
                        .status())
                .isEqualTo(200);
        assertThat(eventsSince(head)).hasSize(1);
    }

    @Test
    void anExpiredTokenStopsWorkingAtOnce() {
        User user = aUser();
        IssuedToken issued = tokens.create(
                TestCallers.SYSTEM,
                user.id(),
                new TokenName("short-lived"),
                Instant.now().plus(1, ChronoUnit.HOURS));
        assertThat(http.get("/api/v1/me", issued.secret().value()).status()).isEqualTo(200);

        // Time passes: the token's life now lies in the past.
        jdbc.sql(
                        "UPDATE api_token SET created_at = now() - interval '2 hours', expires_at = now() - interval '1 second'"
                                + " WHERE id = ?")
                .param(issued.token().id().value())
                .update();

        assertThat(http.get("/api/v1/me", issued.secret().value()).status()).isEqualTo(401);
    }

    @Test
    void aDisabledAccountsTokensStopWorkingAtOnceAndWorkAgainWhenEnabled() {
        User user = aUser();
        String secret = tokens.create(TestCallers.SYSTEM, user.id(), new TokenName("ci"), null)
                .secret()
                .value();
        assertThat(http.get("/api/v1/me", secret).status()).isEqualTo(200);

        assertThat(http.post("/api/v1/users/" + user.id() + "/disable", admin, null)
                        .json()
                        .get("enabled")
                        .asBoolean())
                .isFalse();
        assertThat(http.get("/api/v1/me", secret).status()).isEqualTo(401);

        assertThat(http.post("/api/v1/users/" + user.id() + "/enable", admin, null)
                        .status())
                .isEqualTo(200);
        assertThat(http.get("/api/v1/me", secret).status()).isEqualTo(200);
    }

    @Test
    void tokensThatDoNotExistOrAreNotBearerTokensAreRefused() {
        assertThat(http.get("/api/v1/me", "gh_" + "x".repeat(43)).status()).isEqualTo(401);
        assertThat(http.get("/api/v1/me", "not-a-token").status()).isEqualTo(401);
        Http.Response basic = http.api("GET", "/api/v1/me", null, null);
        assertThat(basic.status()).isEqualTo(401);
        assertThat(basic.header("WWW-Authenticate")).contains("Bearer");
        assertThat(basic.json().get("detail").asString()).contains("Authorization: Bearer");
    }

    @Test
    void otherOrganizationsRecordsAnswerExactlyLikeIdsThatDoNotExist() {
        String exporter = TestCallers.token(tokens, users, Role.APPLICANT);
        String buyerOrg = TestCallers.organizationId(users, organizations, Role.BUYER);
        String buyerUser = TestCallers.user(users, Role.BUYER).id().toString();
        String missing = UUID.randomUUID().toString();

        Http.Response otherOrg = http.get("/api/v1/organizations/" + buyerOrg, exporter);
        Http.Response missingOrg = http.get("/api/v1/organizations/" + missing, exporter);
        assertThat(otherOrg.status()).isEqualTo(404).isEqualTo(missingOrg.status());
        assertThat(withoutId(otherOrg.json(), buyerOrg)).isEqualTo(withoutId(missingOrg.json(), missing));

        Http.Response otherUser = http.get("/api/v1/users/" + buyerUser, exporter);
        Http.Response missingUser = http.get("/api/v1/users/" + missing, exporter);
        assertThat(otherUser.status()).isEqualTo(404);
        assertThat(withoutId(otherUser.json(), buyerUser)).isEqualTo(withoutId(missingUser.json(), missing));

        // Writes by guessed ids: refused the same way whether the id exists or not, and nothing changes.
        long head = auditHead();
        Http.Response otherWrite = http.post("/api/v1/users/" + buyerUser + "/disable", exporter, null);
        Http.Response missingWrite = http.post("/api/v1/users/" + missing + "/disable", exporter, null);
        assertThat(otherWrite.status()).isEqualTo(403);
        assertThat(otherWrite.body()).isEqualTo(missingWrite.body());
        assertThat(users.get(
                                TestCallers.SYSTEM,
                                TestCallers.user(users, Role.BUYER).id())
                        .enabled())
                .isTrue();
        assertThat(auditHead()).isEqualTo(head);
    }

    @Test
    void badInputIsRefusedNamingEachFieldAndChangesNothing() {
        String orgId = TestCallers.organizationId(users, organizations, Role.APPLICANT);
        long head = auditHead();
        long usersBefore = userCount();

        Http.Response unknownField = http.post("/api/v1/users", admin, """
                {"username": "newbie-%s", "displayName": "N", "organizationId": "%s", "roles": ["APPLICANT"],
                 "password": "long enough password", "isAdmin": true}""".formatted(unique(), orgId));
        assertThat(unknownField.status()).isEqualTo(400);
        assertThat(errors(unknownField)).containsExactly(Map.of("field", "isAdmin", "message", "unknown field"));

        Http.Response several = http.post("/api/v1/users", admin, """
                {"username": "No Spaces", "displayName": "", "organizationId": "42", "roles": [], "password": "short"}""");
        assertThat(several.status()).isEqualTo(400);
        assertThat(several.json().get("type").asString()).isEqualTo("https://gatehouse.dev/problems/invalid-input");
        assertThat(errors(several))
                .extracting(e -> e.get("field"))
                .containsExactly("username", "displayName", "organizationId", "roles", "password");

        Http.Response wrongRole = http.post("/api/v1/users", admin, """
                {"username": "wrong-%s", "displayName": "W", "organizationId": "%s", "roles": ["OFFICER"],
                 "password": "long enough password"}""".formatted(unique(), orgId));
        assertThat(errors(wrongRole))
                .containsExactly(Map.of(
                        "field",
                        "roles",
                        "message",
                        "OFFICER is not allowed in an organization of kind EXPORTER (allowed: APPLICANT)"));

        Http.Response unknownRole = http.post("/api/v1/users", admin, """
                {"username": "x-%s", "displayName": "X", "organizationId": "%s", "roles": ["APPLICANT", "GOD"],
                 "password": "long enough password"}""".formatted(unique(), orgId));
        assertThat(errors(unknownRole)).extracting(e -> e.get("field")).containsExactly("roles[1]");

        Http.Response taken = http.post("/api/v1/users", admin, """
                {"username": "exporter", "displayName": "Again", "organizationId": "%s", "roles": ["APPLICANT"],
                 "password": "long enough password"}""".formatted(orgId));
        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.json().get("detail").asString()).isEqualTo("the username 'exporter' is taken");

        Http.Response malformed = http.post("/api/v1/organizations", admin, "{\"name\": ");
        assertThat(malformed.status()).isEqualTo(400);
        Http.Response agencyWithoutAgency =
                http.post("/api/v1/organizations", admin, "{\"name\": \"Agency X\", \"kind\": \"AGENCY\"}");
        assertThat(errors(agencyWithoutAgency)).extracting(e -> e.get("field")).containsExactly("agency");
        Http.Response duplicateName = http.post(
                "/api/v1/organizations", admin, "{\"name\": \"VERIDIAN SEMICONDUCTOR, INC.\", \"kind\": \"EXPORTER\"}");
        assertThat(duplicateName.status()).isEqualTo(409);
        Http.Response hugeLimit = http.get("/api/v1/users?limit=500", admin);
        assertThat(errors(hugeLimit)).containsExactly(Map.of("field", "limit", "message", "must be 1..200, got 500"));
        Http.Response notAnId = http.get("/api/v1/users/42", admin);
        assertThat(errors(notAnId)).containsExactly(Map.of("field", "id", "message", "must be a UUID"));
        Http.Response pastExpiry = http.post(
                "/api/v1/users/" + TestCallers.user(users, Role.BUYER).id() + "/tokens",
                admin,
                "{\"name\": \"old\", \"expiresAt\": \"2001-01-01T00:00:00Z\"}");
        assertThat(errors(pastExpiry))
                .containsExactly(Map.of("field", "expiresAt", "message", "must be in the future"));

        assertThat(auditHead()).isEqualTo(head);
        assertThat(userCount()).isEqualTo(usersBefore);
    }

    @Test
    void roleChangesAreCheckedAgainstTheVersionAndAuditedWithBeforeAndAfter() {
        User officer = users.create(
                TestCallers.SYSTEM,
                new NewUser(
                        new Username("off-" + unique()),
                        new DisplayName("Officer"),
                        TestCallers.user(users, Role.OFFICER).organizationId(),
                        Set.of(Role.OFFICER),
                        new Password("long enough password")));
        long head = auditHead();

        Http.Response stale = http.api(
                "PUT",
                "/api/v1/users/" + officer.id() + "/roles",
                admin,
                "{\"roles\": [\"OFFICER\", \"ADMIN\"], \"version\": 7}");
        assertThat(stale.status()).isEqualTo(409);

        Http.Response changed = http.api(
                "PUT",
                "/api/v1/users/" + officer.id() + "/roles",
                admin,
                "{\"roles\": [\"OFFICER\", \"ADMIN\"], \"version\": 0}");
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(changed.json().get("roles").values())
                .extracting(JsonNode::asString)
                .containsExactly("OFFICER", "ADMIN");
        assertThat(changed.json().get("version").asLong()).isEqualTo(1);
        String payload = jdbc.sql("SELECT payload FROM audit_event WHERE seq > ? AND action = 'user.roles_changed'")
                .param(head)
                .query(String.class)
                .single();
        assertThat(payload).contains("\"before\":[\"OFFICER\"]").contains("\"after\":[\"OFFICER\",\"ADMIN\"]");
    }

    @Test
    void unknownApiPathsAnswerProblemsNeverTheLoginPage() {
        Http.Response anonymous = http.get("/api/v1/no-such-thing", null);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.header("Location")).isEmpty();

        Http.Response signedIn = http.get("/api/v1/no-such-thing", admin);
        assertThat(signedIn.status()).isEqualTo(404);
        assertThat(signedIn.header("Content-Type"))
                .as(signedIn.toString())
                .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(signedIn.json().get("type").asString()).isEqualTo("https://gatehouse.dev/problems/not-found");

        // Public documents need no token (the catalogue itself arrives with a later issue).
        assertThat(http.get("/api/v1/catalog", null).status()).isNotIn(401, 403);
        assertThat(http.get("/api/v1/policies/us-global-2026-draft", null).status())
                .isNotIn(401, 403);
        assertThat(http.post("/api/v1/policies", null, "{}").status()).isEqualTo(401);
    }

    @Test
    void anAdminCannotLockItselfOut() {
        User admin = TestCallers.user(users, Role.ADMIN);
        String token = TestCallers.token(tokens, users, Role.ADMIN);

        assertThat(http.post("/api/v1/users/" + admin.id() + "/disable", token, null)
                        .status())
                .isEqualTo(409);
        assertThat(http.api("PUT", "/api/v1/users/" + admin.id() + "/roles", token, "{\"roles\": [\"OFFICER\"]}")
                        .status())
                .isEqualTo(409);
        assertThat(users.get(TestCallers.SYSTEM, admin.id()).roles()).containsExactly(Role.ADMIN);
    }

    @Test
    void theDatabaseItselfRefusesRolesAndMovesThatTheOrganizationsKindDoesNotAllow() {
        User applicant = aUser();
        String authority = TestCallers.user(users, Role.ADMIN).organizationId().toString();

        assertThatThrownBy(() -> jdbc.sql("INSERT INTO user_role (user_id, role) VALUES (?, 'ADMIN')")
                        .param(applicant.id().value())
                        .update())
                .rootCause()
                .hasMessageContaining("role ADMIN is not allowed in an organization of kind EXPORTER");
        assertThatThrownBy(() -> jdbc.sql("UPDATE app_user SET organization_id = ?::uuid WHERE id = ?")
                        .param(authority)
                        .param(applicant.id().value())
                        .update())
                .rootCause()
                .hasMessageContaining("never change");
        assertThatThrownBy(() -> jdbc.sql("UPDATE organization SET kind = 'AUTHORITY' WHERE id = ?")
                        .param(applicant.organizationId().value())
                        .update())
                .rootCause()
                .hasMessageContaining("never change");
        assertThat(users.get(TestCallers.SYSTEM, applicant.id()).roles()).containsExactly(Role.APPLICANT);
    }

    @Test
    void racingCreationsOfOneUsernameMakeOneAccount() throws Exception {
        String username = "race-" + unique();
        OrganizationId exporter = TestCallers.user(users, Role.APPLICANT).organizationId();
        long head = auditHead();
        List<Callable<Boolean>> racers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            racers.add(() -> {
                try {
                    users.create(
                            TestCallers.SYSTEM,
                            new NewUser(
                                    new Username(username),
                                    new DisplayName("Racer"),
                                    exporter,
                                    Set.of(Role.APPLICANT),
                                    new Password("long enough password")));
                    return true;
                } catch (ConflictException e) {
                    return false;
                }
            });
        }

        List<Boolean> created = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            for (Future<Boolean> result : pool.invokeAll(racers)) {
                created.add(result.get());
            }
        }

        assertThat(created).containsOnlyOnce(true);
        assertThat(eventsSince(head)).containsExactly("test user.created");
    }

    private User aUser() {
        return users.create(
                TestCallers.SYSTEM,
                new NewUser(
                        new Username("api-" + unique()),
                        new DisplayName("API User"),
                        TestCallers.user(users, Role.APPLICANT).organizationId(),
                        Set.of(Role.APPLICANT),
                        new Password("long enough password")));
    }

    private static List<Map<String, String>> errors(Http.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        return response.json().get("errors").values().stream()
                .map(e -> Map.of(
                        "field",
                        e.get("field").asString(),
                        "message",
                        e.get("message").asString()))
                .toList();
    }

    private static String withoutId(JsonNode problem, String id) {
        return problem.toString().replace(id, "ID");
    }

    private List<String> eventsSince(long seq) {
        return jdbc.sql("SELECT actor || ' ' || action FROM audit_event WHERE seq > ? ORDER BY seq")
                .param(seq)
                .query(String.class)
                .list();
    }

    private long auditHead() {
        return jdbc.sql("SELECT last_seq FROM audit_chain_head")
                .query(Long.class)
                .single();
    }

    private long userCount() {
        return jdbc.sql("SELECT count(*) FROM app_user").query(Long.class).single();
    }

    private static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
